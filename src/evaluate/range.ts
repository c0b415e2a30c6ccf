/**
 * Exact inclusive ranges: START:STOP:STEP or a comma list. Decimal steps are
 * exact (0.10:2.00:0.01 is 191 values, each printed as written: 0.10 … 2.00).
 */
import { InputError } from "../errors.js";
import {
  type Rational,
  addRational,
  compareRational,
  formatRational,
  mulRational,
  parseRational,
  rational,
  toDecimal,
} from "../algebra/rational.js";

export interface RangeValue {
  /** As printed: the digits the user wrote. */
  readonly text: string;
  readonly exact: Rational;
}

const decimals = (text: string): number => {
  const m = /\.(\d*)/.exec(text.trim());
  return m?.[1]?.length ?? 0;
};

export const MAX_RANGE_VALUES = 100_000;

/** Configurations a sweep or a fit evaluates at most: each axis is bounded, and so is their product. */
export const MAX_CONFIGURATIONS = 10_000_000;

/**
 * The size of an α × depth × resolution grid, refused past MAX_CONFIGURATIONS before any is
 * evaluated; `command` names the flags that narrow it.
 */
export function checkGridSize(
  command: string,
  sizes: { readonly alphas: number; readonly depths: number; readonly resolutions: number },
  narrow: string,
): { configurations: number; described: string } {
  const configurations = sizes.alphas * sizes.depths * sizes.resolutions;
  const depths = sizes.depths > 1 ? `${sizes.depths} depths × ` : "";
  const described = `${sizes.alphas} α × ${depths}${sizes.resolutions} resolutions`;
  if (configurations > MAX_CONFIGURATIONS)
    throw new InputError(
      `${command} of ${configurations.toLocaleString("en-US")} configurations (${described}); at most ${MAX_CONFIGURATIONS.toLocaleString("en-US")}: narrow ${narrow}`,
    );
  return { configurations, described };
}

export function parseRange(
  raw: string,
  what: string,
  accept: (r: Rational) => string | undefined,
  examples = "a list (0.5,0.75,1) or START:STOP:STEP (0.25:1.5:0.25)",
): RangeValue[] {
  const text = raw.trim();
  const parse = (part: string): Rational => {
    const r = parseRational(part);
    if (!r) throw new InputError(`${what} '${part}' in '${raw}' is not a number; expected ${examples}`);
    const problem = accept(r);
    if (problem) throw new InputError(`${what} '${part}' in '${raw}': ${problem}`);
    return r;
  };
  if (text.includes(":")) {
    const parts = text.split(":");
    if (parts.length !== 3)
      throw new InputError(`${what} range '${raw}': expected START:STOP:STEP, e.g. 0.10:2.00:0.01`);
    const [startText, stopText, stepText] = parts as [string, string, string];
    const start = parse(startText);
    const stop = parse(stopText);
    const step = parseRational(stepText);
    if (!step || step.num <= 0n)
      throw new InputError(`${what} range '${raw}': step '${stepText}' must be a number > 0`);
    if (compareRational(start, stop) > 0)
      throw new InputError(`${what} range '${raw}': start ${startText} is above stop ${stopText}`);
    const digits = Math.max(decimals(startText), decimals(stopText), decimals(stepText));
    // written with fractions (1/4:1:1/4): print exact fractions; otherwise decimals as written
    const print = [startText, stopText, stepText].some((t) => t.includes("/"))
      ? formatRational
      : (r: Rational) => toDecimal(r, digits);
    // count = floor((stop - start) / step) + 1, exactly
    const span = addRational(stop, { num: -start.num, den: start.den });
    const count = (span.num * step.den) / (span.den * step.num) + 1n;
    if (count > BigInt(MAX_RANGE_VALUES))
      throw new InputError(
        `${what} range '${raw}' has ${count} values; at most ${MAX_RANGE_VALUES} are allowed`,
      );
    const values: RangeValue[] = [];
    for (let i = 0n; i < count; i++) {
      const exact = addRational(start, mulRational(step, rational(i)));
      values.push({ text: print(exact), exact });
    }
    return values;
  }
  return text.split(",").map((part) => ({ text: part.trim(), exact: parse(part) }));
}
