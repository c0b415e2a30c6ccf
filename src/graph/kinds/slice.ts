/**
 * A strided window of a tensor (ONNX Slice): per axis a start, an end and a step, clamped to the axis as
 * the operator says (negative indices count from the end). From opset 10 they are inputs 2–5, before
 * that attributes. Known values are sliced too (shape arithmetic).
 */
import { axisIn, gatherValues, stridesOf } from "../dims.js";
import { defineOpKind } from "../op-kind.js";
import { type Tensor, tensorOf } from "../tensor.js";

export interface SliceAttrs {
  /** Opset < 10: the bounds as attributes; undefined: inputs 2–5. */
  readonly starts?: readonly number[];
  readonly ends?: readonly number[];
  readonly axes?: readonly number[];
}

const clamp = (v: number, low: number, high: number) => Math.min(Math.max(v, low), high);

/** One axis's range: its first index, step and length, by the Slice operator's clamping. */
function axisRange(size: number, start: number, end: number, step: number) {
  const from = start < 0 ? start + size : start;
  const to = end < 0 ? end + size : end;
  const first = step > 0 ? clamp(from, 0, size) : clamp(from, 0, size - 1);
  const last = step > 0 ? clamp(to, 0, size) : clamp(to, -1, size - 1);
  return { first, step, length: Math.max(0, Math.ceil((last - first) / step)) };
}

function known(t: Tensor | undefined, what: string): readonly number[] | string | undefined {
  if (t === undefined) return undefined;
  return t.values ?? `its ${what} are not known before the model runs`;
}

export const slice = defineOpKind<SliceAttrs>()({
  kind: "slice",
  title: "slice",
  infer: (attrs, [x, startsIn, endsIn, axesIn, stepsIn]) => {
    if (!x) return "needs its data";
    const starts = attrs.starts ?? known(startsIn, "starts");
    const ends = attrs.ends ?? known(endsIn, "ends");
    const axes = attrs.axes ?? known(axesIn, "axes");
    const steps = known(stepsIn, "steps");
    for (const v of [starts, ends, axes, steps]) if (typeof v === "string") return v;
    if (starts === undefined || ends === undefined) return "needs its starts and ends";
    const s = starts as readonly number[];
    const e = ends as readonly number[];
    const a = (axes as readonly number[] | undefined) ?? s.map((_, i) => i);
    const st = (steps as readonly number[] | undefined) ?? s.map(() => 1);
    if (e.length !== s.length || a.length !== s.length || st.length !== s.length)
      return `starts, ends, axes and steps of different lengths (${s.length}, ${e.length}, ${a.length}, ${st.length})`;
    const dims = [...x.dims];
    const ranges = new Map<number, ReturnType<typeof axisRange>>();
    for (const [i, axis] of a.entries()) {
      const at = axisIn(axis, x.dims.length);
      if (typeof at === "string") return at;
      if (st[i] === 0 || !Number.isSafeInteger(st[i]))
        return `step ${st[i]}: a step is a whole number, not 0`;
      const range = axisRange(x.dims[at]!, s[i]!, e[i]!, st[i]!);
      ranges.set(at, range);
      dims[at] = range.length;
    }
    const strides = stridesOf(x.dims);
    const values =
      x.values &&
      gatherValues(dims, x.values, (position) =>
        position.reduce((at, p, axis) => {
          const r = ranges.get(axis);
          return at + (r ? r.first + p * r.step : p) * strides[axis]!;
        }, 0),
      );
    return [tensorOf(dims, x.dtype, values)];
  },
});
