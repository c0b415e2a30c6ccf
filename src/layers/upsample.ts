import { mul, sym } from "../algebra/expr.js";
import { defineLayerKind, type MergeFields } from "./define-layer-kind.js";
import { D_H, D_W, M, ZERO } from "./symbols.js";

/**
 * Nearest upsampling of its input to the height and width of the saved tensor it `reads` (as
 * F.interpolate(x, size=other.shape[-2:], mode="nearest"); MobileNetV5's fusion adapter): no weights,
 * no multiply-accumulates, one copy per output element; none at all where the sizes are already
 * equal (timm interpolates only a smaller map). It reads only the other tensor's size.
 */
/** 1 where the sizes differ (the map is interpolated), else 0. */
export const S_up = sym("S_up");

export const upsample = defineLayerKind<"upsample", MergeFields>()({
  kind: "upsample",
  title: "nearest upsampling",
  type: "upsample",
  params: ZERO,
  macs: ZERO,
  bias: ZERO,
  bn: ZERO,
  outputElements: mul(M, D_H, D_W),
  work: [{ category: "upsample", formula: mul(S_up, M, D_H, D_W) }],
  operandShape: true,
  outputShape: (_op, input, operand) => [operand![0], operand![1], input[2]],
  check: (op, input, output) =>
    output[0] < input[0] || output[1] < input[1]
      ? `upsamples its ${input[0]}×${input[1]} input to the ${output[0]}×${output[1]} of '${op.reads}', which is smaller`
      : undefined,
  bind: (_op, input, output) => ({
    M: input[2],
    D_H: output[0],
    D_W: output[1],
    S_up: output[0] === input[0] && output[1] === input[1] ? 0 : 1,
  }),
});
