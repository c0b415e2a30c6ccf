/** A tensor's dims as a tensor (ONNX Shape, with opset 15's start and end; Size: the element count). */
import { elementNumber } from "../dims.js";
import { defineOpKind } from "../op-kind.js";
import { tensorOf } from "../tensor.js";

export interface ShapeOfAttrs {
  readonly op: "Shape" | "Size";
  readonly start?: number;
  readonly end?: number;
}

export const shapeOf = defineOpKind<ShapeOfAttrs>()({
  kind: "shape",
  title: "shape",
  infer: ({ op, start, end }, [x]) => {
    if (!x) return "needs its input";
    if (op === "Size") return [tensorOf([], "int64", [elementNumber(x.dims)])];
    // start and end clamp to the rank; negative ones count from the end
    const rank = x.dims.length;
    const at = (v: number) => Math.min(Math.max(v < 0 ? v + rank : v, 0), rank);
    const values = x.dims.slice(at(start ?? 0), at(end ?? rank));
    return [tensorOf([values.length], "int64", values)];
  },
});
