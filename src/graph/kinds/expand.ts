/**
 * Tensors grown by repetition (ONNX Expand: broadcast to a shape given as values; Tile: each axis times
 * its repeats): data movement.
 */
import { broadcastDims, formatDims } from "../dims.js";
import { defineOpKind } from "../op-kind.js";

export interface ExpandAttrs {
  readonly op: "Expand" | "Tile";
}

export const expand = defineOpKind<ExpandAttrs>()({
  kind: "expand",
  title: "expand",
  paramRole: (_, position) => (position === 0 ? "weight" : undefined),
  infer: ({ op }, [x, by]) => {
    if (!x || !by) return `needs its data and its ${op === "Expand" ? "shape" : "repeats"}`;
    if (by.values === undefined)
      return `its ${op === "Expand" ? "shape" : "repeats"} are not known before the model runs`;
    if (by.values.some((d) => !Number.isSafeInteger(d) || d < 0))
      return `[${by.values.join(", ")}] is not a shape`;
    if (op === "Expand") {
      const dims = broadcastDims(x.dims, by.values);
      return typeof dims === "string" ? dims : [{ dims, dtype: x.dtype }];
    }
    if (by.values.length !== x.dims.length)
      return `repeats [${by.values.join(", ")}] for the ${x.dims.length} axes of ${formatDims(x.dims)}`;
    return [{ dims: x.dims.map((d, i) => d * by.values![i]!), dtype: x.dtype }];
  },
});
