import { mul } from "../algebra/expr.js";
import { defineLayerKind, type MergeFields } from "./define-layer-kind.js";
import { D_H, D_W, N, ZERO } from "./symbols.js";

/** Squeeze-excite's channel-wise scaling x·s: no weights, no multiply-accumulates. */
export const channelScale = defineLayerKind<"scale", MergeFields>()({
  kind: "scale",
  title: "channel scale (squeeze-excite)",
  type: "se",
  params: ZERO,
  macs: ZERO,
  bias: ZERO,
  bn: ZERO,
  outputElements: mul(N, D_H, D_W),
  work: [{ category: "scale", formula: mul(N, D_H, D_W) }],
  /** The gate: one value per channel. */
  secondOperand: (_op, _input, output) => output[2],
  outputShape: (_op, input) => input,
  bind: (_op, _input, output) => ({ N: output[2], D_H: output[0], D_W: output[1] }),
});
