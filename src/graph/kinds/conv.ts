/**
 * Convolution of any number of spatial axes, grouped or not (ONNX Conv; ConvInteger and QLinearConv
 * lower onto it with their data, weight and bias in these positions): x N×C×D₁…, w M×(C/g)×K₁….
 */
import { mul, pow } from "../../algebra/expr.js";
import { elementCount, elementNumber, formatDims } from "../dims.js";
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
  typeOf: ({ attrs: { group }, inputs: [x, w] }) => {
    if (group > 1) return group === x!.dims[1] && w!.dims[1] === 1 ? "depthwise" : "gconv";
    return w!.dims.slice(2).every((k) => k === 1) ? "pointwise" : "conv";
  },
  bind: ({ group }, [x, w], [y]) => {
    const [kh, kw] = lastAndRest(w!.dims.slice(2));
    const [ho, wo] = lastAndRest(y!.dims.slice(2));
    return {
      B: y!.dims[0]!,
      N: y!.dims[1]!,
      M: x!.dims[1]!,
      G: group,
      K_H: kh,
      K_W: kw,
      H_out: ho,
      W_out: wo,
    };
  },
  infer: ({ window, group, outputType }, [x, w, b]) => {
    if (!x || !w) return "needs its data and its weight";
    if (x.dims.length < 3) return `data ${formatDims(x.dims)}: a convolution reads N×C×spatial`;
    if (w.dims.length !== x.dims.length)
      return `weight ${formatDims(w.dims)} does not match data ${formatDims(x.dims)} (same rank)`;
    if (!Number.isSafeInteger(group) || group < 1)
      return `group ${group}: a group count is a whole number ≥ 1`;
    const [batch, channels] = x.dims as [number, number];
    const [out, perGroup] = w.dims as [number, number];
    if (perGroup * group !== channels || out % group !== 0)
      return `weight ${formatDims(w.dims)} in ${group} group${group === 1 ? "" : "s"} does not fit ${channels} input channels`;
    if (b && formatDims(b.dims) !== `${out}`)
      return `bias ${formatDims(b.dims)} is not one per output channel (${out})`;
    const kernel = window.kernel ?? w.dims.slice(2);
    if (formatDims(kernel) !== formatDims(w.dims.slice(2)))
      return `kernel_shape ${formatDims(kernel)} is not the weight's ${formatDims(w.dims.slice(2))}`;
    const spatial = windowOutput(x.dims.slice(2), { ...window, kernel });
    if (typeof spatial === "string") return spatial;
    return [{ dims: [batch, out, ...spatial], dtype: outputType ?? x.dtype }];
  },
});
