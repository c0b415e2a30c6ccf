/**
 * Views that keep the elements in order and change only the dims (ONNX Reshape, Flatten, Squeeze,
 * Unsqueeze): data movement, no work. Known values pass through.
 */
import { axisIn, type Dims, elementNumber, formatDims } from "../dims.js";
import { defineOpKind } from "../op-kind.js";
import { type Tensor, tensorOf } from "../tensor.js";

export type ReshapeAttrs =
  /** The target is the second input's values: 0 copies the input's dim (unless allowzero), −1 is inferred. */
  | { readonly op: "Reshape"; readonly allowzero: boolean }
  | { readonly op: "Flatten"; readonly axis: number }
  /** Axes from the attribute, or from the second input (opset 13) when `axes` is undefined. */
  | { readonly op: "Squeeze" | "Unsqueeze"; readonly axes?: readonly number[] };

function reshaped(x: Dims, target: readonly number[], allowzero: boolean): Dims | string {
  const dims = target.map((d, i) => (d === 0 && !allowzero ? x[i] : d));
  if (dims.some((d) => d === undefined || !Number.isSafeInteger(d) || d < -1))
    return `target [${target.join(", ")}] is not a shape for ${formatDims(x)}`;
  const unknown = dims.filter((d) => d === -1).length;
  const known = elementNumber(dims.filter((d) => d !== -1) as number[]);
  const total = elementNumber(x);
  if (unknown > 1) return `target [${target.join(", ")}] has more than one −1`;
  if (unknown === 1) {
    if (known === 0 || total % known !== 0)
      return `target [${target.join(", ")}] cannot hold the ${total} elements of ${formatDims(x)}`;
    return dims.map((d) => (d === -1 ? total / known : d!));
  }
  if (known !== total)
    return `target [${target.join(", ")}] does not hold the ${total} elements of ${formatDims(x)}`;
  return dims as number[];
}

function squeezed(x: Dims, axes: readonly number[] | undefined): Dims | string {
  if (axes === undefined || axes.length === 0) return x.filter((d) => d !== 1);
  const at = new Set<number>();
  for (const a of axes) {
    const i = axisIn(a, x.length);
    if (typeof i === "string") return i;
    if (x[i] !== 1) return `axis ${a} of ${formatDims(x)} is ${x[i]}, not 1: it cannot be squeezed`;
    at.add(i);
  }
  return x.filter((_, i) => !at.has(i));
}

function unsqueezed(x: Dims, axes: readonly number[] | undefined): Dims | string {
  if (axes === undefined || axes.length === 0) return "needs the axes to insert";
  const rank = x.length + axes.length;
  const at = new Set<number>();
  for (const a of axes) {
    const i = axisIn(a, rank);
    if (typeof i === "string") return i;
    if (at.has(i)) return `axis ${a} is given twice`;
    at.add(i);
  }
  const rest = [...x];
  return Array.from({ length: rank }, (_, i) => (at.has(i) ? 1 : rest.shift()!));
}

function outputDims(attrs: ReshapeAttrs, x: Tensor, second: Tensor | undefined): Dims | string {
  if (attrs.op === "Flatten") {
    const axis = attrs.axis < 0 ? attrs.axis + x.dims.length : attrs.axis;
    if (!Number.isSafeInteger(axis) || axis < 0 || axis > x.dims.length)
      return `axis ${attrs.axis} is outside 0…${x.dims.length} for ${formatDims(x.dims)}`;
    return [elementNumber(x.dims.slice(0, axis)), elementNumber(x.dims.slice(axis))];
  }
  const fromInput = attrs.op === "Reshape" || attrs.axes === undefined;
  if (fromInput && second !== undefined && second.values === undefined)
    return `its ${attrs.op === "Reshape" ? "target shape" : "axes"} are not known before the model runs`;
  const values = fromInput ? second?.values : attrs.axes;
  if (attrs.op === "Reshape")
    return values === undefined ? "needs its target shape" : reshaped(x.dims, values, attrs.allowzero);
  return attrs.op === "Squeeze" ? squeezed(x.dims, values) : unsqueezed(x.dims, values);
}

export const reshape = defineOpKind<ReshapeAttrs>()({
  kind: "reshape",
  title: "reshape",
  infer: (attrs, [x, second]) => {
    if (!x) return "needs its data";
    const dims = outputDims(attrs, x, second);
    if (typeof dims === "string") return dims;
    return [tensorOf(dims, x.dtype, x.values)];
  },
});
