/**
 * Singular-value-decomposition filter (TensorFlow Lite's SVDF, in its input positions: 0 the input
 * [batch, in]; 1 the feature weights [filters, in]; 2 the time weights [filters, memory]; 3 the bias
 * [units]; 4 the state, a variable), filters = units × rank. Its products, the rule stated: for each of
 * the batch, every feature weight multiplies the input once and every time weight the state once: S·V,
 * S the batch, V the elements of both weights (the rank's sums are adds, not counted).
 */
import { mul } from "../../algebra/expr.js";
import { elementNumber, formatDims } from "../dims.js";
import { defineOpKind } from "../op-kind.js";
import { S, V } from "../symbols.js";

export interface SvdfAttrs {
  readonly rank: number;
}

export const svdf = defineOpKind<SvdfAttrs>()({
  kind: "svdf",
  title: "SVDF",
  macs: mul(S, V),
  paramRole: (_, position) =>
    position === 1 || position === 2 ? "weight" : position === 3 ? "bias" : undefined,
  bind: (_, [x, feature, time]) => ({
    S: x!.dims[0]!,
    V: elementNumber(feature!.dims) + elementNumber(time!.dims),
  }),
  infer: ({ rank }, [x, feature, time]) => {
    if (!x || !feature || !time) return "needs its input and its feature and time weights";
    if (x.dims.length !== 2 || feature.dims[1] !== x.dims[1])
      return `input ${formatDims(x.dims)} and feature weights ${formatDims(feature.dims)} do not multiply`;
    const filters = feature.dims[0]!;
    if (time.dims[0] !== filters || !Number.isSafeInteger(rank) || rank < 1 || filters % rank !== 0)
      return `time weights ${formatDims(time.dims)} at rank ${rank} do not fit ${filters} filters`;
    return [{ dims: [x.dims[0]!, filters / rank], dtype: x.dtype }];
  },
});
