/**
 * Graphs no exporter writes but a damaged or hand-made file can hold: each is
 * refused in one line naming a node (never a hang, never exit 3), or counted
 * at the sizes ONNX's operators give (the tensor-graph engine's shape rules).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { costGraph } from "../../src/evaluate/graph-cost.js";
import { measureGraph } from "../../src/graph/cost.js";
import { inferTensors } from "../../src/graph/infer.js";
import { resolveConvention } from "../../src/model/conventions.js";
import { lowerGraph } from "../../src/model/onnx/lower.js";
import { runCli } from "../helpers/io.js";
import { encodeOnnx, type GraphSketch, type NodeSketch, sketchGraph } from "../helpers/onnx.js";
import { refusalOf } from "../helpers/refusal.js";

/** The sketch's nodes lowered, inferred and costed by the engine under the paper's convention. */
const map = (s: GraphSketch, allowUnknown = false) => {
  const graph = lowerGraph(sketchGraph(s), { allowUnknown });
  return { graph, ...costGraph(measureGraph(graph, inferTensors(graph)), resolveConvention("paper")) };
};
const same = { pads: { ints: [1, 1, 1, 1] } };
const stemConv: NodeSketch = { op: "Conv", in: ["input", "w"], out: "c", attrs: same };
const withStem = (nodes: NodeSketch[], constants = {}): GraphSketch => ({
  constants: { w: [8, 3, 3, 3], ...constants },
  nodes: [stemConv, ...nodes],
});
const refusal = (s: GraphSketch, allowUnknown = false): string => refusalOf(() => map(s, allowUnknown));

describe("graphs that cannot be ordered are refused, naming a node", () => {
  test("two Identity nodes feeding each other (a → b → a): a cycle", () => {
    const cycle = withStem([
      { op: "Identity", in: ["c"], out: "x", name: "entry" },
      { op: "Add", in: ["x", "b"], out: "a", name: "join" },
      { op: "Identity", in: ["a"], out: "b", name: "loop" },
    ]);
    expect(refusal(cycle)).toMatch(/^the graph has a cycle: \w+ '(join|loop)' reads its own output, through/);
    expect(refusal(cycle, true)).toMatch(/cycle/);
  });

  test("a node reading its own output", () => {
    expect(refusal(withStem([{ op: "Relu", in: ["r"], out: "r", name: "self" }]))).toBe(
      "the graph has a cycle: Relu 'self' reads its own output; an ONNX graph is acyclic",
    );
  });

  test("Relu → Flatten → Relu around a loop", () => {
    const loop = withStem([
      { op: "Relu", in: ["f"], out: "r", name: "relu" },
      { op: "Flatten", in: ["r"], out: "f", name: "flatten" },
    ]);
    expect(refusal(loop)).toMatch(
      /^the graph has a cycle: (Relu 'relu'|Flatten 'flatten') reads its own output/,
    );
  });

  test("an input that nothing writes (a dangling name)", () => {
    expect(refusal(withStem([{ op: "Relu", in: ["nowhere"], out: "r", name: "lost" }]))).toBe(
      "Relu 'lost' reads 'nowhere', which no node, graph input or initializer provides",
    );
  });

  test("a tensor written by two nodes, or by a node and the file", () => {
    const twice = withStem([{ op: "Relu", in: ["c"], out: "c", name: "again" }]);
    expect(refusal(twice)).toMatch(/^the graph has a cycle|writes 'c', which Conv/);
    const both = withStem([
      { op: "Relu", in: ["c"], out: "r", name: "one" },
      { op: "Relu", in: ["c"], out: "r", name: "two" },
    ]);
    expect(refusal(both)).toBe(
      "Relu 'two' writes 'r', which Relu 'one' writes too: each tensor has one writer",
    );
    expect(refusal(withStem([{ op: "Relu", in: ["c"], out: "w", name: "over" }]))).toMatch(
      /^Relu 'over' writes 'w', which is a graph input or initializer/,
    );
  });

  test("nodes stored out of order are counted in an order where each input is written first", () => {
    const sorted = map(
      withStem(
        [
          { op: "Relu", in: ["c"], out: "r" },
          { op: "Conv", in: ["r", "pw"], out: "p" },
        ],
        {
          pw: [16, 8, 1, 1],
        },
      ),
    );
    const shuffled = map({
      constants: { w: [8, 3, 3, 3], pw: [16, 8, 1, 1] },
      nodes: [{ op: "Conv", in: ["r", "pw"], out: "p" }, { op: "Relu", in: ["c"], out: "r" }, stemConv],
    });
    expect(shuffled.graph.nodes.map((n) => n.op)).toEqual(["Conv", "Relu", "Conv"]);
    expect(shuffled.totals).toEqual(sorted.totals);
  });

  test("a chain of 50,000 nodes stored backwards is ordered without exhausting the stack", () => {
    const nodes: NodeSketch[] = [stemConv];
    for (let i = 0; i < 50_000; i++)
      nodes.push({ op: "Identity", in: [i ? `t${i - 1}` : "c"], out: `t${i}` });
    const net = map({ constants: { w: [8, 3, 3, 3] }, nodes: nodes.reverse() });
    expect(net.rows).toHaveLength(50_001);
    expect(net.rows.at(-1)!.outputs[0]!.dims).toEqual([1, 8, 32, 32]);
  });
});

