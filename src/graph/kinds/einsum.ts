/**
 * Einstein summation (ONNX Einsum): the equation's letters name axes; the output has the letters after
 * "->" (or, implicitly, each letter used once, in alphabetical order); "..." stands for broadcast axes.
 */
import { broadcastDims, type Dims, elementNumber, formatDims } from "../dims.js";
import { defineOpKind } from "../op-kind.js";
import { E } from "../symbols.js";
import type { Tensor } from "../tensor.js";
import { isWeightAnywhere } from "../work.js";

export interface EinsumAttrs {
  readonly equation: string;
}

interface Term {
  readonly letters: string;
  /** Where "..." stands among the letters; −1 without one. */
  readonly ellipsisAt: number;
}

const termOf = (text: string): Term => ({
  letters: text.replace("...", ""),
  ellipsisAt: text.indexOf("..."),
});

function parseEquation(equation: string): { inputs: Term[]; output: Term | undefined } | string {
  const compact = equation.replace(/\s+/g, "");
  if (
    !/^([a-zA-Z]*(\.\.\.)?[a-zA-Z]*)(,[a-zA-Z]*(\.\.\.)?[a-zA-Z]*)*(->[a-zA-Z]*(\.\.\.)?[a-zA-Z]*)?$/.test(
      compact,
    )
  )
    return `equation '${equation}' is not an Einsum equation`;
  const [left, right] = compact.split("->");
  return { inputs: left!.split(",").map(termOf), output: right === undefined ? undefined : termOf(right) };
}

interface Analysis {
  /** Each letter's size. */
  readonly sizes: ReadonlyMap<string, number>;
  /** The axes "..." stands for, broadcast. */
  readonly broadcast: Dims;
  readonly output: Dims;
}

function analyse(equation: string, inputs: readonly (Tensor | undefined)[]): Analysis | string {
  const parsed = parseEquation(equation);
  if (typeof parsed === "string") return parsed;
  if (parsed.inputs.length !== inputs.length || inputs.some((t) => t === undefined))
    return `equation '${equation}' has ${parsed.inputs.length} operands, the node ${inputs.length}`;
  const sizes = new Map<string, number>();
  let broadcast: Dims = [];
  for (const [i, term] of parsed.inputs.entries()) {
    const t = inputs[i] as Tensor;
    const extra = t.dims.length - term.letters.length;
    if (extra < 0 || (extra > 0 && term.ellipsisAt < 0))
      return `operand ${i + 1} ${formatDims(t.dims)} does not match '${term.letters}'`;
    const at = Math.max(term.ellipsisAt, 0);
    const own = [...t.dims.slice(0, at), ...t.dims.slice(at + extra)];
    if (term.ellipsisAt >= 0) {
      const b = broadcastDims(broadcast, t.dims.slice(at, at + extra));
      if (typeof b === "string") return b;
      broadcast = b;
    }
    for (const [j, letter] of [...term.letters].entries()) {
      const size = own[j]!;
      const known = sizes.get(letter);
      if (known !== undefined && known !== size && known !== 1 && size !== 1)
        return `'${letter}' is ${known} in one operand and ${size} in another`;
      sizes.set(letter, known === undefined || known === 1 ? size : known);
    }
  }
  const counts = new Map<string, number>();
  for (const term of parsed.inputs) for (const l of term.letters) counts.set(l, (counts.get(l) ?? 0) + 1);
  const output = parsed.output ?? {
    letters: [...counts]
      .filter(([, n]) => n === 1)
      .map(([l]) => l)
      .sort()
      .join(""),
    ellipsisAt: parsed.inputs.some((t) => t.ellipsisAt >= 0) ? 0 : -1,
  };
  const unknown = [...output.letters].find((l) => !sizes.has(l));
  if (unknown !== undefined) return `output letter '${unknown}' is not in any operand`;
  const letters = [...output.letters].map((l) => sizes.get(l)!);
  const at = Math.max(output.ellipsisAt, 0);
  const dims =
    output.ellipsisAt >= 0 ? [...letters.slice(0, at), ...broadcast, ...letters.slice(at)] : letters;
  return { sizes, broadcast, output: dims };
}

export const einsum = defineOpKind<EinsumAttrs>()({
  kind: "einsum",
  title: "Einstein summation",
  // each output element sums the products over the letters it does not keep: every letter's size once
  macs: E,
  paramRole: ({ inputs }, position) => (isWeightAnywhere(inputs[position]) ? "weight" : undefined),
  isMatmul: ({ inputs, isStored }) => inputs.every((_, i) => !isStored(i)),
  typeOf: ({ inputs, isStored }) => (inputs.every((_, i) => !isStored(i)) ? "matmul" : "fc"),
  bind: ({ equation }, inputs) => {
    const analysis = analyse(equation, inputs) as Analysis;
    return { E: elementNumber([...analysis.sizes.values()]) * elementNumber(analysis.broadcast) };
  },
  infer: ({ equation }, inputs) => {
    const analysis = analyse(equation, inputs);
    if (typeof analysis === "string") return analysis;
    return [{ dims: analysis.output, dtype: inputs[0]!.dtype }];
  },
});
