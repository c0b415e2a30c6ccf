/**
 * Parsers for scalar options. Each throws commander's InvalidArgumentError,
 * so the message names the flag and the value, and the exit code is 2.
 */
import { InvalidArgumentError } from "commander";
import { type Rational, parseRational } from "../algebra/rational.js";

export function parsePositiveInteger(what: string, max = Number.MAX_SAFE_INTEGER) {
  return (raw: string): number => {
    const value = /^\+?\d+$/.test(raw.trim()) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(value) || value < 1 || value > max) {
      throw new InvalidArgumentError(
        `${what} must be a positive integer${max < Number.MAX_SAFE_INTEGER ? ` from 1 to ${max}` : ""}.`,
      );
    }
    return value;
  };
}

/** A width multiplier as the user wrote it, its exact value and its double (as frameworks compute with it). */
export interface Alpha {
  readonly text: string;
  readonly exact: Rational;
  readonly value: number;
}

export const MAX_ALPHA = 10;

export function toAlpha(raw: string): Alpha | undefined {
  const exact = parseRational(raw);
  if (!exact || exact.num <= 0n || exact.num > BigInt(MAX_ALPHA) * exact.den) return undefined;
  return {
    text: raw.trim(),
    exact,
    value: Number(raw.includes("/") ? Number(exact.num) / Number(exact.den) : Number(raw)),
  };
}

export function parseAlpha(raw: string): Alpha {
  const alpha = toAlpha(raw);
  if (!alpha)
    throw new InvalidArgumentError(
      `Width multiplier must be a number > 0 and ≤ ${MAX_ALPHA} (e.g. 0.5, 0.75, 1.4).`,
    );
  return alpha;
}

export const MAX_RESOLUTION = 16384;
export const parseResolution = parsePositiveInteger("Resolution", MAX_RESOLUTION);

/** `--out FILE`; `--out -` is standard output, as if no --out were given. */
export const readOut = (raw: unknown): string | undefined =>
  raw === undefined || raw === "-" ? undefined : String(raw);
export const OUT_HELP =
  "write to a file (atomically; a link is followed, a device or pipe written to) instead of stdout; - for stdout";
