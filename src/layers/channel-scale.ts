import { defineLayerKind } from "./define-layer-kind.js";
import { ZERO } from "./symbols.js";

/** Squeeze-excite's channel-wise scaling x·s: no weights, no multiply-accumulates. */
export const channelScale = defineLayerKind({
  kind: "scale",
  title: "channel scale (squeeze-excite)",
  type: "se",
  params: ZERO,
  macs: ZERO,
  bias: ZERO,
  bn: ZERO,
  outputShape: (_op, input) => input,
  bind: () => ({}),
});
