import type { Expr } from "../../algebra/expr.js";
import { symbolsOf } from "../../algebra/expr.js";
import { evaluate } from "../../algebra/evaluate.js";
import { divide } from "../../algebra/factor.js";
import { type Notation, toText } from "../../algebra/print.js";
import { type Rational, divRational, formatRational, ONE, toDecimal } from "../../algebra/rational.js";
import { conv } from "../../layers/conv.js";
import { depthwiseSeparable } from "../../layers/depthwise-separable.js";
import { renderJsonValue } from "../../report/json.js";
import { ExitCode } from "../exit-codes.js";
import type { Outcome } from "../outcome.js";

export interface RatioOptions {
  readonly notation: Notation;
  readonly format: "text" | "json";
  readonly bindings: Readonly<Record<string, number>>;
}

interface RatioView {
  readonly formula: string;
  readonly value: string | null;
  readonly decimal: string | null;
  /** How many times fewer: 1 / ratio, e.g. "8.92". */
  readonly reduction: string | null;
}

function viewRatio(ratio: Expr, options: RatioOptions): RatioView {
  const formula = toText(ratio, options.notation);
  const bound = symbolsOf(ratio).every((s) => options.bindings[s] !== undefined);
  if (!bound) return { formula, value: null, decimal: null, reduction: null };
  const value: Rational = evaluate(ratio, options.bindings);
  return {
    formula,
    value: formatRational(value),
    decimal: toDecimal(value, 4),
    reduction: toDecimal(divRational(ONE, value), 2),
  };
}

/** Howard et al. 2017, Section 3.1: separable / standard = 1/N + 1/D_K². */
export function runRatio(options: RatioOptions): Outcome {
  const views = {
    params: viewRatio(divide(depthwiseSeparable.params, conv.params), options),
    macs: viewRatio(divide(depthwiseSeparable.macs, conv.macs), options),
  };
  if (options.format === "json") return { exitCode: ExitCode.Ok, stdout: renderJsonValue(views) };
  const line = (label: string, v: RatioView) =>
    `${label.padEnd(8)}${v.formula}` +
    (v.value === null ? "" : ` = ${v.value} ≈ ${v.decimal} (${v.reduction}× fewer)`);
  const lines = [
    "depthwise separable / standard convolution (Howard et al. 2017, MobileNets, Section 3.1)",
    "",
    line("params", views.params),
    line("MACs", views.macs),
  ];
  if (views.params.value === null)
    lines.push("", "Give --N and --DK for the exact value, e.g. mbn-cost ratio --N 1024 --DK 3");
  return { exitCode: ExitCode.Ok, stdout: `${lines.join("\n")}\n` };
}
