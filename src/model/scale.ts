/**
 * Channel widths under a width multiplier α.
 *
 * The reference implementations compute widths in IEEE doubles (Python
 * floats); we do the same, on purpose, so that every width equals the one the
 * framework builds, bit for bit. Counts built on these widths are exact.
 */
import type { Rules, WidthPolicy, Width, WidthRule } from "./schema.js";
import type { WidthRules } from "./width-rules.js";

/**
 * `_make_divisible` of TF-slim, torchvision and Keras (identical in all):
 * nearest multiple of the divisor, at least min_value, never more than 10% below v.
 */
export function makeDivisible(v: number, divisor = 8, minValue = divisor, roundLimit = 0.9): number {
  let rounded = Math.max(minValue, Math.floor(Math.trunc(v + divisor / 2) / divisor) * divisor);
  if (rounded < roundLimit * v) rounded += divisor;
  return rounded;
}

/** How each width rule rounds c·α, as reports say it. */
export const WIDTH_RULE_TEXT: Record<WidthRule, string> = {
  "floor-min8": "max(floor(c·α), 8)",
  floor: "floor(c·α), at least 1",
  "make-divisible-8": "make_divisible(c·α, 8)",
};

export const roundChannelsBy: Record<WidthRule, (v: number) => number> = {
  /** TF-slim V1: max(int(c·α), min_depth = 8). */
  "floor-min8": (v) => Math.max(Math.trunc(v), 8),
  /** FD-MobileNet authors' code, Keras V1: int(c·α), at least 1. */
  floor: (v) => Math.max(Math.trunc(v), 1),
  /** V2 and V3: make_divisible(c·α, 8). */
  "make-divisible-8": (v) => makeDivisible(v, 8),
};

/** Python's round(): half to even. */
export function roundHalfEven(v: number): number {
  const floor = Math.floor(v);
  const diff = v - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

export interface WidthContext {
  readonly alpha: number;
  /** The reference implementation's rules (TF-slim or torchvision). */
  readonly widths: WidthRules;
  readonly round: (v: number) => number;
}

export function policyFor(width: Width | undefined, rules: Rules): WidthPolicy {
  if (width === undefined) return "scale";
  if (typeof width === "object" && "tf-slim" in width)
    return rules === "timm" ? (width.timm ?? width.torchvision) : width[rules];
  return width;
}

/** Output channels of a layer declared with `c` channels, given its actual input channels. */
export function scaleChannels(
  c: number,
  width: Width | undefined,
  ctx: WidthContext,
  inputChannels: number,
): number {
  const policy = policyFor(width, ctx.widths.name);
  if (typeof policy === "object") return policy.input_times * inputChannels;
  switch (policy) {
    case "fixed":
      return c;
    case "keep-below-1":
      return ctx.alpha < 1 ? c : ctx.round(c * ctx.alpha);
    case "scale":
      return ctx.round(c * ctx.alpha);
  }
}
