/**
 * Element-wise ops of one tensor (activations, math, casts, quantization, norms' parts; scatters, which
 * write into a copy of their data): the output has the input's dims. Which ONNX operator it is (`op`) says what work each element costs; a few also
 * carry known values through, for shape arithmetic (Cast, Identity, Neg, Floor, Ceil, Abs, Sqrt).
 */
import { elementCount } from "../dims.js";
import { defineOpKind } from "../op-kind.js";
import { type DataType, type Tensor, tensorOf } from "../tensor.js";
import { isPatternPart, type WorkCategory } from "../work.js";

export interface UnaryAttrs {
  /** The ONNX operator (Relu, Sigmoid, Cast, QuantizeLinear, …). */
  readonly op: string;
  /** Clip before opset 11: its bounds as attributes (from 11 they are inputs 2 and 3). */
  readonly bounds?: readonly [number | undefined, number | undefined];
  /** The output's element type when it is not the input's (Cast's `to`, a quantizer's). */
  readonly outputType?: DataType;
  /** The output takes the element type of this input when it is given (a quantizer's zero point). */
  readonly typeFromInput?: number;
}

const VALUE_OF: Readonly<Record<string, (v: number) => number>> = {
  Identity: (v) => v,
  Cast: (v) => v,
  Neg: (v) => -v,
  Abs: Math.abs,
  Floor: Math.floor,
  Ceil: Math.ceil,
  Sqrt: Math.sqrt,
};

/**
 * Its output's values where its input's are known: a Cast to an integer type truncates, a Clip clamps
 * to its bounds (attributes, or known inputs 2 and 3).
 */
function knownValues(
  op: string,
  values: readonly number[],
  {
    bounds,
    inputs,
    dtype,
  }: { bounds: UnaryAttrs["bounds"]; inputs: readonly (Tensor | undefined)[]; dtype: DataType | undefined },
): number[] | undefined {
  if (op === "Clip") {
    const low = (bounds ? bounds[0] : inputs[1]?.values?.[0]) ?? -Infinity;
    const high = (bounds ? bounds[1] : inputs[2]?.values?.[0]) ?? Infinity;
    const given = (position: number) =>
      bounds !== undefined || inputs[position] === undefined || inputs[position]!.values !== undefined;
    return given(1) && given(2) ? values.map((v) => Math.min(Math.max(v, low), high)) : undefined;
  }
  const compute = Object.hasOwn(VALUE_OF, op) ? VALUE_OF[op] : undefined;
  const integer = op === "Cast" && dtype !== undefined && dtype.includes("int");
  return compute && values.map((v) => (integer ? Math.trunc(compute(v)) : compute(v)));
}

/** The activation each operator is, by the layer kinds' categories. */
const ACTIVATIONS: Readonly<Record<string, WorkCategory>> = {
  Relu: "relu",
  HardSwish: "hswish",
  HardSigmoid: "hsigmoid",
  Sigmoid: "sigmoid",
  Gelu: "gelu",
};

/** Clip(0, 6) is ReLU6 and Clip(0) ReLU; other bounds are no activation of the layer kinds'. */
function clipCategory(
  { bounds }: UnaryAttrs,
  inputs: readonly (Tensor | undefined)[],
): WorkCategory | undefined {
  const low = bounds ? bounds[0] : inputs[1]?.values?.[0];
  const high = bounds ? bounds[1] : inputs[2]?.values?.[0];
  if (low !== 0) return undefined;
  return high === 6 ? "relu6" : high === undefined || high === Infinity ? "relu" : undefined;
}

export const unary = defineOpKind<UnaryAttrs>()({
  kind: "unary",
  title: "element-wise op",
  work: ({ attrs, inputs, outputs, role }) => {
    if (isPatternPart(role)) return [];
    const category =
      role ??
      (attrs.op === "Clip"
        ? clipCategory(attrs, inputs)
        : Object.hasOwn(ACTIVATIONS, attrs.op)
          ? ACTIVATIONS[attrs.op]
          : undefined);
    return category ? [{ category, elements: elementCount(outputs[0]!.dims) }] : [];
  },
  infer: ({ op, bounds, outputType, typeFromInput }, inputs) => {
    const x = inputs[0];
    if (!x) return "needs its input";
    const typed = typeFromInput === undefined ? undefined : inputs[typeFromInput]?.dtype;
    const dtype = typed ?? outputType ?? x.dtype;
    const values = x.values && knownValues(op, x.values, { bounds, inputs, dtype });
    const y = tensorOf(x.dims, dtype, values);
    // Dropout's optional second output: its mask
    return op === "Dropout" ? [y, { dims: x.dims, dtype: "bool" }] : [y];
  },
});
