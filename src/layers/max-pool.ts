import { mul } from "../algebra/expr.js";
import { poolBindings } from "./average-pool.js";
import { defineLayerKind } from "./define-layer-kind.js";
import { D_H, D_Hin, D_W, D_Win, M, ZERO } from "./symbols.js";

/** A max pool's own fields: a kernel×kernel window at a stride, padded by `pad` in all per axis. */
export interface MaxPoolFields {
  readonly kernel: number;
  readonly stride: number;
  readonly pad: number;
  /** Round the output side up (ONNX ceil_mode 1, PyTorch ceil_mode=True). */
  readonly ceil: boolean;
}

/**
 * Max pooling: no weights, no multiply-accumulates; one comparison per input
 * element, a work category of its own. Output side ⌊(H + pad − k) / s⌋ + 1
 * (⌈…⌉ with ceil), as ONNX MaxPool and torch.nn.MaxPool2d.
 */
export const maxPool = defineLayerKind<"maxpool", MaxPoolFields>()({
  kind: "maxpool",
  title: "max pooling",
  type: "pool",
  params: ZERO,
  macs: ZERO,
  bias: ZERO,
  bn: ZERO,
  outputElements: mul(M, D_H, D_W),
  work: [{ category: "max-pool", formula: mul(M, D_Hin, D_Win) }],
  outputShape: (op, [h, w, c]) => {
    const round = op.ceil ? Math.ceil : Math.floor;
    const side = (s: number) => round((s + op.pad - op.kernel) / op.stride) + 1;
    return [side(h), side(w), c];
  },
  bind: (_op, input, output) => poolBindings(input, output),
});
