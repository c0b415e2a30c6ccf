/**
 * Constants made by the graph (ONNX Constant: its value; ConstantOfShape: dims from its input's values,
 * every element the given value). A constant is a tensor, not work.
 */
import { elementNumber } from "../dims.js";
import { defineOpKind } from "../op-kind.js";
import { SMALL_VALUES, type Tensor, tensorOf } from "../tensor.js";

export type ConstantAttrs =
  | { readonly op: "Constant"; readonly value: Tensor }
  | { readonly op: "ConstantOfShape"; readonly value?: Tensor };

export const constant = defineOpKind<ConstantAttrs>()({
  kind: "constant",
  title: "constant",
  infer: (attrs, [shape]) => {
    if (attrs.op === "Constant") return [attrs.value];
    if (!shape) return "needs its shape";
    if (shape.values === undefined) return "its shape is not known before the model runs";
    const dims = shape.values;
    if (dims.some((d) => !Number.isSafeInteger(d) || d < 0)) return `[${dims.join(", ")}] is not a shape`;
    const fill = attrs.value?.values?.[0] ?? 0;
    const count = elementNumber(dims);
    return [
      tensorOf(
        dims,
        attrs.value?.dtype ?? "float32",
        count <= SMALL_VALUES ? Array(count).fill(fill) : undefined,
      ),
    ];
  },
});
