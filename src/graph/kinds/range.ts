/** A sequence start, start + delta, … below limit (ONNX Range): ⌈(limit − start) / delta⌉ elements, at least 0. */
import { defineOpKind } from "../op-kind.js";
import { tensorOf } from "../tensor.js";

export const range = defineOpKind<Record<string, never>>()({
  kind: "range",
  title: "range",
  infer: (_, [start, limit, delta]) => {
    const [s, l, d] = [start?.values?.[0], limit?.values?.[0], delta?.values?.[0]];
    if (s === undefined || l === undefined || d === undefined)
      return "its start, limit and delta are not known before the model runs";
    if (d === 0) return "a delta of 0";
    const count = Math.max(0, Math.ceil((l - s) / d));
    return [
      tensorOf(
        [count],
        start!.dtype,
        Array.from({ length: count }, (_, i) => s + i * d),
      ),
    ];
  },
});
