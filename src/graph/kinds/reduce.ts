/**
 * Reductions over axes (ONNX ReduceMean, ReduceSum, ReduceMax, …, ArgMax, ArgMin): the reduced axes
 * become 1 (keepdims) or go; no axes means all of them, unless noop_with_empty_axes.
 */
import { axisIn, elementCount, formatDims } from "../dims.js";
import { defineOpKind } from "../op-kind.js";

export interface ReduceAttrs {
  /** The ONNX operator (ReduceMean, ArgMax, …). */
  readonly op: string;
  /** From the attribute, or the second input's values (given by the lowering as `axesFromInput`). */
  readonly axes?: readonly number[];
  /** The axes are the values of input 2 (ReduceSum from opset 13, the others from 18). */
  readonly axesFromInput?: boolean;
  readonly keepdims: boolean;
  readonly noopWithEmptyAxes?: boolean;
  /** Its input is N×H×W×C (TensorFlow Lite's MEAN): a mean over axes 1 and 2 is a global average pool. */
  readonly channelsLast?: boolean;
}

export const reduce = defineOpKind<ReduceAttrs>()({
  kind: "reduce",
  title: "reduction",
  // a mean over the spatial axes of an N×C×H×W map is a global average pool (x.mean([2, 3])), as one
  // over those of an N×H×W×C map is
  work: ({ attrs, inputs, outputs }) => {
    const x = inputs[0]!;
    const spatial = (attrs.axes ?? inputs[1]?.values ?? []).map((a) => (a < 0 ? a + x.dims.length : a));
    const [h, w] = attrs.channelsLast ? [1, 2] : [2, 3];
    const overMap = x.dims.length === 4 && spatial.length === 2 && spatial.includes(h) && spatial.includes(w);
    if (attrs.op !== "ReduceMean" || !overMap) return [];
    return [
      { category: "pool", elements: elementCount(x.dims) },
      { category: "pool-divide", elements: elementCount(outputs[0]!.dims) },
    ];
  },
  infer: ({ op, axes, axesFromInput, keepdims, noopWithEmptyAxes }, [x, axesInput]) => {
    if (!x) return "needs its input";
    if (axesFromInput && axesInput && axesInput.values === undefined)
      return "its axes are not known before the model runs";
    const given = axesFromInput ? (axesInput?.values ?? []) : (axes ?? []);
    if (given.length === 0 && noopWithEmptyAxes) return [{ dims: x.dims, dtype: x.dtype }];
    const rank = x.dims.length;
    const reduced = new Set<number>();
    for (const a of given.length > 0 ? given : x.dims.map((_, i) => i)) {
      const at = axisIn(a, rank);
      if (typeof at === "string") return at;
      if (reduced.has(at)) return `axis ${a} is given twice for ${formatDims(x.dims)}`;
      reduced.add(at);
    }
    const dims = x.dims.flatMap((d, i) => (!reduced.has(i) ? [d] : keepdims ? [1] : []));
    return [{ dims, dtype: op === "ArgMax" || op === "ArgMin" ? "int64" : x.dtype }];
  },
});
