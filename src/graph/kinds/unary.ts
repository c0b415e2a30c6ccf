/**
 * Element-wise ops of one tensor (activations, math, casts, quantization, norms' parts; scatters, which
 * write into a copy of their data): the output has the input's dims. Which ONNX operator it is (`op`) says what work each element costs; a few also
 * carry known values through, for shape arithmetic (Cast, Identity, Neg, Floor, Ceil, Abs, Sqrt).
 */
import { defineOpKind } from "../op-kind.js";
import { type DataType, tensorOf } from "../tensor.js";

export interface UnaryAttrs {
  /** The ONNX operator (Relu, Sigmoid, Cast, QuantizeLinear, …). */
  readonly op: string;
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

export const unary = defineOpKind<UnaryAttrs>()({
  kind: "unary",
  title: "element-wise op",
  infer: ({ op, outputType, typeFromInput }, inputs) => {
    const x = inputs[0];
    if (!x) return "needs its input";
    const typed = typeFromInput === undefined ? undefined : inputs[typeFromInput]?.dtype;
    const dtype = typed ?? outputType ?? x.dtype;
    const compute = Object.hasOwn(VALUE_OF, op) ? VALUE_OF[op] : undefined;
    const values = compute && x.values?.map(compute);
    const y = tensorOf(x.dims, dtype, values);
    // Dropout's optional second output: its mask
    return op === "Dropout" ? [y, { dims: x.dims, dtype: "bool" }] : [y];
  },
});
