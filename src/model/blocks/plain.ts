/** Single-op entries: conv, dw, pw, gconv, fc, avgpool. */
import type { OpSpec } from "../../layers/define-layer-kind.js";
import { scaleChannels } from "../scale.js";
import type { LayerSpecOf } from "../schema.js";
import { type BuildContext, convOp, defineBlockKind, plainOp } from "./block-kind.js";

type ConvLikeSpec = LayerSpecOf<"conv"> | LayerSpecOf<"dw"> | LayerSpecOf<"pw">;

/** One convolution-family op with the entry's name, bias, BatchNorm and activation (defaults: no bias, BatchNorm, the model's activation). */
function convEntryOp(
  spec: ConvLikeSpec,
  block: string,
  ctx: BuildContext,
  fields: Pick<OpSpec, "kind"> & Partial<OpSpec>,
): OpSpec {
  return convOp({
    name: spec.name ?? block,
    block,
    bias: spec.bias ?? false,
    bn: spec.bn ?? true,
    act: spec.act ?? ctx.activation,
    ...fields,
  });
}

export const convBlock = defineBlockKind({
  kind: "conv",
  prefix: "conv",
  expand(spec, state, ctx, nameBlock) {
    const block = nameBlock();
    const out = scaleChannels(spec.out, spec.width, ctx, state.channels);
    const groups = spec.groups ?? 1;
    const op = convEntryOp(spec, block, ctx, {
      kind: groups > 1 ? "gconv" : "conv",
      kernel: spec.kernel,
      stride: spec.stride,
      out,
      groups,
    });
    return { ops: [op], state: { channels: out, tableChannels: spec.out } };
  },
});

export const gconvBlock = defineBlockKind({
  kind: "gconv",
  prefix: "gconv",
  expand(spec, state, ctx, nameBlock) {
    return convBlock.expand({ ...spec, kind: "conv" }, state, ctx, nameBlock);
  },
});

export const depthwiseBlock = defineBlockKind({
  kind: "dw",
  prefix: "dw",
  expand(spec, state, ctx, nameBlock) {
    const op = convEntryOp(spec, nameBlock(), ctx, {
      kind: "depthwise",
      kernel: spec.kernel,
      stride: spec.stride,
      out: state.channels,
      groups: state.channels,
    });
    return { ops: [op], state };
  },
});

export const pointwiseBlock = defineBlockKind({
  kind: "pw",
  prefix: "pw",
  expand(spec, state, ctx, nameBlock) {
    const out = scaleChannels(spec.out, spec.width, ctx, state.channels);
    return {
      ops: [convEntryOp(spec, nameBlock(), ctx, { kind: "pointwise", out })],
      state: { channels: out, tableChannels: spec.out },
    };
  },
});

export const fcBlock = defineBlockKind({
  kind: "fc",
  prefix: "fc",
  expand(spec, state, ctx, nameBlock) {
    const block = nameBlock();
    const out =
      spec.out === "classes" ? ctx.classes : scaleChannels(spec.out, spec.width, ctx, state.channels);
    const op = plainOp({
      kind: "fc",
      name: spec.name ?? block,
      block,
      out,
      bias: spec.bias ?? true,
      bn: spec.bn ?? false,
      act: spec.act ?? "none",
    });
    return { ops: [op], state: { channels: out, tableChannels: spec.out === "classes" ? out : spec.out } };
  },
});

export const avgpoolBlock = defineBlockKind({
  kind: "avgpool",
  prefix: "pool",
  expand(spec, state, _ctx, nameBlock) {
    const block = nameBlock();
    const op = plainOp({
      kind: "avgpool",
      name: spec.name ?? block,
      block,
      kernel: spec.kernel ?? 0,
      stride: spec.kernel ?? 1,
    });
    return { ops: [spec.functional ? { ...op, functional: true } : op], state };
  },
});
