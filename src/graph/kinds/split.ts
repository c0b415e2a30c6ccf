/**
 * A tensor cut along an axis (ONNX Split): into the given sizes (attribute, or second input from
 * opset 13), or into equal parts, one per output (the last smaller when num_outputs does not divide).
 */
import { axisIn, formatDims } from "../dims.js";
import { defineOpKind } from "../op-kind.js";

export interface SplitAttrs {
  readonly axis: number;
  /** The sizes from the attribute; undefined: from input 2, or equal parts. */
  readonly split?: readonly number[];
  /** How many outputs the node has (the equal parts' count). */
  readonly outputs: number;
  /** Opset 18's num_outputs: parts of ⌈size / n⌉, the last what is left. */
  readonly numOutputs?: number;
}

function sizesOf(size: number, attrs: SplitAttrs, given: readonly number[] | undefined): number[] | string {
  if (given !== undefined) {
    if (given.length !== attrs.outputs || given.some((s) => !Number.isSafeInteger(s) || s < 0))
      return `split [${given.join(", ")}] does not give ${attrs.outputs} sizes`;
    if (given.reduce((a, b) => a + b, 0) !== size)
      return `split [${given.join(", ")}] does not add up to ${size}`;
    return [...given];
  }
  const n = attrs.numOutputs ?? attrs.outputs;
  if (attrs.numOutputs === undefined && size % n !== 0) return `${size} does not split into ${n} equal parts`;
  const part = Math.ceil(size / n);
  return Array.from({ length: n }, (_, i) => Math.max(0, Math.min(part, size - i * part)));
}

export const split = defineOpKind<SplitAttrs>()({
  kind: "split",
  title: "split",
  infer: (attrs, [x, sizes]) => {
    if (!x) return "needs its data";
    const at = axisIn(attrs.axis, x.dims.length);
    if (typeof at === "string") return at;
    if (sizes && sizes.values === undefined) return "its sizes are not known before the model runs";
    const parts = sizesOf(x.dims[at]!, attrs, attrs.split ?? sizes?.values);
    if (typeof parts === "string") return `${formatDims(x.dims)} along axis ${attrs.axis}: ${parts}`;
    return parts.map((size) => ({ dims: x.dims.map((d, i) => (i === at ? size : d)), dtype: x.dtype }));
  },
});
