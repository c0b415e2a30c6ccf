/** Axes permuted (ONNX Transpose; the default reverses them): data movement, no work; known values follow. */
import { formatDims, gatherValues, stridesOf } from "../dims.js";
import { defineOpKind } from "../op-kind.js";
import { tensorOf } from "../tensor.js";

export interface TransposeAttrs {
  readonly perm?: readonly number[];
}

export const transpose = defineOpKind<TransposeAttrs>()({
  kind: "transpose",
  title: "transpose",
  infer: ({ perm }, [x]) => {
    if (!x) return "needs its data";
    const order = perm ?? x.dims.map((_, i) => x.dims.length - 1 - i);
    const sorted = [...order].sort((a, b) => a - b);
    if (order.length !== x.dims.length || sorted.some((a, i) => a !== i))
      return `perm [${order.join(", ")}] is not a permutation of the ${x.dims.length} axes of ${formatDims(x.dims)}`;
    const dims = order.map((a) => x.dims[a]!);
    const strides = stridesOf(x.dims);
    const values =
      x.values &&
      gatherValues(dims, x.values, (position) =>
        position.reduce((at, p, i) => at + p * strides[order[i]!]!, 0),
      );
    return [tensorOf(dims, x.dtype, values)];
  },
});
