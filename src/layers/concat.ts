import { mul } from "../algebra/expr.js";
import { defineLayerKind, type MergeFields } from "./define-layer-kind.js";
import { D_H, D_W, N, ZERO } from "./symbols.js";

/** A concatenation's own fields: it appends a saved tensor's `channels` channels to its input's. */
export interface ConcatFields extends MergeFields {
  readonly channels: number;
}

/** Channel concatenation (ONNX Concat on axis 1, torch.cat(dim=1)): a copy, no weights, no work. */
export const concat = defineLayerKind<"concat", ConcatFields>()({
  kind: "concat",
  title: "channel concatenation",
  type: "concat",
  params: ZERO,
  macs: ZERO,
  bias: ZERO,
  bn: ZERO,
  outputElements: mul(N, D_H, D_W),
  work: [],
  /** The appended tensor. */
  secondOperand: (op, _input, [h, w]) => h * w * op.channels,
  outputShape: (op, [h, w, c]) => [h, w, c + op.channels],
  bind: (_op, _input, output) => ({ N: output[2], D_H: output[0], D_W: output[1] }),
});
