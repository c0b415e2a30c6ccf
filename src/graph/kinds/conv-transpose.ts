/**
 * Transposed convolution (ONNX ConvTranspose; TensorFlow Lite's TRANSPOSE_CONV lowers onto it): each
 * input element is spread over a kernel window of every output channel of its group, x N×C×D₁…,
 * w C×(M/g)×K₁…. The output's spatial sizes are the given output shape's, or
 * stride·(in − 1) + output_padding + (K − 1)·dilation + 1 − pads (in × stride for SAME padding).
 * Its products: B·C·(M/g)·K_H·K_W·H_in·W_in. With `channelsLast` data and output are N×D₁…×C.
 */
import { mul, pow } from "../../algebra/expr.js";
import { elementCount, formatDims, mapAxes, mapDims } from "../dims.js";
import { defineOpKind } from "../op-kind.js";
import { B, G, H_in, K_H, K_W, M, N, W_in } from "../symbols.js";
import type { AutoPad } from "../../layers/window.js";

export interface ConvTransposeAttrs {
  readonly strides?: readonly number[];
  readonly dilations?: readonly number[];
  /** Begin pads then end pads, one per spatial axis; zeros when not given. */
  readonly pads?: readonly number[];
  readonly outputPadding?: readonly number[];
  readonly autoPad?: AutoPad;
  readonly group: number;
  /** The output's spatial sizes as the node gives them (ONNX output_shape, TFLite's output_shape input). */
  readonly outputSpatial?: readonly number[];
  /** Data and output are N×spatial×C (default N×C×spatial). */
  readonly channelsLast?: boolean;
}

/** The last axis, and the product of the others (1 when there are none). */
const lastAndRest = (dims: readonly number[]) =>
  [dims.slice(0, -1).reduce((a, d) => a * d, 1), dims[dims.length - 1] ?? 1] as const;

function outputSpatial(attrs: ConvTransposeAttrs, spatial: readonly number[], kernel: readonly number[]) {
  if (attrs.outputSpatial) return attrs.outputSpatial;
  const axes = spatial.length;
  return spatial.map((size, i) => {
    const stride = attrs.strides?.[i] ?? 1;
    if (attrs.autoPad === "SAME_UPPER" || attrs.autoPad === "SAME_LOWER") return size * stride;
    const span = (kernel[i]! - 1) * (attrs.dilations?.[i] ?? 1) + 1;
    const pads = (attrs.pads?.[i] ?? 0) + (attrs.pads?.[i + axes] ?? 0);
    return stride * (size - 1) + (attrs.outputPadding?.[i] ?? 0) + span - pads;
  });
}

export const convTranspose = defineOpKind<ConvTransposeAttrs>()({
  kind: "conv-transpose",
  title: "transposed convolution",
  macs: mul(B, M, N, pow(G, -1), K_H, K_W, H_in, W_in),
  paramRole: (_, position) => (position === 1 ? "weight" : position === 2 ? "bias" : undefined),
  work: ({ inputs, outputs }) =>
    inputs[2] === undefined ? [] : [{ category: "bias", elements: elementCount(outputs[0]!.dims) }],
  typeOf: () => "deconv",
  bind: ({ group, channelsLast }, [x, w], [y]) => {
    const input = mapAxes(x!.dims, channelsLast)!;
    const [kh, kw] = lastAndRest(w!.dims.slice(2));
    const [hi, wi] = lastAndRest(input.spatial);
    return {
      B: input.batch,
      M: input.channels,
      N: mapAxes(y!.dims, channelsLast)!.channels,
      G: group,
      K_H: kh,
      K_W: kw,
      H_in: hi,
      W_in: wi,
    };
  },
  infer: (attrs, [x, w, b]) => {
    if (!x || !w) return "needs its data and its weight";
    const map = mapAxes(x.dims, attrs.channelsLast);
    if (!map || w.dims.length !== x.dims.length)
      return `data ${formatDims(x.dims)} and weight ${formatDims(w.dims)}: a transposed convolution reads a map and a weight of its rank`;
    const { group } = attrs;
    if (!Number.isSafeInteger(group) || group < 1)
      return `group ${group}: a group count is a whole number ≥ 1`;
    if (w.dims[0] !== map.channels || map.channels % group !== 0)
      return `weight ${formatDims(w.dims)} in ${group} group${group === 1 ? "" : "s"} does not fit ${map.channels} input channels`;
    const out = w.dims[1]! * group;
    if (b && formatDims(b.dims) !== `${out}`)
      return `bias ${formatDims(b.dims)} is not one per output channel (${out})`;
    const spatial = outputSpatial(attrs, map.spatial, w.dims.slice(2));
    if (spatial.length !== map.spatial.length || spatial.some((d) => !Number.isSafeInteger(d) || d < 1))
      return `output ${formatDims(spatial)} is not a map of ${map.spatial.length} spatial axes`;
    return [{ dims: mapDims(map.batch, out, spatial, attrs.channelsLast), dtype: x.dtype }];
  },
});
