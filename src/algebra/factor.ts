/**
 * Common-factor extraction and exact division.
 *
 * commonFactor(M·D_K²·D_H·D_W + M·N·D_H·D_W) = M·D_H·D_W × (D_K² + N)
 * divide(p, monomial) is a Laurent polynomial: divide(dsconv, conv) = 1/N + 1/D_K²
 * divide(p, q) for a sum q is a reduced fraction, the common monomial cancelled.
 */
import {
  type Expr,
  type Fraction,
  type Monomial,
  type Poly,
  type Term,
  asSingleTerm,
  canonical,
  equalPoly,
  invertTerm,
  mul,
} from "./expr.js";
import { ONE, divRational, gcdBigint, isZero, mulRational, rational } from "./rational.js";
import { compareSymbols } from "./symbols.js";

export interface Factored {
  /** The common monomial with its rational content. */
  readonly factor: Term;
  /** What is left: factor × rest equals the input. */
  readonly rest: Poly;
}

const termPoly = (t: Term): Poly => canonical([t]);

function minExponents(monos: readonly Monomial[]): Monomial {
  const symbols = new Set(monos.flatMap((m) => m.map(([s]) => s)));
  const result: [string, number][] = [];
  for (const s of [...symbols].sort(compareSymbols)) {
    const e = Math.min(...monos.map((m) => m.find(([t]) => t === s)?.[1] ?? 0));
    if (e !== 0) result.push([s, e]);
  }
  return result;
}

export function commonFactor(p: Poly): Factored {
  const first = p.terms[0];
  if (!first) return { factor: { coef: ONE, mono: [] }, rest: p };
  const mono = minExponents(p.terms.map((t) => t.mono));
  const numGcd = p.terms.reduce((g, t) => gcdBigint(g, t.coef.num), 0n);
  const denLcm = p.terms.reduce((l, t) => (l * t.coef.den) / gcdBigint(l, t.coef.den), 1n);
  const sign = first.coef.num < 0n ? -1n : 1n;
  const factor: Term = { coef: rational(sign * numGcd, denLcm), mono };
  const inverse = invertTerm(factor);
  return {
    factor,
    rest: canonical(
      p.terms.map((t) => ({ coef: mulRational(t.coef, inverse.coef), mono: [...t.mono, ...inverse.mono] })),
    ),
  };
}

/** Splits a term into numerator and denominator monomials with positive exponents. */
function splitTerm(t: Term): { num: Term; den: Term } {
  return {
    num: { coef: rational(t.coef.num), mono: t.mono.filter(([, e]) => e > 0) },
    den: {
      coef: rational(t.coef.den),
      mono: t.mono.filter(([, e]) => e < 0).map(([s, e]) => [s, -e] as const),
    },
  };
}

/**
 * Exact division. By a single term: a Laurent polynomial. By a sum: a
 * fraction in lowest monomial terms; when both parts share the same
 * polynomial cofactor it cancels too.
 */
export function divide(a: Poly, b: Poly): Expr {
  if (b.terms.length === 0) throw new RangeError("division by zero");
  const single = asSingleTerm(b);
  if (single) return mul(a, termPoly(invertTerm(single)));
  const fa = commonFactor(a);
  const fb = commonFactor(b);
  const ratio: Term = {
    coef: divRational(fa.factor.coef, fb.factor.coef),
    mono: [...fa.factor.mono, ...invertTerm(fb.factor).mono],
  };
  const normalized = canonical([ratio]).terms[0] ?? { coef: rational(0), mono: [] };
  if (equalPoly(fa.rest, fb.rest)) return termPoly(normalized);
  if (isZero(normalized.coef)) return canonical([]);
  const { num, den } = splitTerm(normalized);
  const fraction: Fraction = {
    op: "fraction",
    num: mul(termPoly(num), fa.rest),
    den: mul(termPoly(den), fb.rest),
  };
  return fraction;
}
