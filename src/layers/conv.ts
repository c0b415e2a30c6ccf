import { mul } from "../algebra/expr.js";
import { defineLayerKind, sameSide, type ConvFields } from "./define-layer-kind.js";
import { D_H, D_K2, D_W, M, N } from "./symbols.js";

/** Standard convolution: N kernels of D_K×D_K×M (Howard et al. 2017, Section 3.1). */
export const conv = defineLayerKind<"conv", ConvFields>()({
  kind: "conv",
  title: "standard convolution",
  type: "conv",
  params: mul(D_K2, M, N),
  macs: mul(D_K2, M, N, D_H, D_W),
  bias: N,
  bn: mul(2, N),
  outputElements: mul(N, D_H, D_W),
  work: [],
  outputShape: (op, [h, w]) => [sameSide(h, op.stride), sameSide(w, op.stride), op.out],
  bind: (op, input, output) => ({
    D_K: op.kernel,
    M: input[2],
    N: output[2],
    D_H: output[0],
    D_W: output[1],
  }),
});
