/**
 * Stages written in timm's block-string grammar (model/timm-block-string.ts), built as timm's
 * EfficientNetBuilder builds them (huggingface/pytorch-image-models, timm/models/_efficientnet_builder.py
 * `decode_arch_def`, `_scale_stage_depth`, `EfficientNetBuilder.__call__`, commit aa4b585):
 *
 *  - each string's `r` blocks, a stage's repeats scaled by the depth multiplier as timm scales them;
 *  - only a stage's first block strides;
 *  - every block's `c` rounded by round_channels: make_divisible(c · multiplier, divisor) (α multiplies it);
 *  - each block lowered onto the block kind that builds timm's module: uir → uib, er → fused_ib (its
 *    projection always kept, as EdgeResidual does), mqa → mqa; ds, dsa, ir and cn as timm's own modules
 *    (blocks/timm-blocks.ts), with the model's squeeze-and-excite.
 *
 * Each stage's output is saved for a later fusion (MobileNetV5's adapter reads the last two).
 */
import { ACTIVATIONS, type OpSpec } from "../../layers/define-layer-kind.js";
import { InputError } from "../../errors.js";
import { roundHalfEven } from "../scale.js";
import type { SchemaParts } from "../schema-parts.js";
import { decodeBlockString, type TimmBlockArgs } from "../timm-block-string.js";
import {
  convBnActOps,
  depthwiseSeparableOps,
  invertedResidualOps,
  roundChannels,
  type TimmBlock,
} from "./timm-blocks.js";
import { type BuildContext, type BuildState, defineBlockKind, type Expansion } from "./block-kind.js";
import { fusedIbBlock } from "./fused-inverted-bottleneck.js";
import { mqaBlock } from "./multi-query-attention.js";
import { uibBlock } from "./universal-inverted-bottleneck.js";

/**
 * timm's `_scale_stage_depth`: a stage's repeats summed, scaled (⌈n·d⌉, or round(n·d) at least 1), and
 * handed back to its strings from the last, each round(r / n · scaled) at least 1 (Python's round).
 */
export function scaleStageDepth(
  repeats: readonly number[],
  multiplier: number,
  trunc: "ceil" | "round",
): number[] {
  let total = repeats.reduce((a, r) => a + r, 0);
  let scaled =
    trunc === "round" ? Math.max(1, roundHalfEven(total * multiplier)) : Math.ceil(total * multiplier);
  const out: number[] = [];
  for (const r of [...repeats].reverse()) {
    const share = Math.max(1, roundHalfEven((r / total) * scaled));
    out.push(share);
    total -= r;
    scaled -= share;
  }
  return out.reverse();
}

/** A block string decoded, or an InputError naming it. */
function decoded(text: string): TimmBlockArgs {
  const args = decodeBlockString(text);
  if (typeof args === "string") throw new InputError(`block string '${text}': ${args}`);
  return args;
}

/** Why mbn-cost cannot build this block as timm builds it, if it cannot. */
function unbuilt(args: TimmBlockArgs, input: number, out: number): string | undefined {
  if (args.type === "mha") return "mha blocks (multi-head attention) are not built by mbn-cost yet";
  if (args.se !== undefined && (args.type === "er" || args.type === "uir"))
    return "squeeze-and-excite in er and uir blocks is not built by mbn-cost yet";
  if (args.type === "mqa" && (out !== input || args.stride !== 1 || args.noskip))
    return `an mqa block keeps its ${input} channels, at stride 1 with its residual (c${out}, s${args.stride}${args.noskip ? ", noskip" : ""} are not built by mbn-cost yet)`;
  return undefined;
}

