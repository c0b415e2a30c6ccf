/** Tensors joined along an axis (ONNX Concat, any number of inputs): data movement; known values are joined too. */
import { axisIn, elementNumber, formatDims } from "../dims.js";
import { defineOpKind } from "../op-kind.js";
import { type Tensor, tensorOf } from "../tensor.js";
import { isWeightAnywhere } from "../work.js";

export interface ConcatAttrs {
  readonly axis: number;
}

/** Values joined along `axis`: each input contributes its block of every outer index in turn. */
function joinedValues(inputs: readonly Tensor[], axis: number): number[] | undefined {
  if (inputs.some((t) => t.values === undefined)) return undefined;
  const outer = elementNumber(inputs[0]!.dims.slice(0, axis));
  const values: number[] = [];
  for (let o = 0; o < outer; o++)
    for (const t of inputs) {
      const block = elementNumber(t.dims.slice(axis));
      values.push(...t.values!.slice(o * block, (o + 1) * block));
    }
  return values;
}

export const concat = defineOpKind<ConcatAttrs>()({
  kind: "concat",
  title: "concatenation",
  paramRole: ({ inputs }, position) => (isWeightAnywhere(inputs[position]) ? "weight" : undefined),
  infer: ({ axis }, inputs) => {
    const given = inputs.filter((t): t is Tensor => t !== undefined);
    const first = given[0];
    if (!first || given.length !== inputs.length) return "needs every input";
    const at = axisIn(axis, first.dims.length);
    if (typeof at === "string") return at;
    for (const t of given)
      if (t.dims.length !== first.dims.length || t.dims.some((d, i) => i !== at && d !== first.dims[i]))
        return `${formatDims(t.dims)} does not join ${formatDims(first.dims)} along axis ${axis}`;
    const dims = first.dims.map((d, i) => (i === at ? given.reduce((sum, t) => sum + t.dims[i]!, 0) : d));
    return [tensorOf(dims, first.dtype, joinedValues(given, at))];
  },
});
