/** Axes permuted (ONNX Transpose; the default reverses them): data movement, no work. */
import { formatDims } from "../dims.js";
import { defineOpKind } from "../op-kind.js";

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
    return [{ dims: order.map((a) => x.dims[a]!), dtype: x.dtype }];
  },
});
