/**
 * Each block kind's optional fields change what it builds (src/model/blocks/): an activation, bias or
 * BatchNorm given on the entry, the classifier's width, a pooling window, MobileNetV3's h-swish and
 * residual rule. One entry alone on an input, at α 1, with 10 classes.
 */
import { describe, expect, test } from "vitest";
import type { LayerRow } from "../../src/evaluate/cost.js";
import { costOfEntry } from "../helpers/models.js";

const rowsOf = (side: number, channels: number, entry: Record<string, unknown>) =>
  costOfEntry(side, channels, entry, { classes: 10 }).rows;
const named = (rows: readonly LayerRow[], suffix: string) => rows.find((r) => r.name.endsWith(suffix))!;

describe("dsconv", () => {
  test("its own act on both convs (not the model's), a bias on both, and no BatchNorm when bn is false", () => {
    const rows = rowsOf(8, 16, { kind: "dsconv", stride: 1, out: 32, act: "relu6", bias: true, bn: false });
    for (const r of rows) expect(Object.keys(r.work)).toContain("relu6");
    expect(rows.map((r) => r.paramParts.bias)).toEqual([16n, 32n]);
    expect(rows.map((r) => r.paramParts.bn)).toEqual([0n, 0n]);
  });

  test("by default: the model's activation, no bias, BatchNorm on both", () => {
    const rows = rowsOf(8, 16, { kind: "dsconv", stride: 1, out: 32 });
    for (const r of rows) expect(Object.keys(r.work)).not.toContain("relu6");
    expect(rows.map((r) => r.paramParts.bias)).toEqual([0n, 0n]);
    expect(rows.map((r) => r.paramParts.bn)).toEqual([32n, 64n]);
  });
});

describe("fc", () => {
  test("'classes' is the model's class count; a width is its own; bn adds BatchNorm, bias is on by default", () => {
    const classifier = rowsOf(1, 64, { kind: "fc", out: "classes" })[0]!;
    expect(classifier.output.at(-1)).toBe(10);
    expect(classifier.paramParts).toEqual({ weights: 640n, bias: 10n, bn: 0n });
    const hidden = rowsOf(1, 64, { kind: "fc", out: 32, bn: true, bias: false })[0]!;
    expect(hidden.output.at(-1)).toBe(32);
    expect(hidden.paramParts).toEqual({ weights: 64n * 32n, bias: 0n, bn: 64n });
  });
});

describe("avgpool", () => {
  test("a kernel pools windows of that side at that stride; without one, the whole map", () => {
    expect(rowsOf(8, 4, { kind: "avgpool", kernel: 2 })[0]!.output).toEqual([4, 4, 4]);
    expect(rowsOf(8, 4, { kind: "avgpool" })[0]!.output).toEqual([1, 1, 4]);
  });
});

describe("bneck (MobileNetV3)", () => {
  const bneck = (extra: Record<string, unknown>) =>
    rowsOf(8, 16, { kind: "bneck", kernel: 3, exp: 64, out: 16, se: false, nl: "RE", stride: 1, ...extra });

  test("nl 'hswish' and 'HS' are h-swish, 'RE' and 'relu' ReLU, on the expansion and the depthwise", () => {
    for (const nl of ["hswish", "HS"])
      expect(Object.keys(named(bneck({ nl }), "/dw").work)).toContain("hswish");
    for (const nl of ["relu", "RE"])
      expect(Object.keys(named(bneck({ nl }), "/expand").work)).toContain("relu");
  });

  test("a residual add at stride 1 when in = out, none at stride 2 or when the width changes", () => {
    expect(bneck({}).some((r) => r.op === "add")).toBe(true);
    expect(bneck({ stride: 2 }).some((r) => r.op === "add")).toBe(false);
    expect(bneck({ out: 24 }).some((r) => r.op === "add")).toBe(false);
  });
});

describe("inverted_residual (MobileNetV2)", () => {
  test("a named stage numbers its blocks name_1, name_2…; a single block keeps the name", () => {
    const two = rowsOf(8, 16, { kind: "inverted_residual", t: 6, c: 16, n: 2, s: 1, name: "stage" });
    expect([...new Set(two.map((r) => r.block))]).toEqual(["stage_1", "stage_2"]);
    const one = rowsOf(8, 16, { kind: "inverted_residual", t: 6, c: 16, n: 1, s: 1, name: "stage" });
    expect([...new Set(one.map((r) => r.block))]).toEqual(["stage"]);
  });
});

describe("mbconv (EfficientNet)", () => {
  const mbconv = (extra: Record<string, unknown>) =>
    rowsOf(8, 16, { kind: "mbconv", e: 6, kernel: 3, out: 16, n: 1, stride: 1, ...extra });

  test("squeeze-excite by default, none with se false", () => {
    expect(mbconv({}).some((r) => r.type === "se")).toBe(true);
    expect(mbconv({ se: false }).some((r) => r.type === "se")).toBe(false);
  });

  test("a residual add at stride 1 when in = out only", () => {
    expect(mbconv({}).some((r) => r.op === "add")).toBe(true);
    expect(mbconv({ stride: 2 }).some((r) => r.op === "add")).toBe(false);
    expect(mbconv({ out: 24 }).some((r) => r.op === "add")).toBe(false);
  });
});

describe("uib (MobileNetV4's universal inverted bottleneck)", () => {
  const uib = (extra: Record<string, unknown>) =>
    rowsOf(8, 16, { kind: "uib", start: 0, middle: 0, out: 16, e: 4, stride: 1, ...extra });

  test("an end depthwise strides only when neither start nor middle does", () => {
    expect(named(uib({ end: 3, stride: 2 }), "/end_dw").output).toEqual([4, 4, 16]);
    const withStart = uib({ start: 3, end: 3, stride: 2 });
    expect(named(withStart, "/end_dw").output).toEqual([4, 4, 16]);
    expect(named(withStart, "/end_dw").input).toEqual([4, 4, 16]);
    expect(named(uib({ middle: 3, end: 3, stride: 2 }), "/end_dw").input).toEqual([4, 4, 16]);
  });

  test("residual false drops the add a stride-1 block with in = out would have", () => {
    expect(uib({}).some((r) => r.op === "add")).toBe(true);
    expect(uib({ residual: false }).some((r) => r.op === "add")).toBe(false);
    expect(uib({ stride: 2 }).some((r) => r.op === "add")).toBe(false);
  });
});

describe("fused_ib (MobileNetV4's fused inverted bottleneck)", () => {
  test("a single named block keeps its name; repeats are numbered by the model", () => {
    const one = rowsOf(8, 16, { kind: "fused_ib", kernel: 3, e: 4, out: 16, stride: 1, name: "fused" });
    expect([...new Set(one.map((r) => r.block))]).toEqual(["fused"]);
    const two = rowsOf(8, 16, { kind: "fused_ib", kernel: 3, e: 4, out: 16, stride: 1, n: 2, name: "fused" });
    expect(new Set(two.map((r) => r.block)).size).toBe(2);
    expect(two.some((r) => r.block === "fused")).toBe(false);
  });
});

describe("mqa (MobileNetV4's mobile multi-query attention)", () => {
  test("a layer scale by default, none with layer_scale false", () => {
    const mqa = (extra: Record<string, unknown>) =>
      rowsOf(8, 32, { kind: "mqa", heads: 2, key_dim: 16, value_dim: 16, ...extra });
    expect(mqa({}).some((r) => r.type === "layerscale")).toBe(true);
    expect(mqa({ layer_scale: false }).some((r) => r.type === "layerscale")).toBe(false);
  });
});
