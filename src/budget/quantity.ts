/**
 * Quantities with SI suffixes, exactly: 100M = 100,000,000; "1.5M" =
 * 1,500,000; K = 10³, M = 10⁶, G = 10⁹, T = 10¹². The value must come out a
 * whole number.
 */
const SUFFIX: Record<string, bigint> = {
  "": 1n,
  K: 10n ** 3n,
  k: 10n ** 3n,
  M: 10n ** 6n,
  G: 10n ** 9n,
  T: 10n ** 12n,
};

export const QUANTITY_PATTERN = "^\\d+(\\.\\d+)?[kKMGT]?$";
const QUANTITY = new RegExp(QUANTITY_PATTERN);

export function parseQuantity(raw: string | number): bigint | undefined {
  const text = String(raw).trim();
  if (!QUANTITY.test(text)) return undefined;
  const suffix = /[kKMGT]$/.test(text) ? text.slice(-1) : "";
  const digits = suffix ? text.slice(0, -1) : text;
  const [whole = "0", frac = ""] = digits.split(".");
  const scale = SUFFIX[suffix]!;
  const numerator = BigInt(whole + frac) * scale;
  const denominator = 10n ** BigInt(frac.length);
  return numerator % denominator === 0n ? numerator / denominator : undefined;
}

export const QUANTITY_HELP = "a whole number, or one with a K, M, G or T suffix (100M, 1.5M, 2G)";
