import { mul } from "../algebra/expr.js";
import { defineLayerKind } from "./define-layer-kind.js";
import { D_H, D_W, N, ZERO } from "./symbols.js";

/** A BatchNorm of its own, not after a conv (MobileNetV4's attention input norm): γ and β per channel. */
export const norm = defineLayerKind<"norm">()({
  kind: "norm",
  title: "batch normalisation",
  type: "norm",
  params: ZERO,
  macs: ZERO,
  bias: ZERO,
  bn: mul(2, N),
  outputElements: mul(N, D_H, D_W),
  work: [],
  outputShape: (_op, input) => input,
  bind: (_op, _input, output) => ({ N: output[2], D_H: output[0], D_W: output[1] }),
});
