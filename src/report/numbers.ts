/**
 * Number formatting for people: digit grouping, human units, percentages,
 * exact fractions with a decimal beside them. Exact to the last printed digit.
 */
import { type Rational, rational, toDecimal } from "../algebra/rational.js";

/**
 * 568740352n → "568,740,352": exact for any bigint. Written out rather than Intl.NumberFormat, whose
 * first use loads ICU's locale data (~17 ms, a fifth of a report's start-up).
 */
export function groupDigits(n: bigint): string {
  const digits = (n < 0n ? -n : n).toString().replace(/\B(?=(\d{3})+$)/g, ",");
  return n < 0n ? `-${digits}` : digits;
}

const UNITS: readonly [bigint, string][] = [
  [10n ** 12n, "T"],
  [10n ** 9n, "G"],
  [10n ** 6n, "M"],
  [10n ** 3n, "K"],
];

/** 568740352 → "568.74M", 4209088 → "4.21M", 512 → "512". Two decimals, rounded half up. */
export function humanize(n: bigint, digits = 2): string {
  const abs = n < 0n ? -n : n;
  for (const [scale, unit] of UNITS) {
    if (abs >= scale) return `${toDecimal(rational(n, scale), digits)}${unit}`;
  }
  return n.toString();
}

/** A change with its sign: "+37.63M", "-1.20K", or grouped digits when exact ("+37,631,488"). */
export function signedCount(n: bigint, exact: boolean): string {
  const text = exact ? groupDigits(n < 0n ? -n : n) : humanize(n < 0n ? -n : n);
  return n < 0n ? `-${text}` : `+${text}`;
}

/** part/whole as a percentage with `digits` decimals: "94.86". */
export const percent = (part: bigint, whole: bigint, digits = 2): string =>
  whole === 0n ? toDecimal(rational(0), digits) : toDecimal(rational(part * 100n, whole), digits);

/** "1033/9216 (0.1121)". */
export const formatRatio = (r: Rational, digits = 4): string =>
  `${r.den === 1n ? r.num : `${r.num}/${r.den}`} (${toDecimal(r, digits)})`;

/** Decimal digits that write r exactly (its denominator divides 10^k), if 12 or fewer do. */
function exactDigits(r: Rational): number | undefined {
  for (let k = 0, power = 1n; k <= 12; k++, power *= 10n) if (power % r.den === 0n) return k;
  return undefined;
}

/** A CSV cell for an exact rational: the integer when it is one, its exact decimal when short, else 9 decimals. */
export const exactCell = (r: Rational): bigint | string =>
  r.den === 1n ? r.num : toDecimal(r, exactDigits(r) ?? 9);

/** Most decimals a time shows (a nanosecond's worth of a millisecond). */
const MAX_MS_DECIMALS = 6;

/**
 * A time in milliseconds as people read it: 3 significant figures (18.1, 5.13, 0.705, 0.0523), the same
 * in every command; `exact` prints it to the nanosecond.
 */
export function milliseconds(r: Rational, exact = false): string {
  if (exact) return toDecimal(r, MAX_MS_DECIMALS);
  const value = Math.abs(Number(r.num) / Number(r.den));
  if (value === 0) return "0";
  const decimals = Math.min(MAX_MS_DECIMALS, Math.max(0, 2 - Math.floor(Math.log10(value))));
  return toDecimal(r, decimals);
}
