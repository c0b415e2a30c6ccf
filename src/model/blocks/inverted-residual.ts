/**
 * MobileNetV2's inverted residual with linear bottleneck (Sandler et al.
 * 2018, Table 1 and 2): 1×1 expansion to t·in (none when t = 1), depthwise
 * 3×3 at stride s, linear 1×1 projection; residual add when stride 1 and
 * in = out, or a 1×1 projection shortcut when asked for (the CIFAR code).
 */
import type { OpSpec } from "../../layers/define-layer-kind.js";
import { scaleChannels } from "../scale.js";
import { convOp, defineBlockKind, mergeOp, stageRepeats } from "./block-kind.js";

export const invertedResidualBlock = defineBlockKind({
  kind: "inverted_residual",
  prefix: "ir",
  schema: ({ z, count, kernel, common }) =>
    z.strictObject({
      kind: z.literal("inverted_residual"),
      t: z.number().positive().describe("expansion factor"),
      c: count.describe("output channels"),
      n: count.describe("repeats"),
      s: count.describe("stride of the first repeat (the others have stride 1)"),
      kernel: kernel.optional().describe("depthwise kernel side (default 3)"),
      shortcut: z
        .enum(["identity", "projection"])
        .optional()
        .describe(
          "stride-1 blocks whose channels change: no residual ('identity', default) or a 1×1 projection shortcut ('projection')",
        ),
      expand: z
        .enum(["auto", "always"])
        .optional()
        .describe("'auto' (default): no expansion conv when t = 1; 'always': keep it"),
      ...common,
    }),
  blocks: (spec, ctx) => stageRepeats(spec.n, ctx),
  expand(spec, state, ctx, nameBlock) {
    const ops: OpSpec[] = [];
    let current = state;
    const act = spec.act ?? ctx.activation;
    const blocks = stageRepeats(spec.n, ctx);
    for (let i = 0; i < blocks; i++) {
      const block = spec.name ? `${spec.name}${blocks > 1 ? `_${i + 1}` : ""}` : nameBlock();
      const stride = i === 0 ? spec.s : 1;
      const input = current.channels;
      const out = scaleChannels(spec.c, spec.width, ctx, input);
      const { hidden, expands: widens } = ctx.widths.expandByFactor(input, spec.t, ctx.round);
      // "always": the expansion conv is there even at t = 1 (the CIFAR code)
      const expands = spec.expand === "always" || widens;
      const width = expands ? hidden : input;
      const saved = `${block}:in`;
      const identity = stride === 1 && input === out;
      const projection = stride === 1 && input !== out && spec.shortcut === "projection";
      const blockOps: OpSpec[] = [];
      if (expands)
        blockOps.push(convOp({ kind: "pointwise", name: `${block}/expand`, block, out: width, act }));
      blockOps.push(
        convOp({
          kind: "depthwise",
          name: `${block}/dw`,
          block,
          kernel: spec.kernel ?? 3,
          stride,
          out: width,
          groups: width,
          act,
        }),
      );
      if (projection) {
        const main = `${block}:main`;
        blockOps.push(
          convOp({
            kind: "pointwise",
            name: `${block}/project`,
            block,
            out,
            act: "none",
            saveOutputAs: main,
          }),
        );
        blockOps.push(
          convOp({ kind: "pointwise", name: `${block}/shortcut`, block, out, act: "none", inputFrom: saved }),
        );
        blockOps.push(mergeOp({ kind: "add", name: `${block}/add`, block, reads: main }));
      } else {
        blockOps.push(convOp({ kind: "pointwise", name: `${block}/project`, block, out, act: "none" }));
        if (identity) blockOps.push(mergeOp({ kind: "add", name: `${block}/add`, block, reads: saved }));
      }
      if (identity || projection) blockOps[0] = { ...blockOps[0]!, saveInputAs: saved };
      ops.push(...blockOps);
      current = { channels: out, tableChannels: spec.c };
    }
    return { ops, state: current };
  },
});
