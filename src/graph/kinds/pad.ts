/**
 * Padding (ONNX Pad): each axis grows by its begin and end pads (negative pads crop). From opset 11 the
 * pads are input 2 (and opset 18's axes input 4), before that an attribute.
 */
import { axisIn, formatDims } from "../dims.js";
import { defineOpKind } from "../op-kind.js";

export interface PadAttrs {
  /** Opset < 11: the pads attribute; undefined: input 2. */
  readonly pads?: readonly number[];
  readonly mode: string;
}

export const pad = defineOpKind<PadAttrs>()({
  kind: "pad",
  title: "padding",
  infer: (attrs, [x, padsIn, , axesIn]) => {
    if (!x) return "needs its data";
    if (padsIn && padsIn.values === undefined) return "its pads are not known before the model runs";
    if (axesIn && axesIn.values === undefined) return "its axes are not known before the model runs";
    const pads = attrs.pads ?? padsIn?.values;
    if (pads === undefined) return "needs its pads";
    const axes = axesIn?.values ?? x.dims.map((_, i) => i);
    if (pads.length !== 2 * axes.length)
      return `pads [${pads.join(", ")}]: a begin and an end pad for each of ${axes.length} axes`;
    const dims = [...x.dims];
    for (const [i, axis] of axes.entries()) {
      const at = axisIn(axis, x.dims.length);
      if (typeof at === "string") return at;
      dims[at] = x.dims[at]! + pads[i]! + pads[i + axes.length]!;
    }
    if (dims.some((d) => d < 0)) return `pads [${pads.join(", ")}] crop ${formatDims(x.dims)} below nothing`;
    return [{ dims, dtype: x.dtype }];
  },
});
