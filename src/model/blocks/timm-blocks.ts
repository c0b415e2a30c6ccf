/**
 * timm's own EfficientNet-builder modules where no paper's block kind builds them as timm does
 * (huggingface/pytorch-image-models, timm/models/_efficientnet_blocks.py, commit aa4b585):
 *
 *  - DepthwiseSeparableConv (ds, dsa): k×k depthwise at the stride with BatchNorm and activation,
 *    squeeze-and-excite, 1×1 to out with BatchNorm (and the activation for dsa); a residual at stride 1
 *    and in = out unless noskip (dsa: never);
 *  - InvertedResidual (ir): 1×1 expansion to make_divisible(in·e, 8), always, even at e = 1; k×k depthwise
 *    at the stride; squeeze-and-excite; linear 1×1 projection; a residual at stride 1 and in = out;
 *  - ConvBnAct (cn): one k×k conv with BatchNorm and activation; a residual only when asked (skip);
 *  - SqueezeExcite: x.mean((2, 3)), a 1×1 conv with bias to the squeeze, the activation, a 1×1 conv
 *    with bias back, the gate, x · gate. The squeeze is rd_round_fn(channels · ratio): Python's round by
 *    default, or round_channels; the ratio is the string's se, divided by e unless the model computes it
 *    from the expanded width (se_from_exp).
 *
 * Ops are named after timm's modules (conv_dw, conv_pw, conv_pwl, se), blocks after timm's (blocks.2.1).
 */
import type { Activation, OpSpec } from "../../layers/define-layer-kind.js";
import { makeDivisible, roundHalfEven } from "../scale.js";
import type { TimmBlockArgs } from "../timm-block-string.js";
import { convOp, withResidual } from "./block-kind.js";
import { squeezeExciteOps } from "./squeeze-excite.js";

/** round_channels' arguments: make_divisible(v · multiplier, divisor, round_limit). */
export interface ChannelRounding {
  readonly multiplier?: number | undefined;
  readonly divisor?: number | undefined;
  readonly round_limit?: number | undefined;
}

/** timm's round_channels. */
export const roundChannels = (v: number, r: ChannelRounding = {}): number =>
  makeDivisible(v * (r.multiplier ?? 1), r.divisor ?? 8, r.divisor ?? 8, r.round_limit ?? 0.9);

/** A model's SqueezeExcite: its gate, a forced activation, its squeeze's rounding, and where its ratio applies. */
export interface TimmSqueezeExcite {
  readonly gate: "sigmoid" | "hsigmoid";
  /** Its activation whatever the block's (force_act_layer). */
  readonly act?: Activation | undefined;
  /** round_channels for the squeeze; Python's round when absent. */
  readonly round?: ChannelRounding | undefined;
  /** se_from_exp: the ratio applies to the expanded width as it is; else it is divided by e first. */
  readonly from_expanded: boolean;
}

/** One timm block as the builder hands it over: its decoded string, its stride, widths and activation. */
export interface TimmBlock {
  readonly args: TimmBlockArgs;
  readonly name: string;
  readonly stride: number;
  readonly input: number;
  readonly out: number;
  readonly act: Activation;
  readonly se: TimmSqueezeExcite;
}

/** The squeeze-and-excite on `channels` of a block whose string asks for one. */
function squeezeExcite({ args, name, act, se }: TimmBlock, channels: number, exp: number): OpSpec[] {
  if (args.se === undefined) return [];
  const ratio = se.from_expanded ? args.se : args.se / exp;
  const wide = channels * ratio;
  const squeeze = se.round ? roundChannels(wide, se.round) : roundHalfEven(wide);
  return squeezeExciteOps(name, channels, 4, 8, { squeeze, act: se.act ?? act, gate: se.gate, mean: true });
}

/** A mixed convolution (MixConv) of one of timm's blocks: a kernel per channel group, with BatchNorm. */
function mixedConvOp(
  { name }: TimmBlock,
  part: string,
  fields: { kernels: readonly number[]; out: number; stride: number; depthwise: boolean },
  act: Activation,
): OpSpec {
  const type = fields.depthwise ? "depthwise" : fields.kernels.every((k) => k === 1) ? "pointwise" : "conv";
  return {
    kind: "mixconv",
    name: `${name}/${part}`,
    block: name,
    type,
    bias: false,
    bn: true,
    act,
    ...fields,
  };
}

/** The block's depthwise conv over `channels` at its stride (conv_dw): k×k, or mixed (k3.5.7). */
function depthwiseOp(block: TimmBlock, channels: number): OpSpec {
  const { args, name, stride, act } = block;
  if (args.kernels)
    return mixedConvOp(
      block,
      "conv_dw",
      { kernels: args.kernels, out: channels, stride, depthwise: true },
      act,
    );
  const dw = { kernel: args.kernel, stride, out: channels, groups: channels, act };
  return convOp({ kind: "depthwise", name: `${name}/conv_dw`, block: name, ...dw });
}

/** A 1×1 (or k×k) conv at stride 1 to `out` (conv_pw, conv_pwl): mixed when its kernels are a list (a1.1, p1.1). */
function pointwiseOp(
  block: TimmBlock,
  part: string,
  kernels: readonly number[],
  out: number,
  act: Activation,
) {
  if (kernels.length > 1) return mixedConvOp(block, part, { kernels, out, stride: 1, depthwise: false }, act);
  const kernel = kernels[0]!;
  const fields = { name: `${block.name}/${part}`, block: block.name, out, act };
  return convOp(kernel === 1 ? { kind: "pointwise", ...fields } : { kind: "conv", kernel, ...fields });
}

const residual = (ops: OpSpec[], block: TimmBlock, skip: boolean): OpSpec[] =>
  skip && block.stride === 1 && block.input === block.out ? withResidual(ops, block.name) : ops;

/** DepthwiseSeparableConv (ds; dsa: the 1×1 with its activation, never a residual). */
export function depthwiseSeparableOps(block: TimmBlock): OpSpec[] {
  const { args, input, out, act } = block;
  const ops: OpSpec[] = [
    depthwiseOp(block, input),
    ...squeezeExcite(block, input, 1),
    pointwiseOp(block, "conv_pw", args.pwKernels ?? [1], out, args.type === "dsa" ? act : "none"),
  ];
  return residual(ops, block, args.type === "ds" && !args.noskip);
}

/** InvertedResidual: the expansion always there, make_divisible(in·e, 8) wide. */
export function invertedResidualOps(block: TimmBlock): OpSpec[] {
  const { args, input, out, act } = block;
  const e = args.e!;
  const mid = makeDivisible(input * e, 8);
  const ops: OpSpec[] = [
    pointwiseOp(block, "conv_pw", args.expKernels ?? [1], mid, act),
    depthwiseOp(block, mid),
    ...squeezeExcite(block, mid, e),
    pointwiseOp(block, "conv_pwl", args.pwKernels ?? [1], out, "none"),
  ];
  return residual(ops, block, !args.noskip);
}

/** ConvBnAct: one conv; a residual only where the string says skip. */
export function convBnActOps(block: TimmBlock): OpSpec[] {
  const { args, name, stride, out, act } = block;
  const kind = args.kernel === 1 && stride === 1 ? "pointwise" : "conv";
  const ops: OpSpec[] = [
    convOp({ kind, name: `${name}/conv`, block: name, kernel: args.kernel, stride, out, act }),
  ];
  return residual(ops, block, args.skip);
}
