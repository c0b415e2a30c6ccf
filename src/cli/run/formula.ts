import type { Poly } from "../../algebra/expr.js";
import { symbolsOf } from "../../algebra/expr.js";
import { evaluate, substitute } from "../../algebra/evaluate.js";
import { type Notation, toFactoredText, toText } from "../../algebra/print.js";
import { formatRational } from "../../algebra/rational.js";
import { SYMBOLS } from "../../algebra/symbols.js";
import { type FormulaKindName, formulaKinds } from "../../layers/formula-kinds.js";
import { memoryFormulas } from "../../layers/memory-formulas.js";
import { renderJsonValue } from "../../report/json.js";
import { groupDigits } from "../../report/numbers.js";
import { wrapProse } from "../../report/table-fit.js";
import { ExitCode } from "../exit-codes.js";
import type { Outcome } from "../outcome.js";

export interface FormulaOptions {
  readonly kind: FormulaKindName;
  readonly notation: Notation;
  readonly format: "text" | "json";
  readonly bindings: Readonly<Record<string, number>>;
  /** Prose wraps to this width (the terminal's, or 100). */
  readonly width: number;
}

interface FormulaView {
  readonly factored: string;
  readonly expanded: string;
  /** With the given symbols substituted, when some were given. */
  readonly substituted?: string;
  /** Exact value, when every symbol is given. */
  readonly value?: bigint;
}

function viewFormula(p: Poly, options: FormulaOptions): FormulaView {
  const used = symbolsOf(p);
  const given = used.filter((s) => options.bindings[s] !== undefined);
  const view = { factored: toFactoredText(p, options.notation), expanded: toText(p, options.notation) };
  if (given.length === 0 || used.length === 0) return view;
  if (given.length < used.length)
    return { ...view, substituted: toText(substitute(p, options.bindings), options.notation) };
  const value = evaluate(p, options.bindings);
  if (value.den !== 1n) return { ...view, substituted: formatRational(value) };
  return { ...view, value: value.num };
}

const PARTS = [
  ["params", "params"],
  ["macs", "MACs"],
  ["bias", "bias params"],
  ["bn", "BatchNorm params"],
] as const;

/** The kind's formulas, then what it moves through memory (bytes; ShuffleNet V2's access cost for 1×1). */
function partsOf(name: FormulaKindName): [string, string, Poly][] {
  const kind = formulaKinds[name];
  const memory = memoryFormulas[name];
  return [
    ...PARTS.map(([key, label]): [string, string, Poly] => [key, label, kind[key]]),
    ...(memory ? [["bytes", "bytes moved", memory.bytes] as [string, string, Poly]] : []),
    ...(memory?.accessCost
      ? [["access_cost", "memory access", memory.accessCost] as [string, string, Poly]]
      : []),
  ];
}

export function runFormula(options: FormulaOptions): Outcome {
  const kind = formulaKinds[options.kind];
  const parts = partsOf(options.kind);
  const views = Object.fromEntries(parts.map(([key, , poly]) => [key, viewFormula(poly, options)])) as Record<
    string,
    FormulaView
  >;
  const used = [...new Set(parts.flatMap(([, , poly]) => symbolsOf(poly)))];
  const symbols = SYMBOLS.filter((s) => used.includes(s.name));
  if (options.format === "json") {
    return {
      exitCode: ExitCode.Ok,
      stdout: renderJsonValue({
        kind: options.kind,
        title: kind.title,
        notation: options.notation,
        ...views,
        symbols: Object.fromEntries(symbols.map((s) => [s.name, s.description])),
        bindings: options.bindings,
      }),
    };
  }
  const lines = [`${kind.title} (${options.kind})`, ""];
  for (const [key, label] of parts) {
    const view = views[key]!;
    lines.push(`${label.padEnd(17)}${view.factored}`);
    if (view.expanded !== view.factored) lines.push(`${"".padEnd(17)}= ${view.expanded}`);
    if (view.substituted !== undefined) lines.push(`${"".padEnd(17)}= ${view.substituted}`);
    if (view.value !== undefined) lines.push(`${"".padEnd(17)}= ${groupDigits(view.value)}`);
  }
  const prose = [
    `where ${symbols.map((s) => `${s.name} = ${s.description}`).join("; ")}`,
    "MACs are multiply-accumulates (FLOPs ≈ 2 × MACs); params and MACs count weights only, bias and BatchNorm are listed apart.",
    ...(memoryFormulas[options.kind]
      ? [
          "Bytes moved: weights at w bytes, input read and output written at a bytes per element (the roofline's; see --hardware); arithmetic intensity = MACs / bytes moved; roofline cost = max(MACs, RP · bytes moved) at a ridge point RP. Memory access: ShuffleNet V2's G1 cost in elements.",
        ]
      : []),
  ];
  lines.push("", ...prose.map((line) => wrapProse(line, options.width)));
  return { exitCode: ExitCode.Ok, stdout: `${lines.join("\n")}\n` };
}
