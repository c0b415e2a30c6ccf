/**
 * Pooling over a sliding window (ONNX MaxPool, AveragePool, LpPool): each channel on its own, so the
 * output keeps N and C; and global pooling (GlobalAveragePool, GlobalMaxPool, GlobalLpPool), every
 * spatial axis to 1.
 */
import { elementCount, formatDims, mapAxes, mapDims } from "../dims.js";
import { defineOpKind } from "../op-kind.js";
import { type WindowAttrs, windowOutput } from "../../layers/window.js";

export const POOL_MODES = ["max", "average", "lp"] as const;
export type PoolMode = (typeof POOL_MODES)[number];

export interface PoolAttrs {
  readonly mode: PoolMode;
  /** Undefined: global pooling, one window over each whole map. */
  readonly window?: WindowAttrs;
  /** AveragePool: padding counts in the divisor. */
  readonly countIncludePad?: boolean;
  /** Data and output are N×spatial×C (TensorFlow Lite's pools; default N×C×spatial). */
  readonly channelsLast?: boolean;
}

export const pool = defineOpKind<PoolAttrs>()({
  kind: "pool",
  title: "pooling",
  // an average reads each input element and divides each output; a max compares each input element
  work: ({ attrs, inputs, outputs }) => {
    const read = elementCount(inputs[0]!.dims);
    if (attrs.mode === "max") return [{ category: "max-pool", elements: read }];
    if (attrs.mode === "lp") return [];
    return [
      { category: "pool", elements: read },
      { category: "pool-divide", elements: elementCount(outputs[0]!.dims) },
    ];
  },
  infer: ({ window, channelsLast }, [x]) => {
    if (!x) return "needs its data";
    const map = mapAxes(x.dims, channelsLast);
    if (!map)
      return `data ${formatDims(x.dims)}: a pool reads ${channelsLast ? "N×spatial×C" : "N×C×spatial"}`;
    const { batch, channels } = map;
    if (!window)
      return [
        {
          dims: mapDims(
            batch,
            channels,
            map.spatial.map(() => 1),
            channelsLast,
          ),
          dtype: x.dtype,
        },
      ];
    const spatial = windowOutput(map.spatial, window);
    if (typeof spatial === "string") return spatial;
    const dims = mapDims(batch, channels, spatial, channelsLast);
    // MaxPool's optional second output: the indices of the maxima
    return [
      { dims, dtype: x.dtype },
      { dims, dtype: "int64" },
    ];
  },
});
