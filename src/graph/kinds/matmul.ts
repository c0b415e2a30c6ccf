/**
 * A matrix product with NumPy's rules (ONNX MatMul; MatMulInteger and QLinearMatMul lower onto it with
 * their A and B in these positions): the last two axes multiply, the others broadcast; a 1-d operand is
 * a row (A) or a column (B), its axis dropped from the result.
 */
import { mul } from "../../algebra/expr.js";
import { broadcastDims, elementNumber, formatDims } from "../dims.js";
import { defineOpKind } from "../op-kind.js";
import { C, I, P, R } from "../symbols.js";
import type { DataType } from "../tensor.js";

export interface MatMulAttrs {
  /** The output's element type when it is not A's (MatMulInteger: int32; QLinearMatMul: its zero point's). */
  readonly outputType?: DataType;
}

export const matmul = defineOpKind<MatMulAttrs>()({
  kind: "matmul",
  title: "matrix product (MatMul)",
  macs: mul(P, R, I, C),
  paramRole: () => "weight",
  // a linear layer multiplies by a stored weight; attention multiplies two computed tensors
  isMatmul: ({ isStored }) => !isStored(0) && !isStored(1),
  typeOf: ({ isStored }) => (!isStored(0) && !isStored(1) ? "matmul" : "fc"),
  bind: (_, [a, b], [y]) => {
    const rows = a!.dims.length === 1 ? 1 : a!.dims[a!.dims.length - 2]!;
    const columns = b!.dims.length === 1 ? 1 : b!.dims[b!.dims.length - 1]!;
    return {
      P: rows * columns === 0 ? 0 : elementNumber(y!.dims) / (rows * columns),
      R: rows,
      I: a!.dims[a!.dims.length - 1]!,
      C: columns,
    };
  },
  infer: ({ outputType }, [a, b]) => {
    if (!a || !b) return "needs A and B";
    if (a.dims.length === 0 || b.dims.length === 0) return "MatMul does not take scalars";
    const left = a.dims.length === 1 ? [1, a.dims[0]!] : a.dims;
    const right = b.dims.length === 1 ? [b.dims[0]!, 1] : b.dims;
    const m = left[left.length - 2]!;
    const k = left[left.length - 1]!;
    const n = right[right.length - 1]!;
    if (right[right.length - 2] !== k)
      return `A ${formatDims(a.dims)} and B ${formatDims(b.dims)} do not multiply`;
    const batch = broadcastDims(left.slice(0, -2), right.slice(0, -2));
    if (typeof batch === "string") return `batch axes: ${batch}`;
    const dims = [...batch, ...(a.dims.length === 1 ? [] : [m]), ...(b.dims.length === 1 ? [] : [n])];
    return [{ dims, dtype: outputType ?? a.dtype }];
  },
});
