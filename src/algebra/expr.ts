/**
 * Expressions as plain, immutable data in one canonical form.
 *
 * A `Poly` is a Laurent polynomial: a sum of terms, each an exact rational
 * coefficient times a monomial (symbols with integer exponents, negative
 * allowed). Canonical form: exponents per monomial in paper symbol order,
 * no zero exponents, like terms combined, no zero coefficients, terms sorted.
 * Two equal formulas are structurally equal (`M·N` and `N·M` alike).
 *
 * A `Fraction` is the quotient of two polynomials, kept when the
 * denominator is not a single term.
 */
import {
  ONE,
  type Rational,
  addRational,
  equalRational,
  isZero,
  mulRational,
  negRational,
  powRational,
  rational,
} from "./rational.js";
import { compareSymbols, isSymbolName } from "./symbols.js";

/** [symbol, exponent] pairs sorted by paper symbol order, exponents ≠ 0. */
export type Monomial = readonly (readonly [string, number])[];

export interface Term {
  readonly coef: Rational;
  readonly mono: Monomial;
}

export interface Poly {
  readonly op: "poly";
  readonly terms: readonly Term[];
}

export interface Fraction {
  readonly op: "fraction";
  readonly num: Poly;
  readonly den: Poly;
}

export type Expr = Poly | Fraction;

export type Operand = Poly | bigint | number | Rational;

const monoKey = (mono: Monomial): string => mono.map(([s, e]) => `${s}^${e}`).join("*");

/** Descending lexicographic order of exponents, symbols in paper order. */
export function compareMonomials(a: Monomial, b: Monomial): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const sa = a[i];
    const sb = b[j];
    const order = sa && sb ? compareSymbols(sa[0], sb[0]) : sa ? -1 : 1;
    const ea = order <= 0 && sa ? sa[1] : 0;
    const eb = order >= 0 && sb ? sb[1] : 0;
    if (ea !== eb) return eb - ea;
    if (order <= 0) i++;
    if (order >= 0) j++;
  }
  return 0;
}

function normalizeMonomial(pairs: Iterable<readonly [string, number]>): Monomial {
  const exps = new Map<string, number>();
  for (const [s, e] of pairs) exps.set(s, (exps.get(s) ?? 0) + e);
  return [...exps.entries()].filter(([, e]) => e !== 0).sort((x, y) => compareSymbols(x[0], y[0]));
}

/** Builds the canonical polynomial of a list of (possibly unnormalized) terms. */
export function canonical(terms: Iterable<Term>): Poly {
  const byKey = new Map<string, Term>();
  for (const t of terms) {
    const mono = normalizeMonomial(t.mono);
    const key = monoKey(mono);
    const prev = byKey.get(key);
    byKey.set(key, { coef: prev ? addRational(prev.coef, t.coef) : t.coef, mono });
  }
  const kept = [...byKey.values()].filter((t) => !isZero(t.coef));
  kept.sort((a, b) => compareMonomials(a.mono, b.mono));
  return { op: "poly", terms: kept };
}

function isRational(x: unknown): x is Rational {
  return typeof x === "object" && x !== null && "num" in x && "den" in x;
}

export function toPoly(x: Operand): Poly {
  if (typeof x === "bigint" || typeof x === "number") return num(x);
  if (isRational(x)) return constant(x);
  return x;
}

export function constant(value: Rational): Poly {
  return canonical([{ coef: value, mono: [] }]);
}

export function num(value: bigint | number, den: bigint | number = 1n): Poly {
  if (typeof value === "number" && !Number.isSafeInteger(value)) {
    throw new RangeError(`num() takes an integer, got ${value}`);
  }
  return constant(rational(value, den));
}

export function sym(name: string): Poly {
  if (!isSymbolName(name)) throw new RangeError(`invalid symbol name '${name}'`);
  return { op: "poly", terms: [{ coef: ONE, mono: [[name, 1]] }] };
}

export function add(...operands: Operand[]): Poly {
  return canonical(operands.flatMap((o) => toPoly(o).terms));
}

export function neg(x: Operand): Poly {
  return canonical(toPoly(x).terms.map((t) => ({ coef: negRational(t.coef), mono: t.mono })));
}

export function sub(a: Operand, b: Operand): Poly {
  return add(a, neg(b));
}

function mulTerms(a: Term, b: Term): Term {
  return { coef: mulRational(a.coef, b.coef), mono: [...a.mono, ...b.mono] };
}

const UNIT: Term = { coef: ONE, mono: [] };

export function mul(...operands: Operand[]): Poly {
  const polys = operands.map(toPoly);
  // a product of single terms (2·h·d·D_H·D_W, most formulas) is one term: normalized once
  if (polys.every((p) => p.terms.length === 1))
    return canonical([polys.reduce((product, p) => mulTerms(product, p.terms[0]!), UNIT)]);
  let result: Poly = { op: "poly", terms: [UNIT] };
  for (const p of polys) result = canonical(result.terms.flatMap((a) => p.terms.map((b) => mulTerms(a, b))));
  return result;
}

/** A single-term polynomial (monomial with coefficient) or undefined. */
export function asSingleTerm(p: Poly): Term | undefined {
  return p.terms.length === 1 ? p.terms[0] : undefined;
}

export function invertTerm(t: Term): Term {
  return { coef: powRational(t.coef, -1), mono: t.mono.map(([s, e]) => [s, -e] as const) };
}

/** Integer powers. Negative powers are defined for single terms only. */
export function pow(base: Operand, exponent: number): Poly {
  if (!Number.isInteger(exponent)) throw new RangeError(`exponent must be an integer, got ${exponent}`);
  const p = toPoly(base);
  if (exponent < 0) {
    const t = asSingleTerm(p);
    if (!t) throw new RangeError("a negative power of a sum is not a polynomial: use divide()");
    return pow({ op: "poly", terms: [invertTerm(t)] }, -exponent);
  }
  let result = num(1);
  for (let i = 0; i < exponent; i++) result = mul(result, p);
  return result;
}

export function isConstant(p: Poly): boolean {
  return p.terms.every((t) => t.mono.length === 0);
}

export function equalPoly(a: Poly, b: Poly): boolean {
  return (
    a.terms.length === b.terms.length &&
    a.terms.every((t, i) => {
      const u = b.terms[i]!;
      return equalRational(t.coef, u.coef) && monoKey(t.mono) === monoKey(u.mono);
    })
  );
}

/** Symbols the expression mentions, in paper order. */
export function symbolsOf(e: Expr): string[] {
  const polys = e.op === "poly" ? [e] : [e.num, e.den];
  const names = new Set(polys.flatMap((p) => p.terms.flatMap((t) => t.mono.map(([s]) => s))));
  return [...names].sort(compareSymbols);
}
