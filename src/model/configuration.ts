/**
 * The configuration grammar the CLI and the calculator page share: a width
 * multiplier α (0.75 or 3/4), a resolution (224, or 320x240 as height x
 * width), a depth multiplier, and a configuration `model[@α][/resolution]`
 * (v2@0.5/160). Each `toXxx` returns undefined for text it does not accept,
 * and each rule's text says what is accepted; the CLI wraps them in its
 * option parsers, the page in its messages. Ranges (sweep's START:STOP:STEP)
 * are in evaluate/range.ts.
 */
import { type Rational, parseRational } from "../algebra/rational.js";
import { InputError } from "../errors.js";
import { type Resolution, resolutionText, sameResolution } from "./resolution.js";

export const MAX_ALPHA = 10;
export const MAX_DEPTH = 10;
export const MAX_RESOLUTION = 16384;

/** A width multiplier as the user wrote it, its exact value and its double (as frameworks compute with it). */
export interface Alpha {
  readonly text: string;
  readonly exact: Rational;
  readonly value: number;
}

export const ALPHA_RULE = `a number > 0 and ≤ ${MAX_ALPHA}`;

export function toAlpha(raw: string): Alpha | undefined {
  const exact = parseRational(raw);
  if (!exact || exact.num <= 0n || exact.num > BigInt(MAX_ALPHA) * exact.den) return undefined;
  return {
    text: raw.trim(),
    exact,
    value: Number(raw.includes("/") ? Number(exact.num) / Number(exact.den) : Number(raw)),
  };
}

export const RESOLUTION_RULE = `a positive integer from 1 to ${MAX_RESOLUTION}, or HEIGHTxWIDTH (320x240)`;

/** "224" (square) or "320x240" / "320×240" (height x width); undefined if it is neither, or a side is out of range. */
export function toResolution(raw: string): Resolution | undefined {
  const match = /^(\d+)(?:\s*[x\u00d7]\s*(\d+))?$/.exec(raw.trim());
  if (!match) return undefined;
  const height = Number(match[1]);
  const width = match[2] === undefined ? height : Number(match[2]);
  const inRange = (side: number) => side >= 1 && side <= MAX_RESOLUTION;
  return inRange(height) && inRange(width) ? { height, width } : undefined;
}

export const DEPTH_RULE = `a number > 0 and ≤ ${MAX_DEPTH}`;

/** A depth multiplier written as a plain decimal (1.2, 2); each stage's n blocks become ⌈n·d⌉. */
export function toDepth(raw: string): number | undefined {
  const value = /^\s*\d*\.?\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
  return value > 0 && value <= MAX_DEPTH ? value : undefined;
}

/** A configuration: a model (a built-in name or a path), its α and, when written, its resolution. */
export interface Configuration {
  readonly model: string;
  readonly alpha: Alpha;
  /** The configuration wrote its α (v1@0.5), rather than taking 1. */
  readonly alphaGiven: boolean;
  readonly resolution: Resolution | undefined;
}

/** model[@alpha][/resolution]; a model may itself be a path. */
export function parseConfiguration(text: string): Configuration {
  const match = /^(.+?)(?:@([^@/]+))?(?:\/(\d+(?:[x\u00d7]\d+)?))?$/.exec(text);
  const model = match?.[1];
  if (!match || !model)
    throw new InputError(`spec '${text}': expected model[@alpha][/resolution], e.g. v1@0.5 or v2@0.75/160`);
  const alphaText = match[2] ?? "1";
  const alpha = toAlpha(alphaText);
  if (!alpha) throw new InputError(`spec '${text}': width multiplier '${alphaText}' must be ${ALPHA_RULE}`);
  const resolution = match[3] === undefined ? undefined : toResolution(match[3]);
  if (match[3] !== undefined && resolution === undefined)
    throw new InputError(`spec '${text}': resolution ${match[3]} must be ${RESOLUTION_RULE}`);
  return { model, alpha, alphaGiven: match[2] !== undefined, resolution };
}

/** What a command gives besides the reference: its flags (--alpha, --resolution) or a budget's fields, and their names. */
export interface GivenSettings {
  readonly alpha?: Alpha | undefined;
  readonly resolution?: Resolution | undefined;
  /** How the messages name them (default --alpha and --resolution). */
  readonly names?: { readonly alpha: string; readonly resolution: string };
}

/** A reference resolved: the model to load, and the α and resolution it or the command gave (undefined: none). */
export interface ResolvedTarget {
  readonly model: string;
  readonly alpha: Alpha | undefined;
  readonly resolution: Resolution | undefined;
}

/**
 * A model reference wherever a command takes one: `v2@0.5/160` is `v2` with α 0.5 at 160 (the spec
 * syntax of compare and report), and a file of that name wins (`isPath`). A value given both ways must
 * agree. Pure: the caller says what exists.
 */
export function resolveTarget(
  ref: string,
  given: GivenSettings,
  isPath: (ref: string) => boolean,
): ResolvedTarget {
  const names = given.names ?? { alpha: "--alpha", resolution: "--resolution" };
  const spec = /@|\/\d+(?:[x\u00d7]\d+)?$/.test(ref) && !isPath(ref) ? parseConfiguration(ref) : undefined;
  const specAlpha = spec?.alphaGiven ? spec.alpha : undefined;
  if (specAlpha && given.alpha && specAlpha.value !== given.alpha.value)
    throw new InputError(
      `'${ref}' gives α ${specAlpha.text} and ${names.alpha} gives ${given.alpha.text}: give one`,
    );
  if (spec?.resolution && given.resolution && !sameResolution(spec.resolution, given.resolution))
    throw new InputError(
      `'${ref}' gives resolution ${resolutionText(spec.resolution)} and ${names.resolution} gives ${resolutionText(given.resolution)}: give one`,
    );
  return {
    model: spec?.model ?? ref,
    alpha: given.alpha ?? specAlpha,
    resolution: given.resolution ?? spec?.resolution,
  };
}
