/**
 * MobileNetV5's multi-scale fusion adapter (huggingface/pytorch-image-models, timm/models/mobilenetv5.py
 * MobileNetV5MultiScaleFusionAdapter, commit aa4b585): the outputs of chosen stages (the last two by
 * default), the smaller maps upsampled (nearest) to the first one's size and concatenated with it; a
 * UIR feed-forward with no depthwise conv and no residual (1×1 expansion by e, GELU, 1×1 projection to
 * `out`); a resize to side × side (an average pool where the sides divide, else bilinear); the norm.
 */
import { InputError } from "../../errors.js";
import type { OpSpec } from "../../layers/define-layer-kind.js";
import { defineBlockKind, type StageEnd } from "./block-kind.js";
import { uibBlock } from "./universal-inverted-bottleneck.js";

const NONE = { bias: false, bn: false, act: "none" } as const;

/** The other stages' maps upsampled to the first one's size (F.interpolate, nearest), then all concatenated to it in order. */
function joined(block: string, first: StageEnd, others: readonly StageEnd[]): OpSpec[] {
  const numbered = (name: string, i: number) => `${block}/${name}${others.length > 1 ? i + 1 : ""}`;
  const upsampled = (i: number) => `${block}:upsampled${i + 1}`;
  const upsamples: OpSpec[] = others.map((other, i) => ({
    kind: "upsample",
    name: numbered("upsample", i),
    block,
    ...NONE,
    inputFrom: other.label,
    reads: first.label,
    saveOutputAs: upsampled(i),
    functional: true,
  }));
  // each concat reads the one before it; the first reads the first stage where it was saved
  const concats: OpSpec[] = others.map((_, i) => ({
    kind: "concat",
    name: numbered("concat", i),
    block,
    ...NONE,
    ...(i === 0 && { inputFrom: first.label }),
    reads: upsampled(i),
  }));
  return [...upsamples, ...concats];
}

/** The saved stage outputs these indices (from the last, −1) name; refused where one is not there. */
function chosenStages(block: string, indices: readonly number[], saved: readonly StageEnd[]): StageEnd[] {
  return indices.map((index) => {
    const stage = saved[saved.length + index];
    if (!stage)
      throw new InputError(
        `${block}: fuses stage ${index}, and ${saved.length} stage output${saved.length === 1 ? " is" : "s are"} saved before it (a 'stages' entry saves its own)`,
      );
    return stage;
  });
}

export const msfaBlock = defineBlockKind({
  kind: "msfa",
  prefix: "msfa",
  schema: ({ z, count, common }) =>
    z.strictObject({
      kind: z.literal("msfa"),
      stages: z
        .array(z.int().negative())
        .min(1)
        .optional()
        .describe(
          "the saved stage outputs it fuses, counted from the last (-1), the highest resolution first (default [-2, -1])",
        ),
      out: count.describe("output channels (timm's num_features; not scaled by α)"),
      e: z.number().positive().optional().describe("the feed-forward's expansion (default 2)"),
      side: count.optional().describe("the output's side (timm's msfa_output_resolution; default 16)"),
      name: common.name,
      note: common.note,
    }),
  blocks: (spec) => (spec.stages ?? [-2, -1]).length + 4,
  expand(spec, state, ctx) {
    const block = spec.name ?? "msfa";
    const chosen = chosenStages(block, spec.stages ?? [-2, -1], state.stages ?? []);
    const [first, ...others] = chosen;
    const ops = joined(block, first!, others);
    const channels = chosen.reduce((sum, stage) => sum + stage.channels, 0);
    const ffn = uibBlock.expand(
      {
        kind: "uib",
        start: 0,
        middle: 0,
        stride: 1,
        out: spec.out,
        e: spec.e ?? 2,
        residual: false,
        name: block,
        width: "fixed",
      },
      { channels, tableChannels: channels },
      ctx,
      () => block,
    );
    // one stage alone: the feed-forward reads it where it was saved
    const [expand, ...rest] = ffn.ops;
    ops.push(others.length === 0 ? { ...expand!, inputFrom: first!.label } : expand!, ...rest);
    ops.push({
      kind: "resample",
      name: `${block}/resize`,
      block,
      ...NONE,
      side: spec.side ?? 16,
      functional: true,
      fixedWindow: true,
    });
    ops.push({ kind: "norm", name: `${block}/norm`, block, ...NONE, bn: true });
    return { ops, state: { channels: spec.out, tableChannels: spec.out } };
  },
});
