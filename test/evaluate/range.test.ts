import { describe, expect, test } from "vitest";
import { checkGridSize, MAX_CONFIGURATIONS, MAX_RANGE_VALUES, parseRange } from "../../src/evaluate/range.js";
import { refusalOf } from "../helpers/refusal.js";

const any = () => undefined;

describe("exact ranges", () => {
  test("0.10:2.00:0.01 is 191 values, printed as written, no drift", () => {
    const values = parseRange("0.10:2.00:0.01", "--alpha", any);
    expect(values).toHaveLength(191);
    expect(values[0]!.text).toBe("0.10");
    expect(values[29]!.text).toBe("0.39");
    expect(values.at(-1)!.text).toBe("2.00");
    expect(values.every((v) => /^\d\.\d\d$/.test(v.text))).toBe(true);
  });

  test("32:512:8 is 61 resolutions; a list keeps its order", () => {
    expect(parseRange("32:512:8", "--resolution", any)).toHaveLength(61);
    expect(parseRange("0.35, 0.5,1.4", "--alpha", any).map((v) => v.text)).toEqual(["0.35", "0.5", "1.4"]);
  });

  test("a stop that is not on the grid is not passed", () => {
    expect(parseRange("0.25:1:0.3", "--alpha", any).map((v) => v.text)).toEqual(["0.25", "0.55", "0.85"]);
  });

  test.each([
    ["1:0.5:0.1", /start 1 is above stop 0\.5/],
    ["0.1:1:0", /step '0' must be a number > 0/],
    ["0.1:1", /expected START:STOP:STEP/],
    ["a,b", /'a' in 'a,b' is not a number/],
    ["0:1:0.000001", /at most 100000/],
  ])("%s is refused", (raw, message) => {
    expect(() => parseRange(raw, "--alpha", any)).toThrow(message);
  });
});

describe("ranges written with fractions", () => {
  test("1/4:1:1/4 prints exact fractions", () => {
    expect(parseRange("1/4:1:1/4", "--alpha", any).map((v) => v.text)).toEqual(["1/4", "1/2", "3/4", "1"]);
  });
});

describe("grid sizes", () => {
  test("the product of the axes, described; depths named only when several", () => {
    expect(checkGridSize("sweep", { alphas: 3, depths: 1, resolutions: 4 }, "--alpha")).toEqual({
      configurations: 12,
      described: "3 α × 4 resolutions",
    });
    expect(checkGridSize("sweep", { alphas: 3, depths: 2, resolutions: 4 }, "--alpha").described).toBe(
      "3 α × 2 depths × 4 resolutions",
    );
  });
  test("up to 10,000,000 configurations pass; one more is refused before any is evaluated, naming the flags", () => {
    expect(checkGridSize("fit", { alphas: 1000, depths: 1, resolutions: 10_000 }, "x").configurations).toBe(
      MAX_CONFIGURATIONS,
    );
    expect(
      refusalOf(() =>
        checkGridSize("sweep", { alphas: 1001, depths: 1, resolutions: 10_000 }, "--alpha or --resolution"),
      ),
    ).toBe(
      "sweep of 10,010,000 configurations (1001 α × 10000 resolutions); at most 10,000,000: narrow --alpha or --resolution",
    );
  });
  test("a range of exactly 100,000 values passes; 100,001 is refused", () => {
    expect(parseRange("1:100000:1", "resolution", () => undefined)).toHaveLength(MAX_RANGE_VALUES);
    expect(refusalOf(() => parseRange("0:100000:1", "resolution", () => undefined))).toBe(
      "resolution range '0:100000:1' has 100001 values; at most 100000 are allowed",
    );
  });
  test("decimals as the widest of start, stop and step; spaces around a list's values", () => {
    expect(parseRange(" 0.5:1:0.25 ", "α", () => undefined).map((v) => v.text)).toEqual([
      "0.50",
      "0.75",
      "1.00",
    ]);
    expect(parseRange("1:2:0.5", "α", () => undefined).map((v) => v.text)).toEqual(["1.0", "1.5", "2.0"]);
    expect(parseRange("0.5, 1", "α", () => undefined).map((v) => v.text)).toEqual(["0.5", "1"]);
    expect(refusalOf(() => parseRange("2:1:1", "α", () => undefined))).toBe(
      "α range '2:1:1': start 2 is above stop 1",
    );
    expect(parseRange("1:1:1", "α", () => undefined)).toHaveLength(1);
  });
});

describe("ranges as people type them", () => {
  test("spaces around a range or its parts; printed at its own decimals", () => {
    expect(parseRange(" 0.25:0.75:0.25 ", "--alpha", any).map((v) => v.text)).toEqual([
      "0.25",
      "0.50",
      "0.75",
    ]);
    expect(parseRange(" 96:160:32", "--resolution", any).map((v) => v.text)).toEqual(["96", "128", "160"]);
  });

  test("a grid's size is the product of its axes; its description names them", () => {
    expect(checkGridSize("sweep", { alphas: 3, depths: 2, resolutions: 5 }, "it")).toEqual({
      configurations: 30,
      described: "3 α × 2 depths × 5 resolutions",
    });
  });

  test("a value that is not a number names what is expected", () => {
    expect(refusalOf(() => parseRange("x", "--alpha", any))).toBe(
      "--alpha 'x' in 'x' is not a number; expected a list (0.5,0.75,1) or START:STOP:STEP (0.25:1.5:0.25)",
    );
  });
});
