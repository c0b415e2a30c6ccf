/**
 * A long short-term memory layer over a sequence (TensorFlow Lite's UNIDIRECTIONAL_SEQUENCE_LSTM, in its
 * input positions: 0 the input [time, batch, in] or [batch, time, in]; 1–4 the input-to-gate weights
 * [cell, in] (the input gate's may be absent: CIFG); 5–8 the recurrent weights [cell, out]; 9–11 the
 * peepholes [cell]; 12–15 the gate biases; 16–17 the projection [out, cell] and its bias; 18–19 the
 * states; 20–23 the layer norms' coefficients). Its products, the rule stated: at each position (time
 * step × batch) every input-to-gate, recurrent and projection weight multiplies once, and each peephole
 * once per cell: S·V, V the elements of those weights. The gates' element-wise work (sigmoids, tanh,
 * the cell update) is not counted.
 */
import { mul } from "../../algebra/expr.js";
import { elementNumber, formatDims } from "../dims.js";
import { defineOpKind } from "../op-kind.js";
import { S, V } from "../symbols.js";

/** The weights each position multiplies: input-to-gate, recurrent, peephole and projection. */
const MULTIPLIED = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 16];
const BIASES = [12, 13, 14, 15, 17];
const NORMS = [20, 21, 22, 23];

export const lstm = defineOpKind<Record<string, never>>()({
  kind: "lstm",
  title: "LSTM (sequence)",
  macs: mul(S, V),
  paramRole: (_, position) =>
    MULTIPLIED.includes(position)
      ? "weight"
      : BIASES.includes(position)
        ? "bias"
        : NORMS.includes(position)
          ? "norm"
          : undefined,
  bind: (_, inputs) => ({
    S: elementNumber(inputs[0]!.dims.slice(0, -1)),
    V: MULTIPLIED.reduce(
      (sum, position) => sum + (inputs[position] ? elementNumber(inputs[position]!.dims) : 0),
      0,
    ),
  }),
  infer: (_, inputs) => {
    const [x] = inputs;
    const recurrent = inputs[8];
    const toOutputGate = inputs[4];
    if (!x || !recurrent || !toOutputGate)
      return "needs its input, and its output gate's input and recurrent weights";
    if (x.dims.length < 2) return `input ${formatDims(x.dims)}: an LSTM reads a sequence of vectors`;
    if (toOutputGate.dims[1] !== x.dims.at(-1))
      return `input-to-gate weights ${formatDims(toOutputGate.dims)} do not read inputs of ${x.dims.at(-1)}`;
    const out = inputs[16]?.dims[0] ?? recurrent.dims[1]!;
    return [{ dims: [...x.dims.slice(0, -1), out], dtype: x.dtype }];
  },
});
