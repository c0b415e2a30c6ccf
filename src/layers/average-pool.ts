import { defineLayerKind } from "./define-layer-kind.js";
import { ZERO } from "./symbols.js";

/**
 * Average pooling: no weights, no multiply-accumulates. Global when the
 * kernel is 0; otherwise a kernel×kernel window with stride = kernel
 * (valid padding), as F.avg_pool2d(x, k).
 */
export const averagePool = defineLayerKind({
  kind: "avgpool",
  title: "average pooling",
  type: "pool",
  params: ZERO,
  macs: ZERO,
  bias: ZERO,
  bn: ZERO,
  outputShape: (op, [h, w, c]) =>
    op.kernel === 0 ? [1, 1, c] : [Math.floor((h - op.kernel) / op.kernel) + 1, Math.floor((w - op.kernel) / op.kernel) + 1, c],
  bind: () => ({}),
});
