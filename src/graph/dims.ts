/**
 * Tensor dimensions as the tensor-graph engine sees them: whole sizes,
 * outermost first, in the layout the graph declares (ONNX's N×C×H×W for an
 * image batch). The rules every op kind shares live here: broadcasting, axes
 * (negative ones count from the end), element counts.
 */

/** A tensor's dimensions, outermost first; [] is a scalar. */
export type Dims = readonly number[];

/** Elements of a tensor of these dims, exactly. */
export const elementCount = (dims: Dims): bigint => dims.reduce((total, d) => total * BigInt(d), 1n);

/** The same as elementCount, as a double (for small tensors: shape arithmetic). */
export const elementNumber = (dims: Dims): number => dims.reduce((total, d) => total * d, 1);

export const sameDims = (a: Dims, b: Dims): boolean => a.length === b.length && a.every((d, i) => d === b[i]);

export const formatDims = (dims: Dims): string => (dims.length === 0 ? "scalar" : dims.join("×"));

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

/** An axis in [−rank, rank) as an index in [0, rank); a problem as text outside. */
export function axisIn(axis: number, rank: number): number | string {
  if (!Number.isSafeInteger(axis) || axis < -rank || axis >= rank)
    return `axis ${axis} is outside a rank-${rank} tensor (−${rank} to ${rank - 1})`;
  return axis < 0 ? axis + rank : axis;
}
