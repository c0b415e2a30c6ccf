/**
 * MobileNetV3's bneck (Howard et al. 2019, Tables 1 and 2): 1×1 expansion,
 * depthwise k×k at stride s, optional squeeze-excite, linear 1×1 projection,
 * residual add when stride 1 and in = out.
 * The expanded width follows the convention's width rules (width-rules.ts).
 */
import type { OpSpec } from "../../layers/define-layer-kind.js";
import { scaleChannels } from "../scale.js";
import { convOp, defineBlockKind, mergeOp } from "./block-kind.js";
import { squeezeExciteOps } from "./squeeze-excite.js";

export const bneckBlock = defineBlockKind({
  kind: "bneck",
  prefix: "bneck",
  schema: ({ z, count, kernel, stride, common }) =>
    z.strictObject({
      kind: z.literal("bneck"),
      kernel,
      exp: count.describe("expanded size (table value, before α)"),
      out: count,
      se: z.boolean(),
      nl: z
        .enum(["RE", "HS", "relu", "hswish"])
        .describe("RE or relu = ReLU, HS or hswish = h-swish (the table's spelling or act's)"),
      stride,
      ...common,
    }),
  expand(spec, state, ctx, nameBlock) {
    const block = spec.name ?? nameBlock();
    const input = state.channels;
    const { hidden, expands } = ctx.widths.expandToTableWidth(
      input,
      state.tableChannels,
      spec.exp,
      ctx.alpha,
    );
    const width = expands ? hidden : input;
    const out = scaleChannels(spec.out, spec.width, ctx, input);
    const act = spec.act ?? (spec.nl === "HS" || spec.nl === "hswish" ? "hswish" : "relu");
    const saved = `${block}:in`;
    const ops: OpSpec[] = [];
    if (expands) ops.push(convOp({ kind: "pointwise", name: `${block}/expand`, block, out: width, act }));
    ops.push(
      convOp({
        kind: "depthwise",
        name: `${block}/dw`,
        block,
        kernel: spec.kernel,
        stride: spec.stride,
        out: width,
        groups: width,
        act,
      }),
    );
    if (spec.se) ops.push(...squeezeExciteOps(block, width));
    ops.push(convOp({ kind: "pointwise", name: `${block}/project`, block, out, act: "none" }));
    if (spec.stride === 1 && input === out) {
      ops.push(mergeOp({ kind: "add", name: `${block}/add`, block, reads: saved }));
      ops[0] = { ...ops[0]!, saveInputAs: saved };
    }
    return { ops, state: { channels: out, tableChannels: spec.out } };
  },
});
