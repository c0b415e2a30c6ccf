/**
 * Indexing (ONNX Gather: the axis replaced by the indices' dims; GatherElements: the indices' dims).
 * Known values are gathered too: Shape → Gather is how exporters read one dimension.
 */
import { axisIn, elementNumber, formatDims } from "../dims.js";
import { defineOpKind } from "../op-kind.js";
import { type Tensor, tensorOf } from "../tensor.js";

export interface GatherAttrs {
  readonly op: "Gather" | "GatherElements";
  readonly axis: number;
}

function gatheredValues(x: Tensor, indices: Tensor, axis: number): number[] | undefined {
  if (x.values === undefined || indices.values === undefined) return undefined;
  const size = x.dims[axis]!;
  const outer = elementNumber(x.dims.slice(0, axis));
  const inner = elementNumber(x.dims.slice(axis + 1));
  const values: number[] = [];
  for (let o = 0; o < outer; o++)
    for (const raw of indices.values) {
      const index = raw < 0 ? raw + size : raw;
      if (index < 0 || index >= size) return undefined;
      for (let i = 0; i < inner; i++) values.push(x.values[(o * size + index) * inner + i]!);
    }
  return values;
}

export const gather = defineOpKind<GatherAttrs>()({
  kind: "gather",
  title: "gather",
  paramRole: (_, position) => (position === 0 ? "weight" : undefined),
  infer: ({ op, axis }, [x, indices]) => {
    if (!x || !indices) return "needs its data and its indices";
    const at = axisIn(axis, x.dims.length);
    if (typeof at === "string") return at;
    if (op === "GatherElements") {
      if (indices.dims.length !== x.dims.length)
        return `indices ${formatDims(indices.dims)} are not of the data's rank (${formatDims(x.dims)})`;
      return [{ dims: indices.dims, dtype: x.dtype }];
    }
    const size = x.dims[at]!;
    if (indices.values?.some((i) => i < -size || i >= size))
      return `an index in [${indices.values.join(", ")}] is outside axis ${axis} of ${formatDims(x.dims)}`;
    const dims = [...x.dims.slice(0, at), ...indices.dims, ...x.dims.slice(at + 1)];
    return [tensorOf(dims, x.dtype, gatheredValues(x, indices, at))];
  },
});
