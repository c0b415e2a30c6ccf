/** Softmax, LogSoftmax and Hardmax along an axis (ONNX; default −1 from opset 13, 1 before): the input's dims. */
import { axisIn, elementCount } from "../dims.js";
import { defineOpKind } from "../op-kind.js";

export interface SoftmaxAttrs {
  readonly op: "Softmax" | "LogSoftmax" | "Hardmax";
  readonly axis: number;
}

export const softmax = defineOpKind<SoftmaxAttrs>()({
  kind: "softmax",
  title: "softmax",
  work: ({ outputs }) => [{ category: "softmax", elements: elementCount(outputs[0]!.dims) }],
  infer: ({ axis }, [x]) => {
    if (!x) return "needs its input";
    const at = axisIn(axis, x.dims.length);
    if (typeof at === "string") return at;
    return [{ dims: x.dims, dtype: x.dtype }];
  },
});
