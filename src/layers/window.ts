/**
 * A sliding window's output size: the one rule convolutions and pools share
 * (onnx/onnx docs/Operators.md, Conv and MaxPool: pads, auto_pad, strides,
 * dilations, ceil_mode), the built-in layer kinds' (their 'same' padding,
 * their pools) as the tensor-graph engine's. Each spatial axis of the input
 * gives one of the output.
 */

/** Dims as a report writes them: 1×32×112×112 ("scalar" for none). */
export const formatDims = (dims: readonly number[]): string =>
  dims.length === 0 ? "scalar" : dims.join("×");

export const AUTO_PADS = ["NOTSET", "SAME_UPPER", "SAME_LOWER", "VALID"] as const;
export type AutoPad = (typeof AUTO_PADS)[number];

/** A window as a node gives it: what it leaves out takes ONNX's defaults for the map's rank. */
export interface WindowAttrs {
  /** Kernel size per spatial axis. */
  readonly kernel: readonly number[];
  /** Per spatial axis; 1 when not given. */
  readonly strides?: readonly number[];
  /** Per spatial axis; 1 when not given. */
  readonly dilations?: readonly number[];
  /** Begin pads then end pads, one per spatial axis (ONNX's order); zeros when not given. */
  readonly pads?: readonly number[];
  readonly autoPad?: AutoPad;
  /** Pools: a last window that starts inside the input (or its begin padding) counts even when partial. */
  readonly ceilMode?: boolean;
}

/** A window with every setting given. */
export type SlidingWindow = Required<WindowAttrs>;

/** The window's settings, ONNX's defaults filled in for a map with `axes` spatial axes. */
export const withDefaults = (w: WindowAttrs, axes: number): SlidingWindow => ({
  kernel: w.kernel,
  strides: w.strides ?? Array(axes).fill(1),
  dilations: w.dilations ?? Array(axes).fill(1),
  pads: w.pads ?? Array(2 * axes).fill(0),
  autoPad: w.autoPad ?? "NOTSET",
  ceilMode: w.ceilMode ?? false,
});

const whole = (values: readonly number[], least: number) =>
  values.every((v) => Number.isSafeInteger(v) && v >= least);

/** Why a window's settings cannot apply to a map with this many spatial axes, if they cannot. */
function problemOf(w: SlidingWindow, axes: number): string | undefined {
  if (w.kernel.length !== axes) return `a ${w.kernel.length}-axis kernel on a map with ${axes} spatial axes`;
  if (!whole(w.kernel, 1)) return `kernel ${formatDims(w.kernel)}: sizes are whole numbers ≥ 1`;
  if (w.strides.length !== axes || !whole(w.strides, 1))
    return `strides [${w.strides.join(", ")}]: one whole number ≥ 1 per spatial axis`;
  if (w.dilations.length !== axes || !whole(w.dilations, 1))
    return `dilations [${w.dilations.join(", ")}]: one whole number ≥ 1 per spatial axis`;
  if (w.pads.length !== 2 * axes || !whole(w.pads, 0))
    return `pads [${w.pads.join(", ")}]: a begin and an end pad ≥ 0 per spatial axis`;
  return undefined;
}

/** One axis padded as TensorFlow's 'same' (⌈size / stride⌉): the built-in convolutions' rule too. */
export const sameSide = (size: number, stride: number): number => Math.ceil(size / stride);

/** One axis of a window spanning `span` at `stride`, not padded (⌊(size − span) / stride⌋ + 1): the built-in pools' too. */
export const validSide = (size: number, span: number, stride: number): number =>
  Math.floor((size - span) / stride) + 1;

/** One axis: its output size, from its input size and the window on it. */
function axisOutput(w: SlidingWindow, size: number, axis: number, axes: number): number {
  const stride = w.strides[axis]!;
  const span = (w.kernel[axis]! - 1) * w.dilations[axis]! + 1;
  if (w.autoPad === "SAME_UPPER" || w.autoPad === "SAME_LOWER") return sameSide(size, stride);
  if (w.autoPad === "VALID") return validSide(size, span, stride);
  const begin = w.pads[axis]!;
  const padded = size + begin + w.pads[axis + axes]!;
  if (!w.ceilMode) return validSide(padded, span, stride);
  const out = Math.ceil((padded - span) / stride) + 1;
  // the last window must start inside the input or its begin padding (PyTorch's and ONNX Runtime's rule)
  return (out - 1) * stride >= size + begin ? out - 1 : out;
}

/** The output's spatial sizes, or why the window does not fit (a window larger than the padded map). */
export function windowOutput(spatial: readonly number[], attrs: WindowAttrs): number[] | string {
  const w = withDefaults(attrs, spatial.length);
  const problem = problemOf(w, spatial.length);
  if (problem !== undefined) return problem;
  const out = spatial.map((size, axis) => axisOutput(w, size, axis, spatial.length));
  if (out.some((size) => size < 1))
    return `a ${formatDims(w.kernel)} window${w.dilations.some((d) => d > 1) ? ` (dilations ${w.dilations.join(", ")})` : ""} does not fit a ${formatDims(spatial)} map padded [${w.pads.join(", ")}]`;
  return out;
}