describe("attribute values ONNX does not allow are refused", () => {
  test("Conv group 0 (not counted as 1), stride 0 or negative", () => {
    const stemWith = (attrs: NonNullable<NodeSketch["attrs"]>) => ({
      ...withStem([]),
      nodes: [{ ...stemConv, attrs }],
    });
    expect(refusal(stemWith({ ...same, group: { i: 0 } }))).toBe(
      "Conv '/n0/Conv': group 0: a group count is a whole number ≥ 1",
    );
    for (const strides of [[0, 0], [-1, -1], [2]])
      expect(refusal(stemWith({ ...same, strides: { ints: strides } }))).toBe(
        `Conv '/n0/Conv': strides [${strides.join(", ")}]: one whole number ≥ 1 per spatial axis`,
      );
  });

  test("an operator type that is an Object property name is an unknown operator, not a crash", () => {
    for (const op of ["constructor", "__proto__", "toString", "hasOwnProperty"])
      expect(refusal(withStem([{ op, in: ["c"], out: "x" }]))).toBe(
        `${op} '/n1/${op}': the operator ${op} is not counted`,
      );
  });
});

describe("ops are counted at the sizes ONNX's operators give", () => {
  const macsOf = (s: GraphSketch) => map(s).rows.map((r) => r.weightMacs);

  test("a depthwise conv with channel multiplier 2 (group = C, 2C outputs) writes 2C channels", () => {
    const net = map(
      withStem(
        [
          { op: "Conv", in: ["c", "dw"], out: "d", attrs: { ...same, group: { i: 8 } } },
          { op: "Conv", in: ["d", "pw"], out: "p" },
        ],
        { dw: [16, 1, 3, 3], pw: [4, 16, 1, 1] },
      ),
    );
    expect(net.rows[1]!.outputs[0]!.dims).toEqual([1, 16, 32, 32]);
    expect(net.rows[1]!.params).toBe(16n * 9n);
    expect(net.rows[1]!.macs).toBe(16n * 9n * 32n * 32n);
    expect(net.rows[2]!.params).toBe(16n * 4n);
  });

  test("MaxPool padding is part of its output size: 3×3/2 with pads 1 gives 16 from 32; without, 15; uneven pads, 16", () => {
    const pool = (pads: number[]) =>
      withStem(
        [
          {
            op: "MaxPool",
            in: ["c"],
            out: "m",
            attrs: { kernel_shape: { ints: [3, 3] }, strides: { ints: [2, 2] }, pads: { ints: pads } },
          },
          { op: "Conv", in: ["m", "pw"], out: "p" },
        ],
        { pw: [4, 8, 1, 1] },
      );
    expect(macsOf(pool([1, 1, 1, 1]))[2]).toBe(4n * 8n * 16n * 16n);
    expect(macsOf(pool([0, 0, 0, 0]))[2]).toBe(4n * 8n * 15n * 15n);
    // ONNX pads are [h_begin, w_begin, h_end, w_end]: one extra row and column
    expect(macsOf(pool([1, 1, 0, 0]))[2]).toBe(4n * 8n * 16n * 16n);
  });

  test("Conv pads are read per axis and side: [1, 0, 1, 0] keeps H and narrows W by 2", () => {
    const padded = (pads: number[]) => ({
      ...withStem([]),
      nodes: [{ ...stemConv, attrs: { pads: { ints: pads } } }],
    });
    expect(map(padded([1, 0, 1, 0])).rows[0]!.outputs[0]!.dims).toEqual([1, 8, 32, 30]);
    expect(map(padded([0, 1, 0, 1])).rows[0]!.outputs[0]!.dims).toEqual([1, 8, 30, 32]);
  });

  test("a Concat writes the sum of its inputs' channels", () => {
    const net = map(
      withStem(
        [
          { op: "Conv", in: ["c", "pw1"], out: "r" },
          { op: "Concat", in: ["c", "r"], out: "k", attrs: { axis: { i: 1 } } },
          { op: "Conv", in: ["k", "pw2"], out: "p" },
        ],
        { pw1: [8, 8, 1, 1], pw2: [4, 16, 1, 1] },
      ),
    );
    expect(net.rows.at(-1)!.params).toBe(16n * 4n);
  });
});

describe("through the CLI: one line naming the file and the node, exit 2", () => {
  const dir = mkdtempSync(join(tmpdir(), "mbn-hostile-onnx-"));
  const write = (name: string, sketch: GraphSketch) => {
    const file = join(dir, name);
    writeFileSync(file, encodeOnnx(sketch));
    return file;
  };

  test("a cycle, as the model and as a budget's model (check)", async () => {
    const file = write(
      "cycle.onnx",
      withStem([
        { op: "Identity", in: ["c"], out: "x", name: "entry" },
        { op: "Add", in: ["x", "b"], out: "a", name: "join" },
        { op: "Identity", in: ["a"], out: "b", name: "loop" },
      ]),
    );
    const shown = await runCli([file, "--totals"]);
    expect(shown.code).toBe(2);
    expect(shown.err).toMatch(/^error: cycle\.onnx: the graph has a cycle: .*\n$/);
    const budgets = join(dir, "budgets.json");
    writeFileSync(budgets, JSON.stringify({ budgets: [{ model: file, max_macs: "1G" }] }));
    const checked = await runCli(["check", budgets]);
    expect(checked.code).toBe(2);
    expect(checked.err).toMatch(/budgets\[0\]\.model: cycle\.onnx: the graph has a cycle/);
  });

  test("stride 0 names the file and the node (not 'D_H = Infinity')", async () => {
    const file = write("stride0.onnx", {
      ...withStem([]),
      nodes: [{ ...stemConv, attrs: { ...same, strides: { ints: [0, 0] } } }],
    });
    const r = await runCli([file]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      "error: stride0.onnx: Conv '/n0/Conv': strides [0, 0]: one whole number ≥ 1 per spatial axis\n",
    );
  });
});
