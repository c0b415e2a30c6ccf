/**
 * Parsers for scalar options. Each throws commander's InvalidArgumentError,
 * so the message names the flag and the value, and the exit code is 2. The
 * grammar itself (what an α, a resolution, a depth is) is model/configuration.ts,
 * shared with the calculator page.
 */
import { InvalidArgumentError } from "commander";
import { type Rational, parseRational } from "../algebra/rational.js";
import {
  ALPHA_RULE,
  type Alpha,
  DEPTH_RULE,
  MAX_RESOLUTION,
  RESOLUTION_RULE,
  toAlpha,
  toDepth,
  toResolution,
} from "../model/configuration.js";
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

/** A whole number from `least` (default 0) to max. */
export function parseCount(what: string, max: number, least = 0) {
  return (raw: string): number => {
    const value = /^\+?\d+$/.test(raw.trim()) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(value) || value > max || value < least)
      throw new InvalidArgumentError(`${what} must be a whole number from ${least} to ${max}.`);
    return value;
  };
}

export function parseAlpha(raw: string): Alpha {
  const alpha = toAlpha(raw);
  if (!alpha) throw new InvalidArgumentError(`Width multiplier must be ${ALPHA_RULE} (e.g. 0.5, 0.75, 1.4).`);
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

/** A depth multiplier: each stage's n blocks become ⌈n·d⌉ (EfficientNet's compound scaling). */
export function parseDepth(raw: string): number {
  const value = toDepth(raw);
  if (value === undefined)
    throw new InvalidArgumentError(`Depth multiplier must be ${DEPTH_RULE} (e.g. 1.2, 2).`);
  return value;
}

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
  if (/[x\u00d7]/.test(raw))
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
