import { defineLayerKind } from "./define-layer-kind.js";
import { ZERO } from "./symbols.js";

/** Element-wise residual addition: no weights, no multiply-accumulates. */
export const residualAdd = defineLayerKind({
  kind: "add",
  title: "residual add",
  type: "add",
  params: ZERO,
  macs: ZERO,
  bias: ZERO,
  bn: ZERO,
  outputShape: (_op, input) => input,
  bind: () => ({}),
});
