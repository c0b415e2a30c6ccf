import { mul } from "../algebra/expr.js";
import { defineLayerKind, type MergeFields } from "./define-layer-kind.js";
import { D_H, D_W, N, ZERO } from "./symbols.js";

/** Element-wise residual addition: no weights, no multiply-accumulates. */
export const residualAdd = defineLayerKind<"add", MergeFields>()({
  kind: "add",
  title: "residual add",
  type: "add",
  params: ZERO,
  macs: ZERO,
  bias: ZERO,
  bn: ZERO,
  outputElements: mul(N, D_H, D_W),
  work: [{ category: "add", formula: mul(N, D_H, D_W) }],
  secondOperand: (_op, _input, [h, w, c]) => h * w * c,
  outputShape: (_op, input) => input,
  bind: (_op, _input, output) => ({ N: output[2], D_H: output[0], D_W: output[1] }),
});
