/**
 * Convolution of any number of spatial axes, grouped or not (ONNX Conv; ConvInteger and QLinearConv
 * lower onto it with their data, weight and bias in these positions): x N×C×D₁…, w M×(C/g)×K₁….
 * With `channelsLast` the data and the output are N×D₁…×C (TensorFlow Lite's CONV_2D and
 * DEPTHWISE_CONV_2D, whose lowering gives the filter in this M×(C/g)×K₁… order).
 */
import { mul, pow } from "../../algebra/expr.js";
import { elementCount, elementNumber, formatDims, mapAxes, mapDims } from "../dims.js";
import { defineOpKind } from "../op-kind.js";
import { B, G, H_out, K_H, K_W, M, N, W_out } from "../symbols.js";
import type { DataType } from "../tensor.js";
import { type WindowAttrs, windowOutput } from "../../layers/window.js";

export interface ConvAttrs {
  /** The kernel sizes come from the weight when the node does not give them. */
  readonly window: Omit<WindowAttrs, "kernel" | "ceilMode"> & { readonly kernel?: readonly number[] };
  readonly group: number;
  /** The output's element type when it is not the data's (ConvInteger: int32; QLinearConv: its zero point's). */
  readonly outputType?: DataType;
  /** Data and output are N×spatial×C (default N×C×spatial). */
  readonly channelsLast?: boolean;
}

/** The last axis, and the product of the others (1 when there are none). */
const lastAndRest = (dims: readonly number[]) =>
  [elementNumber(dims.slice(0, -1)), dims[dims.length - 1] ?? 1] as const;

export const conv = defineOpKind<ConvAttrs>()({
  kind: "conv",
  title: "convolution",
  macs: mul(B, N, M, pow(G, -1), K_H, K_W, H_out, W_out),
  // a folded BatchNorm's shift is the conv's bias
  paramRole: ({ node }, position) =>
    position === 1 ? "weight" : position === 2 ? (node.foldedNorm ? "norm" : "bias") : undefined,
  work: ({ node, inputs, outputs }) =>
    inputs[2] === undefined
      ? []
      : [{ category: node.foldedNorm ? "bn" : "bias", elements: elementCount(outputs[0]!.dims) }],
  // the layer kinds' names for the same convolutions (layers/): by-type breakdowns read alike
  typeOf: ({ attrs: { group, channelsLast }, inputs: [x, w] }) => {
    if (group > 1)
      return group === mapAxes(x!.dims, channelsLast)!.channels && w!.dims[1] === 1 ? "depthwise" : "gconv";
    return w!.dims.slice(2).every((k) => k === 1) ? "pointwise" : "conv";
  },
  bind: ({ group, channelsLast }, [x, w], [y]) => {
    const out = mapAxes(y!.dims, channelsLast)!;
    const [kh, kw] = lastAndRest(w!.dims.slice(2));
    const [ho, wo] = lastAndRest(out.spatial);
    return {
      B: out.batch,
      N: out.channels,
      M: mapAxes(x!.dims, channelsLast)!.channels,
      G: group,
      K_H: kh,
      K_W: kw,
      H_out: ho,
      W_out: wo,
    };
  },
  infer: ({ window, group, outputType, channelsLast }, [x, w, b]) => {
    if (!x || !w) return "needs its data and its weight";
    const map = mapAxes(x.dims, channelsLast);
    if (!map)
      return `data ${formatDims(x.dims)}: a convolution reads ${channelsLast ? "N×spatial×C" : "N×C×spatial"}`;
    if (w.dims.length !== x.dims.length)
      return `weight ${formatDims(w.dims)} does not match data ${formatDims(x.dims)} (same rank)`;
    if (!Number.isSafeInteger(group) || group < 1)
      return `group ${group}: a group count is a whole number ≥ 1`;
    const { batch, channels } = map;
    const [out, perGroup] = w.dims as [number, number];
    if (perGroup * group !== channels || out % group !== 0)
      return `weight ${formatDims(w.dims)} in ${group} group${group === 1 ? "" : "s"} does not fit ${channels} input channels`;
    if (b && formatDims(b.dims) !== `${out}`)
      return `bias ${formatDims(b.dims)} is not one per output channel (${out})`;
    const kernel = window.kernel ?? w.dims.slice(2);
    if (formatDims(kernel) !== formatDims(w.dims.slice(2)))
      return `kernel_shape ${formatDims(kernel)} is not the weight's ${formatDims(w.dims.slice(2))}`;
    const spatial = windowOutput(map.spatial, { ...window, kernel });
    if (typeof spatial === "string") return spatial;
    return [{ dims: mapDims(batch, out, spatial, channelsLast), dtype: outputType ?? x.dtype }];
  },
});
