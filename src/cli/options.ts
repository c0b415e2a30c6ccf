/**
 * Parsers for scalar options. Each throws commander's InvalidArgumentError,
 * so the message names the flag and the value, and the exit code is 2.
 */
import { InvalidArgumentError } from "commander";
import { type Rational, parseRational } from "../algebra/rational.js";
import type { Resolution } from "../model/resolution.js";
import { InputError } from "../errors.js";
import { parseRange } from "../evaluate/range.js";
import { MAX_RIDGE_POINT } from "../published/hardware.js";

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

/** A whole number from 0 to max. */
export function parseCount(what: string, max: number) {
  return (raw: string): number => {
    const value = /^\+?\d+$/.test(raw.trim()) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(value) || value > max)
      throw new InvalidArgumentError(`${what} must be a whole number from 0 to ${max}.`);
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

/** A ridge point in MACs per byte, exact as written (0 is the plain MAC count). */
export function parseRidgePoint(raw: string): Rational {
  const value = parseRational(raw);
  if (!value || value.num < 0n || value.num > BigInt(MAX_RIDGE_POINT) * value.den)
    throw new InvalidArgumentError(
      `Ridge point must be a number of MACs per byte from 0 to ${MAX_RIDGE_POINT} (e.g. 31.2, 433.8).`,
    );
  return value;
}

export const MAX_DEPTH = 10;

/** A depth multiplier: each stage's n blocks become ⌈n·d⌉ (EfficientNet's compound scaling). */
export function parseDepth(raw: string): number {
  const value = /^\s*\d*\.?\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value > 0 && value <= MAX_DEPTH))
    throw new InvalidArgumentError(`Depth multiplier must be a number > 0 and ≤ ${MAX_DEPTH} (e.g. 1.2, 2).`);
  return value;
}

export const MAX_RESOLUTION = 16384;

/** "224" (square) or "320x240" / "320×240" (height x width); undefined if it is neither, or a side is out of range. */
export function toResolution(raw: string): Resolution | undefined {
  const match = /^(\d+)(?:\s*[x×]\s*(\d+))?$/.exec(raw.trim());
  if (!match) return undefined;
  const height = Number(match[1]);
  const width = match[2] === undefined ? height : Number(match[2]);
  const inRange = (side: number) => side >= 1 && side <= MAX_RESOLUTION;
  return inRange(height) && inRange(width) ? { height, width } : undefined;
}

export const RESOLUTION_RULE = `a positive integer from 1 to ${MAX_RESOLUTION}, or HEIGHTxWIDTH (320x240)`;

export function parseResolution(raw: string): Resolution {
  const resolution = toResolution(raw);
  if (!resolution) throw new InvalidArgumentError(`Resolution must be ${RESOLUTION_RULE}.`);
  return resolution;
}

/** `--out FILE`; `--out -` is standard output, as if no --out were given. */
export const readOut = (raw: unknown): string | undefined =>
  raw === undefined || raw === "-" ? undefined : String(raw);
export const OUT_HELP =
  "write to a file (atomically; a link is followed, a device or pipe written to) instead of stdout; - for stdout";

/**
 * Square sides for sweep and fit: a value, a list (128,160,224) or START:STOP:STEP.
 * A non-square input is refused here, with where it is accepted.
 */
export function parseResolutionRange(raw: string, flag: string): number[] {
  if (/[x×]/.test(raw))
    throw new InputError(
      `${flag} '${raw}': a grid takes square sides (128,160,224 or 96:224:32); a non-square input (320x240) is for the main command, compare and report`,
    );
  return parseRange(
    raw,
    flag,
    (r) =>
      r.den === 1n && r.num >= 1n && r.num <= BigInt(MAX_RESOLUTION)
        ? undefined
        : `resolution must be an integer from 1 to ${MAX_RESOLUTION}`,
    "a list (128,160,224) or START:STOP:STEP (96:224:32)",
  ).map((v) => Number(v.exact.num));
}
