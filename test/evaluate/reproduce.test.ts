/**
 * showAs in-process: a value in a figure's unit, rounded as its source rounds to the digits the figure
 * prints (truncated with its leading zero kept, or to the nearest), and whether it matches.
 */
import { describe, expect, test } from "vitest";
import { rational } from "../../src/algebra/rational.js";
import { showAs } from "../../src/evaluate/reproduce.js";
import type { PublishedFigure } from "../../src/published/figures.js";

const figure = (printed: string, unit: PublishedFigure["unit"], rounding: PublishedFigure["rounding"]) =>
  ({ printed, unit, rounding }) as PublishedFigure;

describe("showAs", () => {
  test("truncated to the printed digits, a value below one keeps its leading zero", () => {
    expect(showAs(figure("0.05", "%", "floor"), rational(599n, 10_000n)).shown).toBe("0.05");
    expect(showAs(figure("0.5", "M", "floor"), rational(599_999n)).shown).toBe("0.5");
    expect(showAs(figure("569", "M", "floor"), rational(569_999_999n)).shown).toBe("569");
  });

  test("matches only when the shown text is the printed one", () => {
    expect(showAs(figure("4.2", "M", "nearest"), rational(4_231_976n)).matches).toBe(true);
    expect(showAs(figure("4.3", "M", "nearest"), rational(4_231_976n)).matches).toBe(false);
    expect(showAs(figure("4.2", "M", "nearest"), rational(4_231_976n)).precise).toBe("4.232");
  });
});
