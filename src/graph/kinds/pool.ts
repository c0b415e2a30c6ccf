/**
 * Pooling over a sliding window (ONNX MaxPool, AveragePool, LpPool): each channel on its own, so the
 * output keeps N and C; and global pooling (GlobalAveragePool, GlobalMaxPool, GlobalLpPool), every
 * spatial axis to 1.
 */
import { elementCount, formatDims } from "../dims.js";
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
  infer: ({ window }, [x]) => {
    if (!x) return "needs its data";
    if (x.dims.length < 3) return `data ${formatDims(x.dims)}: a pool reads N×C×spatial`;
    const [batch, channels] = x.dims as [number, number];
    if (!window) return [{ dims: [batch, channels, ...x.dims.slice(2).map(() => 1)], dtype: x.dtype }];
    const spatial = windowOutput(x.dims.slice(2), window);
    if (typeof spatial === "string") return spatial;
    const dims = [batch, channels, ...spatial];
    // MaxPool's optional second output: the indices of the maxima
    return [
      { dims, dtype: x.dtype },
      { dims, dtype: "int64" },
    ];
  },
});
