/**
 * The arena: each tensor alive from the op writing it to the last op reading it, in the stored order, at
 * its own bytes (a TFLite file's int8), the peak, where it is and the largest tensors there; for graph
 * files and built-ins alike, and as a budget (max_arena_bytes).
 */
import { describe, expect, test } from "vitest";
import { checkBudget } from "../../src/budget/check.js";
import type { LayerRow } from "../../src/evaluate/cost.js";
import { evaluateModel } from "../../src/evaluate/cost.js";
import { activationMemory, arenaPeak } from "../../src/evaluate/memory.js";
import { loadModel } from "../../src/io/read-model-spec.js";
import { parseConfiguration } from "../../src/model/configuration.js";
import { resolveConvention } from "../../src/model/conventions.js";
import { runCli, unwrapped } from "../helpers/io.js";
import { peakMemory } from "../../src/evaluate/memory.js";

const PERSON = "test/fixtures/tflite/person_detect.tflite";
const ONE = { text: "1", value: 1 };
const CONVENTION = resolveConvention("paper", { channels: 1, classes: 2 });

async function person() {
  return evaluateModel(await loadModel(PERSON, process.cwd()), { alpha: ONE, convention: CONVENTION });
}

/** Rows of named tensors: [row name, reads, writes], each tensor [name, elements, dtype?]. */
type T = [string, number, string?];
const rowsOf = (spec: [string, T[], T[]][]): LayerRow[] =>
  spec.map(
    ([name, reads, writes]) =>
      ({
        name,
        tensors: {
          reads: reads.map(([n, e, d]) => ({ name: n, elements: BigInt(e), ...(d && { dtype: d }) })),
          writes: writes.map(([n, e, d]) => ({ name: n, elements: BigInt(e), ...(d && { dtype: d }) })),
        },
      }) as unknown as LayerRow,
  );

describe("arenaPeak", () => {
  test("an input lives from the start; a tensor saved for a later add stays alive until it; the largest come first", () => {
    const rows = rowsOf([
      ["a", [["x", 10]], [["y", 20]]],
      ["b", [["y", 20]], [["z", 30]]],
      [
        "add",
        [
          ["z", 30],
          ["y", 20],
        ],
        [["w", 30]],
      ],
    ]);
    // at b: y (saved for the add) + z; x died at a; at the add: y + z + w
    const arena = arenaPeak(rows, { dtype: "int8" });
    expect(arena).toEqual({
      bytes: 80n,
      at: "add",
      largest: [
        { name: "z", bytes: 30n },
        { name: "w", bytes: 30n },
        { name: "y", bytes: 20n },
      ],
      types: { dtype: "int8", overridden: false },
    });
    // the first row holds the input and its output
    expect(arenaPeak(rows.slice(0, 1), { dtype: "fp32" }).bytes).toBe(4n * (10n + 20n));
  });

  test("the first of equal peaks; only tensors alive there are listed, equal ones in the order the rows first name them (a row's writes, then its reads)", () => {
    const rows = rowsOf([
      ["a", [["x", 100]], [["y", 10]]],
      ["b", [["y", 10]], [["z", 10]]],
      ["c", [["z", 10]], [["w", 10]]],
    ]);
    // a holds x and y (110); b and c hold 20 each; x, the largest tensor, is not alive at b or c
    expect(arenaPeak(rows, { dtype: "int8" })).toMatchObject({ bytes: 110n, at: "a" });
    const later = rowsOf([
      ["a", [["x", 10]], [["y", 10]]],
      ["b", [["y", 10]], [["z", 10]]],
      ["c", [["z", 10]], [["w", 10]]],
    ]);
    const arena = arenaPeak(later, { dtype: "int8" });
    expect(arena).toMatchObject({ bytes: 20n, at: "a" });
    expect(arena.largest).toEqual([
      { name: "y", bytes: 10n },
      { name: "x", bytes: 10n },
    ]);
    // nothing alive: no peak, no place
    expect(arenaPeak([], { dtype: "int8" })).toMatchObject({ bytes: 0n, at: "", largest: [] });
    expect(
      arenaPeak(
        rowsOf([
          ["a", [], []],
          ["b", [], []],
        ]),
        { dtype: "int8" },
      ).at,
    ).toBe("");
  });

  test("--dtype given (dtypeGiven) overrides the tensors' own types in the report's arena", () => {
    const rows = rowsOf([["a", [["x", 10, "int8"]], [["y", 10, "int8"]]]]);
    expect(activationMemory(rows, { dtype: "fp32", memoryModel: "layer" }).arena.bytes).toBe(20n);
    const given = activationMemory(rows, { dtype: "fp32", memoryModel: "layer", dtypeGiven: true }).arena;
    expect([given.bytes, given.types]).toEqual([80n, { dtype: "fp32", overridden: true }]);
  });

  test("a tensor's own type sets its bytes unless --dtype overrides every one", () => {
    const rows = rowsOf([["a", [["x", 10, "int8"]], [["y", 10, "float32"]]]]);
    expect(arenaPeak(rows, { dtype: "fp16" }).bytes).toBe(10n + 40n);
    expect(arenaPeak(rows, { dtype: "fp16", overridden: true }).bytes).toBe(20n + 20n);
    // a tensor without a type (a built-in's) is at the dtype
    expect(arenaPeak(rowsOf([["a", [["x", 10]], [["y", 10]]]]), { dtype: "fp16" }).bytes).toBe(40n);
  });
});

