/**
 * EfficientNet's MBConv stage (Tan & Le 2019, arXiv 1905.11946, Table 1; as
 * torchvision efficientnet.py MBConv): n blocks (⌈n·d⌉ under a depth
 * multiplier), the first at stride s. Each: 1×1 expansion to
 * make_divisible(in·e, 8) (none when that is the input), k×k depthwise,
 * squeeze-excite with squeeze = max(1, in // 4) of the block's input (SiLU,
 * then sigmoid), linear 1×1 projection; residual when stride 1 and in = out.
 */
import type { OpSpec } from "../../layers/define-layer-kind.js";
import { makeDivisible, scaleChannels } from "../scale.js";
import { convOp, defineBlockKind, stageRepeats, withResidual } from "./block-kind.js";
import { squeezeExciteOps } from "./squeeze-excite.js";

export const mbconvBlock = defineBlockKind({
  kind: "mbconv",
  prefix: "mb",
  schema: ({ z, count, kernel, stride, common }) =>
    z.strictObject({
      kind: z.literal("mbconv"),
      e: z.number().positive().describe("expansion ratio: expanded = make_divisible(in·e, 8)"),
      kernel,
      stride: stride.describe("stride of the stage's first block"),
      out: count.describe("output channels (before α)"),
      n: count.describe("blocks in the stage (⌈n·d⌉ under a depth multiplier)"),
      se: z.boolean().optional().describe("squeeze-excite, squeeze = max(1, in // 4) (default true)"),
      ...common,
    }),
  blocks: (spec, ctx) => stageRepeats(spec.n, ctx),
  expand(spec, state, ctx, nameBlock) {
    const ops: OpSpec[] = [];
    let input = state.channels;
    const out = scaleChannels(spec.out, spec.width, ctx, input);
    const act = spec.act ?? ctx.activation;
    for (let i = 0; i < stageRepeats(spec.n, ctx); i++) {
      const block = nameBlock();
      const stride = i === 0 ? spec.stride : 1;
      const expanded = makeDivisible(input * spec.e, 8);
      const blockOps: OpSpec[] = [];
      if (expanded !== input)
        blockOps.push(convOp({ kind: "pointwise", name: `${block}/expand`, block, out: expanded, act }));
      blockOps.push(
        convOp({
          kind: "depthwise",
          name: `${block}/dw`,
          block,
          kernel: spec.kernel,
          stride,
          out: expanded,
          groups: expanded,
          act,
        }),
      );
      if (spec.se ?? true)
        blockOps.push(
          ...squeezeExciteOps(block, expanded, 4, 8, {
            squeeze: Math.max(1, Math.floor(input / 4)),
            act: "silu",
            gate: "sigmoid",
          }),
        );
      blockOps.push(convOp({ kind: "pointwise", name: `${block}/project`, block, out, act: "none" }));
      ops.push(...(stride === 1 && input === out ? withResidual(blockOps, block) : blockOps));
      input = out;
    }
    return { ops, state: { channels: out, tableChannels: spec.out } };
  },
});
