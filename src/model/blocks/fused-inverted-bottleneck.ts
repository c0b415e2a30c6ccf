/**
 * Fused inverted bottleneck (MobileNetV4's FusedIB, EfficientNetV2's
 * Fused-MBConv): a k×k conv to the expanded width make_divisible(in·e, 8) at
 * stride s, then a linear 1×1 projection; one k×k conv in → out when the
 * expansion leaves the width unchanged (torchvision efficientnet.py
 * FusedMBConv; timm EdgeResidual). Residual when stride 1 and in = out.
 */
import type { OpSpec } from "../../layers/define-layer-kind.js";
import { makeDivisible, scaleChannels } from "../scale.js";
import { convOp, defineBlockKind, withResidual } from "./block-kind.js";

export const fusedIbBlock = defineBlockKind({
  kind: "fused_ib",
  prefix: "fused_ib",
  schema: ({ z, count, kernel, stride, common }) =>
    z.strictObject({
      kind: z.literal("fused_ib"),
      kernel,
      stride,
      out: count.describe("output channels"),
      e: z.number().positive().describe("expansion ratio: expanded = make_divisible(in·e, 8)"),
      ...common,
    }),
  expand(spec, state, ctx, nameBlock) {
    const block = spec.name ?? nameBlock();
    const input = state.channels;
    const out = scaleChannels(spec.out, spec.width, ctx, input);
    const expanded = makeDivisible(input * spec.e, 8);
    const act = spec.act ?? ctx.activation;
    const fused = { kind: "conv", block, kernel: spec.kernel, stride: spec.stride, act } as const;
    const ops: OpSpec[] =
      expanded === input
        ? [convOp({ ...fused, name: `${block}/conv`, out })]
        : [
            convOp({ ...fused, name: `${block}/expand`, out: expanded }),
            convOp({ kind: "pointwise", name: `${block}/project`, block, out, act: "none" }),
          ];
    const residual = spec.stride === 1 && input === out;
    return {
      ops: residual ? withResidual(ops, block) : ops,
      state: { channels: out, tableChannels: spec.out },
    };
  },
});
