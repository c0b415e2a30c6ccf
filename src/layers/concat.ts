import { mul } from "../algebra/expr.js";
import { defineLayerKind, type MergeFields } from "./define-layer-kind.js";
import { D_H, D_W, N, ZERO } from "./symbols.js";

/**
 * Channel concatenation of its input and the saved tensor it `reads` (torch.cat([x, other], dim=1)):
 * data movement, no arithmetic. The two maps have one height and width; N = their channels summed.
 */
export const concat = defineLayerKind<"concat", MergeFields>()({
  kind: "concat",
  title: "channel concatenation",
  type: "concat",
  params: ZERO,
  macs: ZERO,
  bias: ZERO,
  bn: ZERO,
  outputElements: mul(N, D_H, D_W),
  work: [],
  /** The other map, whole. */
  secondOperand: (_op, input, [h, w, c]) => h * w * (c - input[2]),
  operandShape: true,
  outputShape: (_op, [h, w, c], operand) => [h, w, c + operand![2]],
  check: (op, [h, w], _output, operand) =>
    operand![0] !== h || operand![1] !== w
      ? `joins its ${h}×${w} input and the ${operand![0]}×${operand![1]} of '${op.reads}': their sides differ`
      : undefined,
  bind: (_op, _input, output) => ({ N: output[2], D_H: output[0], D_W: output[1] }),
});
