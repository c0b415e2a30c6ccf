import { mul } from "../algebra/expr.js";
import { defineLayerKind, type Shape } from "./define-layer-kind.js";
import { D_H, D_Hin, D_W, D_Win, M, ZERO } from "./symbols.js";
import { validSide } from "./window.js";

/**
 * Average pooling: no weights, no multiply-accumulates. Global when the
 * kernel is 0; otherwise a kernel×kernel window with stride = kernel
 * (valid padding), as F.avg_pool2d(x, k).
 */
/** A pool's own fields: kernel 0 is global pooling. */
export interface PoolFields {
  readonly kernel: number;
  readonly stride: number;
}

/** A pool's symbols: channels M, the input's side D_Hin×D_Win and the output's D_H×D_W (max pooling's too). */
export const poolBindings = (input: Shape, output: Shape): Record<string, number> => ({
  M: input[2],
  D_Hin: input[0],
  D_Win: input[1],
  D_H: output[0],
  D_W: output[1],
});

export const averagePool = defineLayerKind<"avgpool", PoolFields>()({
  kind: "avgpool",
  title: "average pooling",
  type: "pool",
  params: ZERO,
  macs: ZERO,
  bias: ZERO,
  bn: ZERO,
  outputElements: mul(M, D_H, D_W),
  /** One add per input element, one divide per output element. */
  work: [
    { category: "pool", formula: mul(M, D_Hin, D_Win) },
    { category: "pool-divide", formula: mul(M, D_H, D_W) },
  ],
  outputShape: (op, [h, w, c]) =>
    op.kernel === 0 ? [1, 1, c] : [validSide(h, op.kernel, op.kernel), validSide(w, op.kernel, op.kernel), c],
  bind: (_op, input, output) => poolBindings(input, output),
});
