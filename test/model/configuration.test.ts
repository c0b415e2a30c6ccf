/** The configuration grammar the CLI and the calculator page share, in-process: what each rule accepts and refuses. */
import { describe, expect, test } from "vitest";
import { rational } from "../../src/algebra/rational.js";
import {
  ALPHA_RULE,
  DEPTH_RULE,
  parseConfiguration,
  RESOLUTION_RULE,
  toAlpha,
  toDepth,
  toResolution,
} from "../../src/model/configuration.js";
import { refusalOf } from "../helpers/refusal.js";

describe("width multipliers", () => {
  test("a decimal or a fraction, kept as written, exact, and as the double frameworks compute with", () => {
    expect(toAlpha(" 0.75 ")).toEqual({ text: "0.75", exact: rational(3, 4), value: 0.75 });
    expect(toAlpha("3/4")).toEqual({ text: "3/4", exact: rational(3, 4), value: 0.75 });
    expect(toAlpha("1/3")!.value).toBe(1 / 3);
    expect(toAlpha("10")!.value).toBe(10);
  });
  test("refused: 0, negatives, past 10, and text", () => {
    for (const raw of ["0", "-1", "10.5", "21/2", "x", ""]) expect(toAlpha(raw), raw).toBeUndefined();
    expect(ALPHA_RULE).toBe("a number > 0 and ≤ 10");
  });
});

describe("resolutions", () => {
  test("a side, or HEIGHTxWIDTH with x or ×, spaces allowed around the x", () => {
    expect(toResolution("224")).toEqual({ height: 224, width: 224 });
    expect(toResolution(" 320x240 ")).toEqual({ height: 320, width: 240 });
    expect(toResolution("320 × 240")).toEqual({ height: 320, width: 240 });
    expect(toResolution("16384x1")).toEqual({ height: 16384, width: 1 });
  });
  test("refused: 0, past 16384 on either side, decimals, other separators", () => {
    for (const raw of ["0", "16385", "224x0", "1x16385", "224.5", "320*240", "x240"])
      expect(toResolution(raw), raw).toBeUndefined();
    expect(RESOLUTION_RULE).toBe("a positive integer from 1 to 16384, or HEIGHTxWIDTH (320x240)");
  });
});

describe("depth multipliers", () => {
  test("a plain decimal > 0 and ≤ 10", () => {
    expect([toDepth("1.2"), toDepth(".5"), toDepth(" 2 "), toDepth("10")]).toEqual([1.2, 0.5, 2, 10]);
    for (const raw of ["0", "10.01", "1/2", "-1", "1e1", ""]) expect(toDepth(raw), raw).toBeUndefined();
    expect(DEPTH_RULE).toBe("a number > 0 and ≤ 10");
  });
});

describe("configurations: model[@α][/resolution]", () => {
  test("each part optional but the model; α 1 when not written; a path as the model", () => {
    expect(parseConfiguration("v2@0.5/160")).toMatchObject({
      model: "v2",
      alphaGiven: true,
      resolution: { height: 160, width: 160 },
    });
    expect(parseConfiguration("v2")).toMatchObject({
      model: "v2",
      alphaGiven: false,
      alpha: { text: "1" },
      resolution: undefined,
    });
    expect(parseConfiguration("v1/192x160")).toMatchObject({
      model: "v1",
      resolution: { height: 192, width: 160 },
    });
    expect(parseConfiguration("configs/v1.json@0.75")).toMatchObject({
      model: "configs/v1.json",
      alpha: { exact: rational(3, 4) },
    });
    // "/" starts the resolution: a fraction is no α here (v1@3/4 is α 3 at 4×4)
    expect(parseConfiguration("v1@3/4")).toMatchObject({
      alpha: { text: "3" },
      resolution: { height: 4, width: 4 },
    });
  });
  test("refusals name the spec and the rule", () => {
    expect(refusalOf(() => parseConfiguration(""))).toBe(
      "spec '': expected model[@alpha][/resolution], e.g. v1@0.5 or v2@0.75/160",
    );
    expect(refusalOf(() => parseConfiguration("v1@0"))).toBe(
      "spec 'v1@0': width multiplier '0' must be a number > 0 and ≤ 10",
    );
    expect(refusalOf(() => parseConfiguration("v1/0"))).toBe(
      "spec 'v1/0': resolution 0 must be a positive integer from 1 to 16384, or HEIGHTxWIDTH (320x240)",
    );
  });
});
