/** A general matrix product, ONNX Gemm: Y = α·A′·B′ + β·C, A′ M×K (Aᵀ when transA), B′ K×N (Bᵀ when transB), C broadcast to M×N. */
import { mul } from "../../algebra/expr.js";
import { broadcastDims, elementCount, formatDims, sameDims } from "../dims.js";
import { defineOpKind } from "../op-kind.js";
import { C, I, R } from "../symbols.js";

export interface GemmAttrs {
  readonly transA: boolean;
  readonly transB: boolean;
}

export const gemm = defineOpKind<GemmAttrs>()({
  kind: "gemm",
  title: "matrix product (Gemm)",
  macs: mul(R, I, C),
  paramRole: (_, position) => (position === 1 ? "weight" : position === 2 ? "bias" : undefined),
  work: ({ inputs, outputs }) =>
    inputs[2] === undefined ? [] : [{ category: "bias", elements: elementCount(outputs[0]!.dims) }],
  isMatmul: ({ isStored }) => !isStored(1),
  typeOf: ({ isStored }) => (isStored(1) ? "fc" : "matmul"),
  bind: ({ transA }, [a], [y]) => ({ R: y!.dims[0]!, I: a!.dims[transA ? 0 : 1]!, C: y!.dims[1]! }),
  infer: ({ transA, transB }, [a, b, c]) => {
    if (!a || !b) return "needs A and B";
    if (a.dims.length !== 2 || b.dims.length !== 2)
      return `A ${formatDims(a.dims)} and B ${formatDims(b.dims)}: Gemm multiplies two matrices`;
    const [m, k] = transA ? [a.dims[1]!, a.dims[0]!] : [a.dims[0]!, a.dims[1]!];
    const [kB, n] = transB ? [b.dims[1]!, b.dims[0]!] : [b.dims[0]!, b.dims[1]!];
    if (k !== kB) return `A′ ${m}×${k} and B′ ${kB}×${n} do not multiply`;
    // C broadcasts to M×N (one-directionally)
    const withC = c ? broadcastDims([m, n], c.dims) : [m, n];
    if (typeof withC === "string" || !sameDims(withC, [m, n]))
      return `C ${formatDims(c!.dims)} does not broadcast to ${m}×${n}`;
    return [{ dims: [m, n], dtype: a.dtype }];
  },
});
