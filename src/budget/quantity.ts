/**
 * Quantities with SI suffixes, exactly: 100M = 100,000,000; "1.5M" =
 * 1,500,000; K = 10³, M = 10⁶, G = 10⁹, T = 10¹². The value must come out a
 * whole number.
 */
const SUFFIX: Record<string, bigint> = {
  "": 1n,
  K: 10n ** 3n,
  M: 10n ** 6n,
  G: 10n ** 9n,
  T: 10n ** 12n,
};

/** Suffixes in either case (300m is 300 million: counts have no milli). */
export const QUANTITY_PATTERN = "^\\d+(\\.\\d+)?[kKmMgGtT]?$";
const QUANTITY = new RegExp(QUANTITY_PATTERN);

export function parseQuantity(raw: string | number): bigint | undefined {
  const text = String(raw).trim();
  if (!QUANTITY.test(text)) return undefined;
  const suffix = /[kKmMgGtT]$/.test(text) ? text.slice(-1).toUpperCase() : "";
  const digits = suffix ? text.slice(0, -1) : text;
  const [whole = "0", frac = ""] = digits.split(".");
  const scale = SUFFIX[suffix]!;
  const numerator = BigInt(whole + frac) * scale;
  const denominator = 10n ** BigInt(frac.length);
  return numerator % denominator === 0n ? numerator / denominator : undefined;
}

export const QUANTITY_HELP = "a whole number, or one with a K, M, G or T suffix (100M, 1.5M, 2G)";

/** Why a quantity was refused: bytes (8MB) are not counts. */
export function quantityProblem(raw: string): string {
  const bytes = /^\s*\d+(\.\d+)?\s*[kKmMgGtT]?i?B\s*$/.test(raw);
  return bytes
    ? "that is bytes; MAC, FLOP and parameter budgets are counts (100M), and activation memory budgets go in a budgets file's max_peak_memory or max_arena_bytes"
    : `expected ${QUANTITY_HELP}`;
}
