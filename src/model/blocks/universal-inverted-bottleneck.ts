/**
 * MobileNetV4's Universal Inverted Bottleneck (Qin et al. 2024, arXiv
 * 2404.10518, Section 4): an optional depthwise conv before the 1×1 expansion
 * (start, no activation) and the usual one after it (middle), 1×1 linear
 * projection, optional LayerScale (the hybrids), residual when stride 1 and
 * in = out. Expanded width make_divisible(in·e, 8). Layer order, norms and
 * activations as TF Model Garden nn_blocks.py UniversalInvertedBottleneckBlock
 * and timm _efficientnet_blocks.py UniversalInvertedResidual: every conv
 * bias-free and followed by BatchNorm; the stride goes to the middle
 * depthwise conv, or to the start one when there is no middle, or to timm's
 * end one (after the projection) when it is the only one.
 */
import type { OpSpec } from "../../layers/define-layer-kind.js";
import { makeDivisible, scaleChannels } from "../scale.js";
import {
  ANTI_ALIASING,
  antiAliased,
  convOp,
  defineBlockKind,
  layerScaleOp,
  withResidual,
} from "./block-kind.js";

/** The paper's names of the four instantiations. */
export const uibInstantiation = (start: number, middle: number): string =>
  start > 0 ? (middle > 0 ? "ExtraDW" : "ConvNext") : middle > 0 ? "IB" : "FFN";

export const uibBlock = defineBlockKind({
  kind: "uib",
  prefix: "uib",
  schema: ({ z, count, stride, common }) =>
    z.strictObject({
      kind: z.literal("uib"),
      start: z.int().min(0).describe("start depthwise kernel before the expansion (0: none)"),
      middle: z.int().min(0).describe("middle depthwise kernel after the expansion (0: none)"),
      stride,
      out: count.describe("output channels"),
      e: z.number().positive().describe("expansion ratio: expanded = make_divisible(in·e, 8)"),
      end: z
        .int()
        .min(0)
        .optional()
        .describe("end depthwise kernel after the projection, no activation (timm's p; default 0: none)"),
      layer_scale: z.boolean().optional().describe("a LayerScale γ on the branch (MobileNetV4 hybrids)"),
      aa: z
        .enum(ANTI_ALIASING)
        .optional()
        .describe(
          "timm's aa_layer: the strided depthwise conv at stride 1, then a 2×2 average pool ('avg') or a 3×3 blur pool ('blur') at the stride",
        ),
      residual: z
        .boolean()
        .optional()
        .describe("false: no residual add even at stride 1 and in = out (timm's noskip; default true)"),
      ...common,
    }),
  expand(spec, state, ctx, nameBlock) {
    const block = spec.name ?? `${nameBlock()} ${uibInstantiation(spec.start, spec.middle)}`;
    const input = state.channels;
    const out = scaleChannels(spec.out, spec.width, ctx, input);
    const expanded = makeDivisible(input * spec.e, 8);
    const act = spec.act ?? ctx.activation;
    const ops: OpSpec[] = [];
    const dw = (name: string, kernel: number, stride: number, channels: number, a: typeof act) =>
      antiAliased(
        convOp({
          kind: "depthwise",
          name: `${block}/${name}`,
          block,
          kernel,
          stride,
          out: channels,
          groups: channels,
          act: a,
        }),
        spec.aa,
      );
    if (spec.start > 0)
      ops.push(...dw("start_dw", spec.start, spec.middle > 0 ? 1 : spec.stride, input, "none"));
    ops.push(convOp({ kind: "pointwise", name: `${block}/expand`, block, out: expanded, act }));
    if (spec.middle > 0) ops.push(...dw("middle_dw", spec.middle, spec.stride, expanded, act));
    ops.push(convOp({ kind: "pointwise", name: `${block}/project`, block, out, act: "none" }));
    const end = spec.end ?? 0;
    if (end > 0)
      ops.push(...dw("end_dw", end, spec.start > 0 || spec.middle > 0 ? 1 : spec.stride, out, "none"));
    if (spec.layer_scale) ops.push(layerScaleOp({ name: `${block}/layer_scale`, block }));
    const residual = spec.stride === 1 && input === out && spec.residual !== false;
    return {
      ops: residual ? withResidual(ops, block) : ops,
      state: { channels: out, tableChannels: spec.out },
    };
  },
});
