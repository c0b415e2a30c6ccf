/**
 * Resizing (ONNX Resize, Upsample): each axis to its given size, or to ⌊size × scale⌋. The lowering puts
 * the scales and the sizes in positions 2 and 3 whichever opset stored them where (Upsample-7 and
 * Resize-10 have no sizes).
 */
import { axisIn, elementCount, formatDims } from "../dims.js";
import { defineOpKind } from "../op-kind.js";

export interface ResizeAttrs {
  /** Upsample-7's scales attribute; undefined: input 2. */
  readonly scales?: readonly number[];
  /** Opset 18: the axes the scales or sizes are for (default all). */
  readonly axes?: readonly number[];
  readonly mode: string;
}

export const resize = defineOpKind<ResizeAttrs>()({
  kind: "resize",
  title: "resize",
  // counters count an upsampling per output element, interpolating more than copying
  work: ({ attrs, outputs }) => [
    {
      category: attrs.mode === "nearest" ? "upsample" : "upsample-linear",
      elements: elementCount(outputs[0]!.dims),
    },
  ],
  infer: (attrs, [x, scalesIn, sizesIn]) => {
    if (!x) return "needs its data";
    // an empty tensor stands for an omitted input (opset 11's exporters write one for the scales)
    const present = (t: typeof scalesIn) => (t?.dims.some((d) => d === 0) ? undefined : t);
    const scalesT = present(scalesIn);
    const sizesT = present(sizesIn);
    if ((scalesT && scalesT.values === undefined) || (sizesT && sizesT.values === undefined))
      return "its scales or sizes are not known before the model runs";
    const scales = attrs.scales ?? scalesT?.values;
    const sizes = sizesT?.values;
    if (scales === undefined && sizes === undefined) return "needs its scales or its sizes";
    const axes = attrs.axes ?? x.dims.map((_, i) => i);
    const given = (sizes ?? scales)!;
    if (given.length !== axes.length)
      return `${sizes ? "sizes" : "scales"} [${given.join(", ")}] for ${axes.length} axes of ${formatDims(x.dims)}`;
    const dims = [...x.dims];
    for (const [i, axis] of axes.entries()) {
      const at = axisIn(axis, x.dims.length);
      if (typeof at === "string") return at;
      dims[at] = sizes ? sizes[i]! : Math.floor(x.dims[at]! * scales![i]!);
    }
    if (dims.some((d) => !Number.isSafeInteger(d) || d < 0))
      return `${formatDims(x.dims)} resized to ${dims.join("×")}: not a shape`;
    return [{ dims, dtype: x.dtype }];
  },
});
