import { describe, expect, test } from "vitest";
import { parseRange } from "../../src/evaluate/range.js";

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
