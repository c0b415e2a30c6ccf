import { mul, sym } from "../algebra/expr.js";
import { defineLayerKind, sameSide } from "./define-layer-kind.js";
import { D_H, D_W, N } from "./symbols.js";

/** A mixed convolution's own fields: a kernel per channel group, its output channels, stride, and whether it is depthwise. */
export interface MixedConvFields {
  readonly kernels: readonly number[];
  readonly out: number;
  readonly stride: number;
  readonly depthwise: boolean;
}

/** Σ k_i²·M_i·N_i / G_i over its channel groups: its weights, one per multiply-accumulate at each output position. */
export const K_mix = sym("K_mix");

/** timm's _split_channels: equal parts, the first taking what is left over. */
export function splitChannels(channels: number, groups: number): number[] {
  const split = Array.from({ length: groups }, () => Math.floor(channels / groups));
  split[0]! += channels - split.reduce((a, b) => a + b, 0);
  return split;
}

/** Each group's input channels, output channels and kernel. */
export function mixedGroups(op: MixedConvFields, inputChannels: number) {
  const ins = splitChannels(inputChannels, op.kernels.length);
  const outs = splitChannels(op.out, op.kernels.length);
  return op.kernels.map((kernel, i) => ({ kernel, in: ins[i]!, out: outs[i]! }));
}

/**
 * A mixed convolution (MixNet's MixConv; timm layers/mixed_conv2d.py MixedConv2d): the input's channels
 * split into as many groups as kernels (equal parts, the first the larger), each convolved with its own
 * kernel size — depthwise, or to its share of the output — at one stride with 'same' padding, and the
 * outputs concatenated. Weights Σ k_i²·M_i·N_i / G_i; MACs that at each output position.
 */
export const mixedConv = defineLayerKind<"mixconv", MixedConvFields>()({
  kind: "mixconv",
  title: "mixed convolution (a kernel per channel group)",
  type: "mixconv",
  params: K_mix,
  macs: mul(K_mix, D_H, D_W),
  bias: N,
  bn: mul(2, N),
  outputElements: mul(N, D_H, D_W),
  work: [],
  outputShape: (op, [h, w]) => [sameSide(h, op.stride), sameSide(w, op.stride), op.out],
  check: (op, [, , c]) =>
    op.depthwise && c !== op.out
      ? `a depthwise mixed convolution keeps its ${c} channels, not ${op.out}`
      : undefined,
  bind: (op, input, output) => ({
    K_mix: mixedGroups(op, input[2]).reduce(
      (sum, g) => sum + g.kernel * g.kernel * (op.depthwise ? g.in : g.in * g.out),
      0,
    ),
    N: output[2],
    D_H: output[0],
    D_W: output[1],
  }),
});
