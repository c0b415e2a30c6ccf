import { mul } from "../algebra/expr.js";
import { defineLayerKind } from "./define-layer-kind.js";
import { D_H, D_W, N, ZERO } from "./symbols.js";

/** LayerScale: a learnt γ per channel multiplying a residual branch (MobileNetV4's hybrids): N weights, N·D_H·D_W multiplies. */
export const layerScale = defineLayerKind<"layerscale">()({
  kind: "layerscale",
  title: "LayerScale",
  type: "layerscale",
  params: N,
  macs: ZERO,
  bias: ZERO,
  bn: ZERO,
  outputElements: mul(N, D_H, D_W),
  work: [{ category: "layer-scale", formula: mul(N, D_H, D_W) }],
  outputShape: (_op, input) => input,
  bind: (_op, _input, output) => ({ N: output[2], D_H: output[0], D_W: output[1] }),
});