/** The block kind entry that builds this timm block (uir, er, mqa), with its stride and channels as the builder gives them. */
function loweredEntry(args: TimmBlockArgs, stride: number, layerScale: boolean, name: string) {
  const act = args.act === undefined ? {} : { act: args.act };
  switch (args.type) {
    case "uir":
      return {
        kind: "uib" as const,
        start: args.start ?? 0,
        middle: args.kernel,
        end: args.end ?? 0,
        stride,
        out: args.out,
        e: args.e!,
        layer_scale: layerScale,
        residual: !args.noskip,
        ...act,
      };
    case "er":
      return {
        kind: "fused_ib" as const,
        kernel: args.kernel,
        stride,
        out: args.out,
        e: args.e!,
        project: "always" as const,
        residual: !args.noskip,
        name: `${name} FusedIB`,
        ...act,
      };
    default:
      return {
        kind: "mqa" as const,
        heads: args.heads!,
        key_dim: args.keyDim!,
        kv_stride: args.kvStride ?? 1,
        dw_kernel: args.kernel,
        layer_scale: layerScale,
        name: `${name} MQA`,
      };
  }
}

/** Expands one lowered entry with its kind's own rule. */
function expandLowered(
  entry: ReturnType<typeof loweredEntry>,
  state: BuildState,
  ctx: BuildContext,
  nameBlock: () => string,
): Expansion {
  switch (entry.kind) {
    case "uib":
      return uibBlock.expand(entry, state, ctx, nameBlock);
    case "fused_ib":
      return fusedIbBlock.expand(entry, state, ctx, nameBlock);
    case "mqa":
      return mqaBlock.expand(entry, state, ctx, nameBlock);
  }
}

/** timm's own modules, built here; undefined for the kinds that build the others. */
function timmModuleOps(block: TimmBlock): OpSpec[] | undefined {
  switch (block.args.type) {
    case "ds":
    case "dsa":
      return depthwiseSeparableOps(block);
    case "ir":
      return invertedResidualOps(block);
    case "cn":
      return convBnActOps(block);
    default:
      return undefined;
  }
}

/** The label a stage's output is saved under. */
export const stageLabel = (entry: string, stage: number) => `${entry}:stage${stage + 1}`;

/** Each stage's block strings, each repeated as its depth-scaled repeats say (the first and last stage kept, with fix_first_last). */
function stageBlocks(
  stages: readonly (readonly string[])[],
  multiplier: number,
  trunc: "ceil" | "round",
  fixFirstLast = false,
) {
  return stages.map((strings, s) => {
    const args = strings.map(decoded);
    const fixed = fixFirstLast && (s === 0 || s === stages.length - 1);
    const repeats = scaleStageDepth(
      args.map((a) => a.repeat),
      fixed ? 1 : multiplier,
      trunc,
    );
    return args.flatMap((a, i) => new Array<TimmBlockArgs>(repeats[i]!).fill(a));
  });
}

/** The model's SqueezeExcite, as timm's generators pass it (se_layer, se_from_exp). */
const squeezeExciteSchema = ({ z, count }: SchemaParts) =>
  z
    .strictObject({
      gate: z.enum(["sigmoid", "hsigmoid"]).describe("the gate: sigmoid or hard sigmoid"),
      act: z.enum(ACTIVATIONS).optional().describe("its activation whatever the block's (force_act_layer)"),
      round: z
        .strictObject({
          multiplier: z.number().positive().optional(),
          divisor: count.optional(),
          round_limit: z.number().positive().max(1).optional(),
        })
        .optional()
        .describe("round_channels for the squeeze (rd_round_fn); Python's round when absent"),
      from_expanded: z
        .boolean()
        .describe(
          "se_from_exp: the ratio applies to the expanded width (MobileNetV3's); else divided by e first (EfficientNet's)",
        ),
    })
    .optional()
    .describe(
      "the model's SqueezeExcite for blocks whose string has se (default: sigmoid gate, the block's activation, Python's round, from the expansion)",
    );

/** How a stages entry scales: timm's channel multiplier and round_channels, its depth multiplier and truncation. */
const scalingFields = ({ z, count }: SchemaParts) => ({
  channel_multiplier: z
    .number()
    .positive()
    .optional()
    .describe(
      "timm's channel_multiplier: each block's c becomes make_divisible(c · multiplier, divisor) (default 1)",
    ),
  divisor: count.optional().describe("round_channels' divisor (default 8)"),
  round_limit: z
    .number()
    .positive()
    .max(1)
    .optional()
    .describe(
      "round_channels' round_limit: a rounded width is never below this share of c · multiplier (default 0.9)",
    ),
  fix_first_last: z
    .boolean()
    .optional()
    .describe(
      "the depth multiplier leaves the first and last stage's repeats (timm's fix_first_last; default false)",
    ),
  depth_multiplier: z
    .number()
    .positive()
    .optional()
    .describe(
      "timm's depth_multiplier: each stage's repeats scaled as _scale_stage_depth scales them (default 1)",
    ),
  depth_trunc: z
    .enum(["ceil", "round"])
    .optional()
    .describe("how a stage's scaled repeats are truncated: 'ceil' (default) or 'round' (at least 1)"),
});

