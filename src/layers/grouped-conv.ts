import { mul, pow } from "../algebra/expr.js";
import { defineLayerKind, sameSide, type ConvFields } from "./define-layer-kind.js";
import { D_H, D_K2, D_W, G, M, N } from "./symbols.js";

/** Grouped convolution: G groups, each mapping M/G input channels to N/G outputs. */
export const groupedConv = defineLayerKind<"gconv", ConvFields>()({
  kind: "gconv",
  title: "grouped convolution",
  type: "gconv",
  params: mul(D_K2, M, N, pow(G, -1)),
  macs: mul(D_K2, M, N, D_H, D_W, pow(G, -1)),
  bias: N,
  bn: mul(2, N),
  outputElements: mul(N, D_H, D_W),
  work: [],
  outputShape: (op, [h, w]) => [sameSide(h, op.stride), sameSide(w, op.stride), op.out],
  check: (op, input, output) =>
    input[2] % op.groups === 0 && output[2] % op.groups === 0
      ? undefined
      : `${op.groups} groups must divide its ${input[2]} input and ${output[2]} output channels`,
  bind: (op, input, output) => ({
    D_K: op.kernel,
    M: input[2],
    N: output[2],
    D_H: output[0],
    D_W: output[1],
    G: op.groups,
  }),
});
