/** The two memory models on hand-made rows: what is alive at each op, and blocks' spans. */
import { describe, expect, test } from "vitest";
import type { LayerRow } from "../../src/evaluate/cost.js";
import { activationMemory, blockSpans, peakMemory } from "../../src/evaluate/memory.js";

const row = (name: string, block: string, input: number[], output: number[]) =>
  ({ name, block, input, output }) as unknown as LayerRow;

/** A row reading and writing named tensors of so many elements. */
const moving = (name: string, reads: [string, number][], writes: [string, number][]) =>
  ({
    name,
    block: name,
    input: [],
    output: [],
    tensors: {
      reads: reads.map(([n, e]) => ({ name: n, elements: BigInt(e) })),
      writes: writes.map(([n, e]) => ({ name: n, elements: BigInt(e) })),
    },
  }) as unknown as LayerRow;

describe("the layer model", () => {
  // r0 writes "a" (48), which r2 reads again after r1; r3 reads r2's output and writes 3
  const rows = [
    moving("r0", [["in", 32]], [["a", 48]]),
    moving("r1", [["a", 48]], [["b", 80]]),
    moving(
      "r2",
      [
        ["b", 80],
        ["a", 48],
      ],
      [["c", 144]],
    ),
    moving("r3", [["c", 144]], [["d", 3]]),
  ];
  test("a tensor is held from the row writing it through the last row reading it, beside each row's input and output", () => {
    // r2: its input 80 + its output 144 + "a" 48 (held through its reader)
    expect(peakMemory(rows, "layer")).toEqual({ model: "layer", elements: 80n + 144n + 48n, at: "r2" });
    // without r2, "a" dies at r1, which holds it and its own output (r0: 32 + 48)
    expect(peakMemory([rows[0]!, rows[1]!], "layer")).toEqual({
      model: "layer",
      elements: 48n + 80n,
      at: "r1",
    });
  });
  test("an input is alive from the start; a tensor nothing reads dies with its writer", () => {
    expect(peakMemory([rows[0]!], "layer").elements).toBe(32n + 48n);
    const unread = moving("w", [["in", 5]], [["x", 7]]);
    expect(peakMemory([unread, moving("v", [["in", 5]], [["y", 1]])], "layer")).toEqual({
      model: "layer",
      elements: 12n,
      at: "w",
    });
  });
  test("the first row at the peak is named; a tie does not move it", () => {
    const level = [moving("p", [["i", 4]], [["j", 4]]), moving("q", [["j", 4]], [["k", 4]])];
    expect(peakMemory(level, "layer").at).toBe("p");
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
