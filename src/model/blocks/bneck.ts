/**
 * MobileNetV3's bneck (Howard et al. 2019, Tables 1 and 2): 1×1 expansion,
 * depthwise k×k at stride s, optional squeeze-excite, linear 1×1 projection,
 * residual add when stride 1 and in = out.
 *
 * Expanded width — TF-slim: make_divisible(in · exp/in_table, 8) on the
 * actual input (conv only if it widens); torchvision: make_divisible(exp·α, 8)
 * (conv if it differs from the input).
 */
import type { OpSpec } from "../../layers/define-layer-kind.js";
import { makeDivisible, scaleChannels } from "../scale.js";
import { convOp, defineBlockKind, plainOp } from "./block-kind.js";
import { squeezeExciteOps } from "./squeeze-excite.js";

export const bneckBlock = defineBlockKind({
  kind: "bneck",
  prefix: "bneck",
  expand(spec, state, ctx, nameBlock) {
    const block = spec.name ?? nameBlock();
    const input = state.channels;
    const expanded =
      ctx.rules === "tf-slim"
        ? makeDivisible(input * (spec.exp / state.tableChannels))
        : makeDivisible(spec.exp * ctx.alpha);
    const expands = ctx.rules === "tf-slim" ? expanded > input : expanded !== input;
    const width = expands ? expanded : input;
    const out = scaleChannels(spec.out, spec.width, ctx, input);
    const act = spec.act ?? (spec.nl === "HS" ? "hswish" : "relu");
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
      ops.push(plainOp({ kind: "add", name: `${block}/add`, block, reads: saved }));
      ops[0] = { ...ops[0]!, saveInputAs: saved };
    }
    return { ops, state: { channels: out, tableChannels: spec.out } };
  },
});
