/** The two memory models on hand-made rows: what is alive at each op, and blocks' spans. */
import { describe, expect, test } from "vitest";
import type { LayerRow } from "../../src/evaluate/cost.js";
import { activationMemory, blockSpans, peakMemory } from "../../src/evaluate/memory.js";

const row = (
  name: string,
  block: string,
  input: number[],
  output: number[],
  spec: Record<string, string> = {},
) => ({ name, block, input, output, spec }) as unknown as LayerRow;

describe("the layer model", () => {
  // r0 saves its output as "a" (48 elements), read by r2; r3 saves its input as "b", which nothing reads
  const rows = [
    row("r0", "x", [4, 4, 2], [4, 4, 3], { saveOutputAs: "a" }),
    row("r1", "x", [4, 4, 3], [4, 4, 5]),
    row("r2", "y", [4, 4, 5], [4, 4, 9], { reads: "a" }),
    row("r3", "y", [4, 4, 9], [1, 1, 3], { saveInputAs: "b" }),
  ];
  test("a saved tensor is held from the op saving it through the op reading it, besides each op's input and output", () => {
    // r2: its input 80 + its output 144 + "a" 48 (held through its reader)
    expect(peakMemory(rows, "layer")).toEqual({ model: "layer", elements: 80n + 144n + 48n, at: "r2" });
    // without r2, "a" is never read, never held: r1 has 48 + 80, r3 its own 144 + 3
    expect(peakMemory([rows[0]!, rows[1]!, rows[3]!], "layer")).toEqual({
      model: "layer",
      elements: 144n + 3n,
      at: "r3",
    });
  });
  test("an op's own saved tensors are not counted twice; one nothing reads is never held", () => {
    expect(peakMemory([rows[0]!], "layer").elements).toBe(32n + 48n);
    expect(peakMemory([rows[3]!], "layer").elements).toBe(144n + 3n);
  });
});

describe("the block model", () => {
  test("blocks are runs of one name: each ends at its last op, with the index of its first", () => {
    const ops = ["a", "a", "b", "c", "c", "c"].map((block) => ({ block }));
    expect(blockSpans(ops)).toEqual([undefined, 0, 2, undefined, undefined, 3]);
    expect(blockSpans([])).toEqual([]);
    // a name that comes back later is a new run
    expect(blockSpans(["a", "b", "a"].map((block) => ({ block })))).toEqual([0, 1, 2]);
  });
  test("a block holds its first op's input and its last op's output; the peak names the block", () => {
    const rows = [
      row("r0", "x", [4, 4, 2], [4, 4, 3]),
      row("r1", "x", [4, 4, 3], [4, 4, 8]),
      row("r2", "y", [4, 4, 8], [2, 2, 8]),
    ];
    expect(peakMemory(rows, "block")).toEqual({ model: "block", elements: 32n + 128n, at: "x" });
    expect(peakMemory([], "block")).toEqual({ model: "block", elements: 0n, at: "" });
    expect(peakMemory([], "layer")).toEqual({ model: "layer", elements: 0n, at: "" });
  });
  test("bytes at each dtype", () => {
    const rows = [row("r0", "x", [4, 4, 2], [4, 4, 3])];
    expect(
      ["fp32", "fp16", "int8"].map(
        (dtype) => activationMemory(rows, { dtype: dtype as "fp32", memoryModel: "block" }).bytes,
      ),
    ).toEqual([320n, 160n, 80n]);
  });
});