describe("person_detect.tflite's arena", () => {
  test("int8 tensors: the peak at the first pointwise conv, its 48×48×8 input and 48×48×16 output; a fused activation writes in place", async () => {
    const r = await person();
    const arena = arenaPeak(r.rows, { dtype: "fp32" });
    const [input, output] = [48 * 48 * 8, 48 * 48 * 16];
    expect(arena.bytes).toBe(BigInt(input + output));
    expect(arena.at).toBe("MobilenetV1/MobilenetV1/Conv2d_1_pointwise/Relu6");
    expect(arena.largest).toEqual([
      { name: "MobilenetV1/MobilenetV1/Conv2d_1_pointwise/Relu6", bytes: BigInt(output) },
      { name: "MobilenetV1/MobilenetV1/Conv2d_1_depthwise/Relu6", bytes: BigInt(input) },
    ]);
    expect(arenaPeak(r.rows, { dtype: "fp32", overridden: true }).bytes).toBe(4n * BigInt(input + output));
  });

  test("the built-in it was converted from has the same arena at int8", async () => {
    const v1 = parseConfiguration("v1@0.25/96");
    const builtin = evaluateModel(await loadModel(v1.model, process.cwd()), {
      alpha: v1.alpha,
      resolution: v1.resolution!,
      convention: CONVENTION,
    });
    expect(arenaPeak(builtin.rows, { dtype: "int8" }).bytes).toBe(
      arenaPeak((await person()).rows, { dtype: "int8" }).bytes,
    );
  });

  test("the report and its JSON show it; a budget gates it", async () => {
    const shown = await runCli([PERSON]);
    expect(unwrapped(shown.out)).toContain(
      "arena (tensor lifetimes, each tensor's own type (int8 where none is stored)): 55.30KB at MobilenetV1/MobilenetV1/Conv2d_1_pointwise/Relu6; largest alive there:",
    );
    // --dtype means one thing: without it, the peak is at the file's own activation type, int8 (not fp32)
    expect(shown.out).toContain("peak activations: 73,728 elements = 73.73KB at int8");
    const json = JSON.parse((await runCli([PERSON, "-f", "json"])).out);
    expect(json.memory.arena.peak_bytes).toBe(55296);
    const r = await person();
    const budget = (max: number) => checkBudget("b", { model: PERSON, max_arena_bytes: max }, r).metrics[0]!;
    expect([budget(55296).passed, budget(55295).passed]).toEqual([true, false]);
    expect(budget(55296).metric).toBe("arena_bytes");
    // a budget's dtype counts every tensor at it
    const atFp32 = checkBudget("b", { model: PERSON, max_arena_bytes: 1, dtype: "fp32" }, r).metrics[0]!;
    expect(atFp32.value).toBe(4n * 55296n);
  });
});

describe("the tensors a built network's rows read and write (the arena's lifetimes)", () => {
  const rowsOfModel = async (name: string) =>
    evaluateModel(await loadModel(name, process.cwd()), {
      alpha: ONE,
      convention: resolveConvention("paper"),
    }).rows;
  const names = (ts: readonly { name: string }[]) => ts.map((t) => t.name);

  test("each op writes its output under its own name; the first reads the image", async () => {
    const rows = await rowsOfModel("v2");
    expect(rows[0]!.tensors).toEqual({
      reads: [{ name: "input", elements: BigInt(224 * 224 * 3) }],
      writes: [{ name: rows[0]!.name, elements: rows[0]!.activations }],
    });
    for (const row of rows) expect(names(row.tensors!.writes)).toEqual([row.name]);
    expect(rows.every((row, i) => i === 0 || row.tensors!.reads.length >= 1)).toBe(true);
  });

  test("a residual add reads the block's input as the op before the block wrote it; an SE scale, the map and its gate", async () => {
    const v2 = await rowsOfModel("v2");
    const add = v2.findIndex((r) => r.op === "add");
    const block = v2.filter((r) => r.block === v2[add]!.block);
    const before = v2[v2.indexOf(block[0]!) - 1]!;
    expect(names(v2[add]!.tensors!.reads)).toEqual([v2[add - 1]!.name, before.name]);
    const v3 = await rowsOfModel("v3-large");
    const scale = v3.find((r) => r.op === "scale")!;
    const se = v3.filter((r) => r.block === scale.block && r.type === "se");
    // the pool reads the map the scale multiplies; the gate is the second FC's output
    expect(names(scale.tensors!.reads)).toEqual([...names(se[0]!.tensors!.reads), se[2]!.name]);
  });

  test("attention reads its queries and the shared key and value, each as its projection wrote it", async () => {
    const rows = await rowsOfModel("mnv4-hybrid-m");
    const attention = rows.find((r) => r.op === "attention")!;
    const block = attention.block;
    expect(names(attention.tensors!.reads)).toEqual([`${block}/query`, `${block}/key`, `${block}/value`]);
  });
});

describe("the layer model on a graph's rows (each tensor from its writer to its last reader)", () => {
  test("a tensor no row reads dies where it is written; ties keep the first row; nothing alive has no place", async () => {
    const rows = rowsOf([
      ["a", [["x", 10]], [["y", 20]]],
      [
        "b",
        [["y", 20]],
        [
          ["z", 30],
          ["dead", 5],
        ],
      ],
      ["c", [["z", 30]], [["w", 40]]],
    ]);
    // a: x + y = 30; b: y + z + dead = 55; c: z + w = 70 (dead went at b)
    expect(peakMemory(rows, "layer")).toEqual({ model: "layer", elements: 70n, at: "c" });
    const ties = rowsOf([
      ["a", [["x", 10]], [["y", 10]]],
      ["b", [["y", 10]], [["z", 10]]],
    ]);
    expect(peakMemory(ties, "layer")).toEqual({ model: "layer", elements: 20n, at: "a" });
    expect(peakMemory(rowsOf([["a", [], []]]), "layer").at).toBe("");
  });
});
