/**
 * Tensor dimensions as the tensor-graph engine sees them: whole sizes,
 * outermost first, in the layout the graph declares (ONNX's N×C×H×W for an
 * image batch). The rules every op kind shares live here: broadcasting, axes
 * (negative ones count from the end), element counts.
 */

import { formatDims } from "../layers/window.js";

/** A tensor's dimensions, outermost first; [] is a scalar. */
export type Dims = readonly number[];

/** Elements of a tensor of these dims, exactly: the layer kinds' own count. */
export { elementsOf as elementCount } from "../layers/define-layer-kind.js";

/** The same as elementCount, as a double (for small tensors: shape arithmetic). */
export const elementNumber = (dims: Dims): number => dims.reduce((total, d) => total * d, 1);

export const sameDims = (a: Dims, b: Dims): boolean => a.length === b.length && a.every((d, i) => d === b[i]);

/** Dims as reports write them (the sliding-window rule's own, layers/window.ts). */
export { formatDims };

/**
 * Multidirectional (NumPy) broadcasting, as ONNX's element-wise operators apply it
 * (onnx/onnx docs/Broadcasting.md): dims align from the last; each pair is equal, or one is 1.
 * A problem as text when the two do not broadcast.
 */
export function broadcastDims(a: Dims, b: Dims): Dims | string {
  const rank = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < rank; i++) {
    const x = a[a.length - rank + i] ?? 1;
    const y = b[b.length - rank + i] ?? 1;
    if (x !== y && x !== 1 && y !== 1) return `${formatDims(a)} and ${formatDims(b)} do not broadcast`;
    out.push(x === 1 ? y : x);
  }
  return out;
}

/**
 * A map's batch, channels and spatial sizes: N×C×spatial (ONNX), or N×spatial×C with `channelsLast`
 * (TensorFlow Lite's NHWC). Undefined for a tensor of fewer than 3 dims.
 */
export function mapAxes(
  dims: Dims,
  channelsLast = false,
): { readonly batch: number; readonly channels: number; readonly spatial: Dims } | undefined {
  if (dims.length < 3) return undefined;
  return channelsLast
    ? { batch: dims[0]!, channels: dims.at(-1)!, spatial: dims.slice(1, -1) }
    : { batch: dims[0]!, channels: dims[1]!, spatial: dims.slice(2) };
}

/** A map's dims from its batch, channels and spatial sizes, in the layout mapAxes reads. */
export const mapDims = (batch: number, channels: number, spatial: Dims, channelsLast = false): Dims =>
  channelsLast ? [batch, ...spatial, channels] : [batch, channels, ...spatial];

/** An axis in [−rank, rank) as an index in [0, rank); a problem as text outside. */
export function axisIn(axis: number, rank: number): number | string {
  if (!Number.isSafeInteger(axis) || axis < -rank || axis >= rank)
    return `axis ${axis} is outside a rank-${rank} tensor (−${rank} to ${rank - 1})`;
  return axis < 0 ? axis + rank : axis;
}

/** Row-major strides: how far apart consecutive indices of each axis lie. */
export function stridesOf(dims: Dims): number[] {
  const strides = dims.map(() => 1);
  for (let axis = dims.length - 2; axis >= 0; axis--) strides[axis] = strides[axis + 1]! * dims[axis + 1]!;
  return strides;
}

/**
 * Values of an output tensor of dims `out` taken from an input's values: `sourceOf` maps an output
 * position (its index per axis) to the input's flat index. For the small tensors of shape arithmetic.
 */
export function gatherValues(
  out: Dims,
  values: readonly number[],
  sourceOf: (position: readonly number[]) => number,
): number[] {
  const count = elementNumber(out);
  const position = out.map(() => 0);
  const result: number[] = [];
  for (let i = 0; i < count; i++) {
    result.push(values[sourceOf(position)]!);
    for (let axis = out.length - 1; axis >= 0; axis--) {
      position[axis]!++;
      if (position[axis]! < out[axis]!) break;
      position[axis] = 0;
    }
  }
  return result;
}
