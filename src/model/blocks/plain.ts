/** Single-op entries: conv, dw, pw, gconv, fc, avgpool. */
import { scaleChannels } from "../scale.js";
import { convOp, defineBlockKind, plainOp } from "./block-kind.js";

export const convBlock = defineBlockKind({
  kind: "conv",
  prefix: "conv",
  expand(spec, state, ctx, nameBlock) {
    const block = nameBlock();
    const out = scaleChannels(spec.out, spec.width, ctx, state.channels);
    const groups = spec.groups ?? 1;
    const op = convOp({
      kind: groups > 1 ? "gconv" : "conv",
      name: spec.name ?? block,
      block,
      kernel: spec.kernel,
      stride: spec.stride,
      out,
      groups,
      bias: spec.bias ?? false,
      bn: spec.bn ?? true,
      act: spec.act ?? ctx.activation,
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
    const block = nameBlock();
    const op = convOp({
      kind: "depthwise",
      name: spec.name ?? block,
      block,
      kernel: spec.kernel,
      stride: spec.stride,
      out: state.channels,
      groups: state.channels,
      bias: spec.bias ?? false,
      bn: spec.bn ?? true,
      act: spec.act ?? ctx.activation,
    });
    return { ops: [op], state };
  },
});

export const pointwiseBlock = defineBlockKind({
  kind: "pw",
  prefix: "pw",
  expand(spec, state, ctx, nameBlock) {
    const block = nameBlock();
    const out = scaleChannels(spec.out, spec.width, ctx, state.channels);
    const op = convOp({
      kind: "pointwise",
      name: spec.name ?? block,
      block,
      out,
      bias: spec.bias ?? false,
      bn: spec.bn ?? true,
      act: spec.act ?? ctx.activation,
    });
    return { ops: [op], state: { channels: out, tableChannels: spec.out } };
  },
});

export const fcBlock = defineBlockKind({
  kind: "fc",
  prefix: "fc",
  expand(spec, state, ctx, nameBlock) {
    const block = nameBlock();
    const out = spec.out === "classes" ? ctx.classes : scaleChannels(spec.out, spec.width, ctx, state.channels);
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
    const op = plainOp({ kind: "avgpool", name: spec.name ?? block, block, kernel: spec.kernel ?? 0, stride: spec.kernel ?? 1 });
    return { ops: [spec.functional ? { ...op, functional: true } : op], state };
  },
});
