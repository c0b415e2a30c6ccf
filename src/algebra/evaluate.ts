/**
 * Substitution and exact evaluation.
 */
import { type Expr, type Poly, canonical, mul, pow, toPoly, type Operand, add } from "./expr.js";
import {
  type Rational,
  ONE,
  ZERO,
  addRational,
  divRational,
  mulRational,
  powRational,
  rational,
} from "./rational.js";

export type Value = bigint | number | Rational;
export type Bindings = Readonly<Record<string, Value>>;

function toRational(v: Value, name: string): Rational {
  if (typeof v === "bigint") return rational(v);
  if (typeof v === "number") {
    if (!Number.isSafeInteger(v)) throw new RangeError(`${name} must be an exact integer, got ${v}`);
    return rational(v);
  }
  return v;
}

export class UnboundSymbolError extends Error {
  constructor(readonly symbol: string) {
    super(`no value given for symbol ${symbol}`);
  }
}

function evaluatePoly(p: Poly, bindings: Bindings): Rational {
  let total = ZERO;
  for (const t of p.terms) {
    let value = t.coef;
    for (const [s, e] of t.mono) {
      const v = bindings[s];
      if (v === undefined) throw new UnboundSymbolError(s);
      value = mulRational(value, powRational(toRational(v, s), e));
    }
    total = addRational(total, value);
  }
  return total;
}

/** Exact value of an expression under the given bindings. */
export function evaluate(e: Expr, bindings: Bindings): Rational {
  return e.op === "poly"
    ? evaluatePoly(e, bindings)
    : divRational(evaluatePoly(e.num, bindings), evaluatePoly(e.den, bindings));
}

/** Replaces symbols by expressions (a negative power needs a single-term replacement). */
export function substitute(p: Poly, replacements: Readonly<Record<string, Operand>>): Poly {
  return add(
    ...p.terms.map((t) =>
      mul(
        canonical([{ coef: t.coef, mono: [] }]),
        ...t.mono.map(([s, e]) => {
          const r = replacements[s];
          return r === undefined ? canonical([{ coef: ONE, mono: [[s, e]] }]) : pow(toPoly(r), e);
        }),
      ),
    ),
  );
}

/**
 * A count formula as straight-line double arithmetic, for hot loops (sweeps).
 * Only for polynomials with positive integer coefficients and exponents,
 * whose values never shrink along the computation: a result at most
 * 2^53 − 1 is then exact, and callers must check that. Other formulas give
 * undefined (use compileCount).
 */
export type NumberFunction = (bindings: Readonly<Record<string, number>>) => number;

const compiledNumbers = new WeakMap<Poly, NumberFunction | undefined>();

export function compileNumber(p: Poly): NumberFunction | undefined {
  if (!compiledNumbers.has(p)) compiledNumbers.set(p, compileNumberOnce(p));
  return compiledNumbers.get(p);
}

/**
 * Positive integer coefficients (exact as doubles) and positive exponents: on
 * positive integers such a value never shrinks along the computation, so a
 * double result at most 2^53 − 1 is exact.
 */
const isMonotoneCount = (p: Poly): boolean =>
  p.terms.every(
    (t) =>
      t.coef.den === 1n &&
      t.coef.num > 0n &&
      t.coef.num <= BigInt(Number.MAX_SAFE_INTEGER) &&
      t.mono.every(([, e]) => e > 0),
  );

function compileNumberOnce(p: Poly): NumberFunction | undefined {
  if (!isMonotoneCount(p)) return undefined;
  if (p.terms.length === 0) return () => 0;
  const body = p.terms
    .map((t) =>
      [String(t.coef.num), ...t.mono.flatMap(([s, e]) => Array.from({ length: e }, () => `b.${s}`))].join(
        "*",
      ),
    )
    .join("+");
  // Symbol names are identifiers (isSymbolName), coefficients integers: the source is plain arithmetic.
  return new Function("b", `return ${body};`) as NumberFunction;
}

/**
 * A count formula, exact: the double fast path where it is exact (see
 * compileNumber), exact rational evaluation otherwise (past 2^53 − 1, an
 * unbound symbol, or a formula outside that class).
 */
export type CountFunction = (bindings: Readonly<Record<string, number>>) => bigint;

export function compileCount(p: Poly): CountFunction {
  const exact: CountFunction = (bindings) => {
    const r = evaluatePoly(p, bindings);
    if (r.den !== 1n) throw new RangeError(`count is not an integer: ${r.num}/${r.den}`);
    return r.num;
  };
  if (!isMonotoneCount(p)) return exact;
  const terms = factorLists(p);
  return (bindings) => {
    const value = numberValue(terms, bindings);
    return value <= Number.MAX_SAFE_INTEGER ? BigInt(value) : exact(bindings); // NaN (unbound) → exact, which says so
  };
}

/** Each term as its coefficient and its symbols, a symbol once per power: [2, "h", "d", "D_H", "D_H"]. */
type FactorList = readonly [number, ...string[]];

const factorLists = (p: Poly): FactorList[] =>
  p.terms.map((t) => [Number(t.coef.num), ...t.mono.flatMap(([s, e]) => Array.from({ length: e }, () => s))]);

/**
 * compileNumber's value computed by one shared loop, in its order (each term's product left to right,
 * the terms summed left to right), so the same double: what a count evaluated a few times per layer
 * costs without compiling a function per formula (compileNumber is for sweeps' hot loops).
 */
function numberValue(terms: readonly FactorList[], bindings: Readonly<Record<string, number>>): number {
  let sum = 0;
  for (const factors of terms) {
    let product = factors[0];
    for (let i = 1; i < factors.length; i++) product *= bindings[factors[i] as string] as number;
    sum += product;
  }
  return sum;
}