export const timmStagesBlock = defineBlockKind({
  kind: "stages",
  prefix: "blocks",
  schema: (parts) => {
    const { z, common } = parts;
    return z.strictObject({
      kind: z.literal("stages"),
      stages: z
        .array(
          z
            .array(
              z.string().superRefine((text, issue) => {
                const args = decodeBlockString(text);
                if (typeof args === "string")
                  issue.addIssue({ code: "custom", message: `'${text}': ${args}` });
              }),
            )
            .min(1),
        )
        .min(1)
        .describe(
          "timm's arch_def: a list of stages, each a list of block strings (ir_r2_k3_s2_e6_c24, uir_r1_a3_k5_s2_e6_c256, mqa_r1_k3_h8_v2_s1_d64_c256…)",
        ),
      ...scalingFields(parts),
      se: squeezeExciteSchema(parts),
      layer_scale: z
        .boolean()
        .optional()
        .describe(
          "timm's layer_scale_init_value is set: uir and mqa blocks carry a LayerScale (default false)",
        ),
      name: common.name,
      note: common.note,
    });
  },
  blocks: (spec, ctx) =>
    stageBlocks(
      spec.stages,
      (spec.depth_multiplier ?? 1) * ctx.depth,
      spec.depth_trunc ?? "ceil",
      spec.fix_first_last,
    ).reduce((a, stage) => a + stage.length, 0),
  expand(spec, state, ctx, nameBlock) {
    const entry = spec.name ?? nameBlock();
    // timm's round_chs_fn: make_divisible(c · multiplier, divisor) for every block, at α 1 too
    const rounding = { divisor: spec.divisor, round_limit: spec.round_limit };
    const blockCtx: BuildContext = {
      ...ctx,
      alpha: ctx.alpha * (spec.channel_multiplier ?? 1),
      round: (v) => roundChannels(v, rounding),
    };
    const se = spec.se ?? { gate: "sigmoid" as const, from_expanded: true };
    const ops: OpSpec[] = [];
    let current = state;
    const stages = [...(state.stages ?? [])];
    const blocks = stageBlocks(
      spec.stages,
      (spec.depth_multiplier ?? 1) * ctx.depth,
      spec.depth_trunc ?? "ceil",
      spec.fix_first_last,
    );
    for (const [s, stage] of blocks.entries()) {
      for (const [b, args] of stage.entries()) {
        const stride = b === 0 ? args.stride : 1;
        const out = blockCtx.round(args.out * blockCtx.alpha);
        const problem = unbuilt({ ...args, stride }, current.channels, out);
        if (problem) throw new InputError(`${entry}, stage ${s + 1}, block ${b + 1}: ${problem}`);
        const name = `${entry}.${s}.${b}`;
        const act = args.act ?? ctx.activation;
        const own = timmModuleOps({ args, name, stride, input: current.channels, out, act, se });
        const expansion = own
          ? { ops: own, state: { channels: out, tableChannels: args.out } }
          : expandLowered(
              loweredEntry(args, stride, spec.layer_scale ?? false, name),
              current,
              blockCtx,
              () => name,
            );
        for (const op of expansion.ops) ops.push({ ...op, stage: `stage ${s + 1}` });
        current = expansion.state;
      }
      const last = ops.length - 1;
      if (ops[last]!.saveOutputAs !== undefined)
        throw new Error(`${ops[last]!.name} already saves its output`);
      ops[last] = { ...ops[last]!, saveOutputAs: stageLabel(entry, s) };
      stages.push({ label: stageLabel(entry, s), channels: current.channels });
    }
    return { ops, state: { ...current, stages } };
  },
});
