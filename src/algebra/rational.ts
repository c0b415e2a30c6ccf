/**
 * Exact rationals over bigint, always reduced, denominator positive.
 * No floats anywhere: decimals appear only when printing (see toDecimal).
 */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

export function gcdBigint(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function rational(num: bigint | number, den: bigint | number = 1n): Rational {
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new RangeError("division by zero");
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcdBigint(n, d);
  return g > 1n ? { num: n / g, den: d / g } : { num: n, den: d };
}

export const ZERO: Rational = { num: 0n, den: 1n };
export const ONE: Rational = { num: 1n, den: 1n };

export const isZero = (r: Rational): boolean => r.num === 0n;
export const isOne = (r: Rational): boolean => r.num === 1n && r.den === 1n;
export const isInteger = (r: Rational): boolean => r.den === 1n;

export const addRational = (a: Rational, b: Rational): Rational =>
  rational(a.num * b.den + b.num * a.den, a.den * b.den);
export const negRational = (a: Rational): Rational => ({ num: -a.num, den: a.den });
export const subRational = (a: Rational, b: Rational): Rational => addRational(a, negRational(b));
export const mulRational = (a: Rational, b: Rational): Rational => rational(a.num * b.num, a.den * b.den);

export function divRational(a: Rational, b: Rational): Rational {
  if (b.num === 0n) throw new RangeError("division by zero");
  return rational(a.num * b.den, a.den * b.num);
}

export function powRational(a: Rational, exponent: number): Rational {
  if (!Number.isInteger(exponent)) throw new RangeError(`exponent must be an integer, got ${exponent}`);
  const e = BigInt(Math.abs(exponent));
  const r = rational(a.num ** e, a.den ** e);
  return exponent < 0 ? divRational(ONE, r) : r;
}

export const compareRational = (a: Rational, b: Rational): number => {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
};

export const equalRational = (a: Rational, b: Rational): boolean => a.num === b.num && a.den === b.den;

/** "1033/9216", or "7" for integers. */
export const formatRational = (r: Rational): string => (r.den === 1n ? `${r.num}` : `${r.num}/${r.den}`);

/** Exact decimal rounding (half away from zero) to `digits` places, e.g. 0.1121. */
export function toDecimal(r: Rational, digits: number): string {
  const negative = r.num < 0n;
  const abs = negative ? -r.num : r.num;
  const scale = 10n ** BigInt(digits);
  const scaled = (abs * scale * 2n + r.den) / (r.den * 2n);
  const whole = scaled / scale;
  const frac = (scaled % scale).toString().padStart(digits, "0");
  const body = digits > 0 ? `${whole}.${frac}` : `${whole}`;
  return negative && scaled !== 0n ? `-${body}` : body;
}

/** Parses "0.75", "3/4", "12", "1e-2" exactly (no float conversion). */
export function parseRational(text: string): Rational | undefined {
  const t = text.trim();
  const fraction = /^([+-]?\d+)\/(\d+)$/.exec(t);
  if (fraction) {
    const den = BigInt(fraction[2]!);
    return den === 0n ? undefined : rational(BigInt(fraction[1]!), den);
  }
  const decimal = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(t);
  if (!decimal || (decimal[2] === "" && (decimal[3] ?? "") === "")) return undefined;
  const [, sign, whole = "", frac = "", exp = "0"] = decimal;
  let num = BigInt((whole || "0") + frac);
  let den = 10n ** BigInt(frac.length);
  const e = Number(exp);
  if (Math.abs(e) > 1000) return undefined;
  if (e >= 0) num *= 10n ** BigInt(e);
  else den *= 10n ** BigInt(-e);
  return rational(sign === "-" ? -num : num, den);
}
