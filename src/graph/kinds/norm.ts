/**
 * Normalizations (ONNX BatchNormalization, InstanceNormalization, LayerNormalization,
 * GroupNormalization, LpNormalization, MeanVarianceNormalization, RMSNormalization): the output has the
 * input's dims; the scale and bias have one value per channel (or per normalized element); an RMSNorm
 * has a scale only.
 */
import { axisIn, elementCount, formatDims } from "../dims.js";
import { defineOpKind } from "../op-kind.js";
import type { WorkCategory } from "../work.js";

export const NORM_MODES = ["batch", "instance", "layer", "group", "lp", "mean-variance", "rms"] as const;
export type NormMode = (typeof NORM_MODES)[number];

/** The work category of each normalization with a scale and a shift (counters tell LayerNorm from the others). */
const NORM_CATEGORY: Partial<Record<NormMode, WorkCategory>> = {
  batch: "bn",
  layer: "norm",
  group: "group-norm",
  instance: "group-norm",
  rms: "rms-norm",
};

export interface NormAttrs {
  readonly mode: NormMode;
  /** LayerNormalization: the first normalized axis (default −1). */
  readonly axis?: number;
  /** GroupNormalization: channel groups. */
  readonly groups?: number;
}

export const norm = defineOpKind<NormAttrs>()({
  kind: "norm",
  title: "normalization",
  // the scale and the shift; BatchNormalization's running mean and variance are statistics, not learnt
  paramRole: (_, position) => (position === 1 || position === 2 ? "norm" : undefined),
  work: ({ attrs: { mode }, outputs }) => {
    const category = Object.hasOwn(NORM_CATEGORY, mode) ? NORM_CATEGORY[mode] : undefined;
    return category ? [{ category, elements: elementCount(outputs[0]!.dims) }] : [];
  },
  infer: ({ mode, axis, groups }, [x]) => {
    if (!x) return "needs its input";
    if (mode === "layer") {
      const first = axisIn(axis ?? -1, x.dims.length);
      if (typeof first === "string") return first;
    }
    if (mode === "group") {
      const channels = x.dims[1];
      if (channels === undefined || groups === undefined || groups < 1 || channels % groups !== 0)
        return `${groups} groups do not divide the ${channels ?? "missing"} channels of ${formatDims(x.dims)}`;
    }
    if ((mode === "batch" || mode === "instance" || mode === "group") && x.dims.length < 2)
      return `data ${formatDims(x.dims)}: this normalization reads N×C×…`;
    // BatchNormalization in training mode has running mean and variance outputs: not an inference graph's
    return [{ dims: x.dims, dtype: x.dtype }];
  },
});
