/**
 * Element-wise ops of several tensors, broadcast NumPy's way (ONNX Add, Sub, Mul, Div, Pow, Max, Min,
 * Sum, Mean, PRelu, Where, the comparisons and the logical ops): the output has the broadcast dims.
 * Arithmetic on known values is carried through, for shape arithmetic: integer (Div truncates), and
 * float (a TF-style "same" padding computed from the input's size, as timm's tf_ models export it).
 */
import { broadcastDims, type Dims, elementCount, elementNumber, sameDims } from "../dims.js";
import { defineOpKind } from "../op-kind.js";
import { type DataType, isFloatType, SMALL_VALUES, type Tensor, tensorOf } from "../tensor.js";
import { isPatternPart, isWeightAnywhere, type NodeContext, type WorkCategory } from "../work.js";

export interface BroadcastAttrs {
  /** The ONNX operator (Add, Mul, Where, …). */
  readonly op: string;
  /** Mod: C's remainder (the dividend's sign) instead of the divisor's sign. */
  readonly fmod?: boolean;
  /** Maps are N×H×W×C (TensorFlow Lite): a per-channel operand is one value per last axis. */
  readonly channelsLast?: boolean;
}

const COMPARISONS = new Set([
  "Equal",
  "Less",
  "Greater",
  "LessOrEqual",
  "GreaterOrEqual",
  "And",
  "Or",
  "Xor",
]);

const VALUE_OF: Readonly<Record<string, (...v: number[]) => number>> = {
  Add: (a, b) => a! + b!,
  Sub: (a, b) => a! - b!,
  Mul: (a, b) => a! * b!,
  Div: (a, b) => Math.trunc(a! / b!),
  // Mod without fmod: the remainder takes the divisor's sign (Python's %, which torch exports so)
  Mod: (a, b) => ((a! % b!) + b!) % b!,
  FMod: (a, b) => a! % b!,
  Max: (...v) => Math.max(...v),
  Min: (...v) => Math.min(...v),
  Equal: (a, b) => (a === b ? 1 : 0),
  Where: (c, a, b) => (c ? a! : b!),
};

/** Row-major index into a tensor of `dims` broadcast to `out`, for output index `i`. */
function sourceIndex(i: number, out: Dims, dims: Dims): number {
  let index = 0;
  let stride = 1;
  let rest = i;
  for (let axis = out.length - 1; axis >= 0; axis--) {
    const position = rest % out[axis]!;
    rest = Math.floor(rest / out[axis]!);
    const own = axis - (out.length - dims.length);
    if (own >= 0) {
      if (dims[own] !== 1) index += position * stride;
      stride *= dims[own]!;
    }
  }
  return index;
}

/** Known values computed element by element (an integer Div truncates, as shape arithmetic divides). */
function valuesOf(
  op: string,
  inputs: readonly Tensor[],
  out: Dims,
  dtype: DataType | undefined,
): number[] | undefined {
  const float = isFloatType(dtype);
  const known = Object.hasOwn(VALUE_OF, op) ? VALUE_OF[op] : undefined;
  const compute = op === "Div" && float ? (a: number, b: number) => a / b : known;
  const numeric = dtype !== undefined && (dtype.includes("int") || float);
  if (!compute || !numeric || inputs.some((t) => t.values === undefined)) return undefined;
  return Array.from({ length: elementNumber(out) }, (_, i) =>
    compute(...inputs.map((t) => t.values![sourceIndex(i, out, t.dims)]!)),
  );
}

/**
 * What an Add or a Mul is, by the layer kinds' categories: two computed maps added are a residual add;
 * a stored vector added, a linear layer's bias (torch exports a linear on an input of 3 or more dims as
 * MatMul + Add, on 2 as a Gemm holding it): as a fused product's bias up to 3 dims, which torch runs as
 * one addmm, a bias of its own past them (torch: a matmul, then an add); a stored tensor of more dims
 * added (a position embedding) is none;
 * a map times a computed per-channel gate, a
 * squeeze-and-excite scale; a map times a stored per-channel vector, a LayerScale.
 */
function mergeCategory({
  attrs,
  inputs,
  outputs,
  isStored,
}: NodeContext<BroadcastAttrs>): WorkCategory | undefined {
  if (inputs.length !== 2) return undefined;
  const stored = [isStored(0), isStored(1)];
  if (attrs.op === "Add") {
    if (!stored[0] && !stored[1]) return "add";
    const added = stored[0] !== stored[1] ? inputs[stored[0] ? 0 : 1]! : undefined;
    if (added?.dims.length !== 1 || elementCount(added.dims) < 2n) return undefined;
    return outputs[0]!.dims.length <= 3 ? "bias" : "linear-bias";
  }
  if (attrs.op !== "Mul") return undefined;
  const out = outputs[0]!.dims;
  // a per-channel operand of an N×C×… map (or an N×…×C one): one value per channel
  const channels = attrs.channelsLast ? out.at(-1) : out[1];
  const perChannel = (t: Tensor) =>
    elementCount(t.dims) === BigInt(channels ?? 0) &&
    (attrs.channelsLast ? t.dims.at(-1) === channels : sameDims(t.dims.slice(-1), [1]) === out.length > 2);
  const small = [0, 1].find((i) => perChannel(inputs[i]!) && !sameDims(inputs[i]!.dims, out));
  if (small === undefined) return undefined;
  return stored[small] ? "layer-scale" : stored[1 - small] ? undefined : "scale";
}

export const broadcast = defineOpKind<BroadcastAttrs>()({
  kind: "broadcast",
  title: "element-wise op (broadcast)",
  // an Add of a stored vector is a linear layer's bias (MatMul + Add); anything else stored is a weight
  paramRole: ({ attrs, inputs, role }, position) => {
    if (!isWeightAnywhere(inputs[position])) return undefined;
    // a written-out LayerNorm's γ and β
    if (role === "norm" || role === "norm-part") return "norm";
    return attrs.op === "Add" && inputs[position]!.dims.length === 1 ? "bias" : "weight";
  },
  work: (ctx) => {
    const { role } = ctx;
    const category = isPatternPart(role) ? undefined : (role ?? mergeCategory(ctx));
    return category ? [{ category, elements: elementCount(ctx.outputs[0]!.dims) }] : [];
  },
  infer: ({ op, fmod }, inputs) => {
    const given = inputs.filter((t): t is Tensor => t !== undefined);
    if (given.length === 0 || given.length !== inputs.length) return "needs every input";
    let dims: Dims = given[0]!.dims;
    for (const t of given.slice(1)) {
      const next = broadcastDims(dims, t.dims);
      if (typeof next === "string") return next;
      dims = next;
    }
    const dtype = COMPARISONS.has(op) ? "bool" : op === "Where" ? given[1]?.dtype : given[0]!.dtype;
    const valueDtype = op === "Where" ? given[1]?.dtype : op === "Equal" ? given[0]!.dtype : dtype;
    const computed = op === "Mod" && fmod ? "FMod" : op;
    const values =
      elementNumber(dims) <= SMALL_VALUES ? valuesOf(computed, given, dims, valueDtype) : undefined;
    return [tensorOf(dims, dtype, values)];
  },
});
