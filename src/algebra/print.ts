/**
 * Printing in three notations. Strings only; symbols in paper order.
 *   unicode  D_K²·M·N·D_H·D_W      ascii  D_K^2*M*N*D_H*D_W
 *   latex    D_K^{2} \cdot M \cdot N \cdot D_H \cdot D_W
 */
import type { Expr, Monomial, Poly, Term } from "./expr.js";
import { commonFactor } from "./factor.js";
import { isOne } from "./rational.js";
import { latexName } from "./symbols.js";

import type { Notation } from "./notations.js";

export { NOTATIONS, type Notation } from "./notations.js";

const SUPERSCRIPT: Record<string, string> = {
  "0": "⁰",
  "1": "¹",
  "2": "²",
  "3": "³",
  "4": "⁴",
  "5": "⁵",
  "6": "⁶",
  "7": "⁷",
  "8": "⁸",
  "9": "⁹",
};

interface Style {
  times: string;
  power(base: string, exponent: number): string;
  symbol(name: string): string;
  over(numerator: string, denominator: string, denominatorFactors: number): string;
  group(inner: string): string;
}

const styles: Record<Notation, Style> = {
  unicode: {
    times: "·",
    // exponents printed are positive: a negative one is printed as a denominator
    power: (b, e) => b + [...String(e)].map((c) => SUPERSCRIPT[c]).join(""),
    symbol: (n) => n,
    over: (n, d, k) => `${n}/${k > 1 ? `(${d})` : d}`,
    group: (s) => `(${s})`,
  },
  ascii: {
    times: "*",
    power: (b, e) => `${b}^${e}`,
    symbol: (n) => n,
    over: (n, d, k) => `${n}/${k > 1 ? `(${d})` : d}`,
    group: (s) => `(${s})`,
  },
  latex: {
    times: " \\cdot ",
    power: (b, e) => `${b}^{${e}}`,
    symbol: latexName,
    over: (n, d) => `\\frac{${n}}{${d}}`,
    group: (s) => `\\left(${s}\\right)`,
  },
};

function factors(style: Style, coef: bigint, mono: Monomial): string[] {
  const parts = mono.map(([s, e]) => (e === 1 ? style.symbol(s) : style.power(style.symbol(s), e)));
  return coef !== 1n || parts.length === 0 ? [`${coef}`, ...parts] : parts;
}

/** Prints a term without its sign. */
function printMagnitude(style: Style, t: Term): string {
  const absNum = t.coef.num < 0n ? -t.coef.num : t.coef.num;
  const up = t.mono.filter(([, e]) => e > 0);
  const down = t.mono.filter(([, e]) => e < 0).map(([s, e]) => [s, -e] as const);
  const numerator = factors(style, absNum, up).join(style.times);
  if (down.length === 0 && t.coef.den === 1n) return numerator;
  const denominatorFactors = t.coef.den === 1n ? factors(style, 1n, down) : factors(style, t.coef.den, down);
  return style.over(numerator, denominatorFactors.join(style.times), denominatorFactors.length);
}

function printSum(style: Style, p: Poly): string {
  if (p.terms.length === 0) return "0";
  return p.terms
    .map((t, i) => {
      const negative = t.coef.num < 0n;
      const body = printMagnitude(style, t);
      if (i === 0) return negative ? `-${body}` : body;
      return negative ? ` - ${body}` : ` + ${body}`;
    })
    .join("");
}

/** The expanded form: a sum of terms. */
export function toText(e: Expr, notation: Notation = "unicode"): string {
  const style = styles[notation];
  if (e.op === "poly") return printSum(style, e);
  const numerator = e.num.terms.length > 1 ? style.group(printSum(style, e.num)) : printSum(style, e.num);
  const denominator = printSum(style, e.den);
  return notation === "latex"
    ? `\\frac{${printSum(style, e.num)}}{${denominator}}`
    : `${numerator}/${style.group(denominator)}`;
}

/** The factored form: common monomial × (rest), e.g. M·D_H·D_W·(D_K² + N). */
export function toFactoredText(p: Poly, notation: Notation = "unicode"): string {
  const style = styles[notation];
  if (p.terms.length <= 1) return printSum(style, p);
  const { factor, rest } = commonFactor(p);
  if (factor.mono.length === 0 && isOne(factor.coef)) return printSum(style, p);
  const inner = style.group(printSum(style, rest));
  const negative = factor.coef.num < 0n;
  const hasDenominator = factor.coef.den !== 1n || factor.mono.some(([, e]) => e < 0);
  const magnitude = printMagnitude(style, factor);
  if (hasDenominator) {
    // (D_K² + N)/(D_K²·N): keep the common denominator under the sum.
    const up: Term = {
      coef: { num: factor.coef.num < 0n ? -factor.coef.num : factor.coef.num, den: 1n },
      mono: factor.mono.filter(([, e]) => e > 0),
    };
    const down: Term = {
      coef: { num: factor.coef.den, den: 1n },
      mono: factor.mono.filter(([, e]) => e < 0).map(([s, e]) => [s, -e] as const),
    };
    const top =
      up.mono.length === 0 && up.coef.num === 1n
        ? inner
        : `${printMagnitude(style, up)}${style.times}${inner}`;
    const bottomFactors = factors(style, down.coef.num, down.mono);
    return (negative ? "-" : "") + style.over(top, bottomFactors.join(style.times), bottomFactors.length);
  }
  const body = magnitude === "1" ? inner : `${magnitude}${style.times}${inner}`;
  return (negative ? "-" : "") + body;
}
