/**
 * What the engine says each node does besides its products, and which weights it counts: the
 * categories conventions weigh, the patterns exporters write for one activation, the roles of weights.
 */
import { describe, expect, test } from "vitest";
import { costGraph } from "../../src/evaluate/graph-cost.js";
import { measureGraph } from "../../src/graph/cost.js";
import { inferTensors } from "../../src/graph/infer.js";
import { resolveConvention } from "../../src/model/conventions.js";
import type { OnnxAttribute, OnnxGraph, OnnxNode } from "../../src/model/onnx/graph.js";
import { lowerGraph } from "../../src/model/onnx/lower.js";

let count = 0;
const node = (
  opType: string,
  inputs: string[],
  outputs: string[],
  attributes: Record<string, OnnxAttribute> = {},
): OnnxNode => ({
  name: `${opType}_${count++}`,
  opType,
  domain: "",
  inputs,
  outputs,
  attributes,
});

type Stored = Record<string, { dims: number[]; values?: number[]; dataType?: number }>;
const graphOf = (nodes: OnnxNode[], stored: Stored = {}, producer = "test"): OnnxGraph => ({
  producer,
  opset: 17,
  irVersion: 8,
  inputs: [{ name: "x", dims: [1, 8, 4, 4], elemType: 1 }],
  initializers: new Map(Object.entries(stored).map(([k, v]) => [k, { dataType: 1, ...v }])),
  nodes,
});

function measured(g: OnnxGraph) {
  const graph = lowerGraph(g);
  return measureGraph(graph, inferTensors(graph));
}
const workOf = (g: OnnxGraph) => measured(g).rows.map((r) => [r.node.op, r.work]);

describe("element-wise work by category", () => {
  test("activations: Relu, Clip(0, 6) as ReLU6, Clip(0) as ReLU, other bounds none, HardSwish", () => {
    const bounds = {
      zero: { dims: [], values: [0] },
      six: { dims: [], values: [6] },
      one: { dims: [], values: [1] },
    };
    const g = graphOf(
      [
        node("Relu", ["x"], ["a"]),
        node("Clip", ["a", "zero", "six"], ["b"]),
        node("Clip", ["b", "zero"], ["c"]),
        node("Clip", ["c", "zero", "one"], ["d"]),
        node("HardSwish", ["d"], ["e"]),
      ],
      bounds,
    );
    expect(workOf(g)).toEqual([
      ["Relu", { relu: 128n }],
      ["Clip", { relu6: 128n }],
      ["Clip", { relu: 128n }],
      ["Clip", {}],
      ["HardSwish", { hswish: 128n }],
    ]);
  });
  test("x·σ(x) is one SiLU, on the Mul; x·hσ(x) one h-swish; a sigmoid gating another map stays a sigmoid", () => {
    const g = graphOf([
      node("Sigmoid", ["x"], ["s"]),
      node("Mul", ["x", "s"], ["a"]),
      node("HardSigmoid", ["a"], ["h"]),
      node("Mul", ["h", "a"], ["b"]),
      node("Sigmoid", ["b"], ["g"]),
      node("Mul", ["x", "g"], ["c"]),
    ]);
    expect(
      workOf(g).map(
        ([op, w]) => `${op} ${JSON.stringify(w, (_, v) => (typeof v === "bigint" ? `${v}` : v))}`,
      ),
    ).toEqual([
      "Sigmoid {}",
      'Mul {"silu":"128"}',
      "HardSigmoid {}",
      'Mul {"hswish":"128"}',
      'Sigmoid {"sigmoid":"128"}',
      "Mul {}",
    ]);
  });
  test("GELU as x·(erf(x/√2) + 1)·0.5: one gelu, on the last Mul", () => {
    const c = {
      root2: { dims: [], values: [1.41] },
      one: { dims: [], values: [1] },
      half: { dims: [], values: [0.5] },
    };
    const g = graphOf(
      [
        node("Div", ["x", "root2"], ["d"]),
        node("Erf", ["d"], ["e"]),
        node("Add", ["e", "one"], ["p"]),
        node("Mul", ["x", "p"], ["m"]),
        node("Mul", ["m", "half"], ["y"]),
      ],
      c,
    );
    expect(workOf(g).map(([, w]) => Object.keys(w as object))).toEqual([[], [], [], [], ["gelu"]]);
  });
  test("Add of two maps is a residual add; Mul by a computed per-channel gate an SE scale; by a stored one a LayerScale", () => {
    const g = graphOf(
      [
        node("Add", ["x", "x"], ["a"]),
        node("GlobalAveragePool", ["a"], ["p"]),
        node("Sigmoid", ["p"], ["g"]),
        node("Mul", ["a", "g"], ["s"]),
        node("Mul", ["s", "gamma"], ["l"]),
      ],
      { gamma: { dims: [8, 1, 1] } },
    );
    expect(workOf(g)).toEqual([
      ["Add", { add: 128n }],
      ["GlobalAveragePool", { pool: 128n, "pool-divide": 8n }],
      ["Sigmoid", { sigmoid: 8n }],
      ["Mul", { scale: 128n }],
      ["Mul", { "layer-scale": 128n }],
    ]);
  });
  test("a conv's bias adds, or its folded BatchNorm; a BatchNormalization of its own; max pooling reads each input", () => {
    const w = {
      w: { dims: [8, 8, 1, 1] },
      b: { dims: [8] },
      s: { dims: [8] },
      m: { dims: [8] },
      v: { dims: [8] },
    };
    const g = graphOf(
      [
        node("Conv", ["x", "w", "b"], ["c"]),
        node("BatchNormalization", ["c", "s", "b", "m", "v"], ["n"]),
        node("MaxPool", ["n"], ["p"], { kernel_shape: { ints: [2, 2] }, strides: { ints: [2, 2] } }),
      ],
      w,
    );
    expect(workOf(g)).toEqual([
      ["Conv", { bias: 128n }],
      ["BatchNormalization", { bn: 128n }],
      ["MaxPool", { "max-pool": 128n }],
    ]);
    const folded = lowerGraph(graphOf([node("Conv", ["x", "w", "b"], ["c"])], w), { foldedNorms: "all" });
    expect(measureGraph(folded, inferTensors(folded)).rows[0]!.work).toEqual({ bn: 128n });
  });
});

describe("weights by role, counted as the convention says", () => {
  const stored = {
    w: { dims: [8, 8, 3, 3] },
    b: { dims: [8] },
    s: { dims: [8] },
    m: { dims: [8] },
    v: { dims: [8] },
  };
  const g = graphOf(
    [
      node("Conv", ["x", "w", "b"], ["c"], { pads: { ints: [1, 1, 1, 1] } }),
      node("BatchNormalization", ["c", "s", "b2", "m", "v"], ["n"]),
    ],
    { ...stored, b2: { dims: [8] } },
  );
  test("the conv's weight and bias, the norm's scale and shift; never its running statistics", () => {
    const rows = measured(g).rows;
    expect(rows.map((r) => r.paramParts)).toEqual([
      { weight: 576n, bias: 8n, norm: 0n },
      { weight: 0n, bias: 0n, norm: 16n },
    ]);
  });
  test("paper counts weights only; torchvision biases and norms; keras norms twice (with their statistics)", () => {
    const m = measured(g);
    const params = (name: "paper" | "torchvision" | "keras") =>
      costGraph(m, resolveConvention(name)).totals.params;
    expect([params("paper"), params("torchvision"), params("keras")]).toEqual([576n, 600n, 616n]);
  });
  test("a weight read by two nodes counts once and is listed as shared", () => {
    const tied = graphOf(
      [
        node("Conv", ["x", "w"], ["a"], { pads: { ints: [1, 1, 1, 1] } }),
        node("Conv", ["a", "w"], ["c"], { pads: { ints: [1, 1, 1, 1] } }),
      ],
      stored,
    );
    const m = measured(tied);
    expect(m.rows.map((r) => r.paramParts.weight)).toEqual([576n, 0n]);
    expect([...m.shared]).toEqual([["w", [`Conv_${count - 2}`, `Conv_${count - 1}`]]]);
  });
  test("a single stored number read by an Add or a Mul is an exporter's constant, not a parameter", () => {
    const m = measured(graphOf([node("Mul", ["x", "half"], ["y"])], { half: { dims: [], values: [0.5] } }));
    expect(m.rows[0]!.paramParts).toEqual({ weight: 0n, bias: 0n, norm: 0n });
  });
});

describe("products a convention may not see", () => {
  test("a MatMul of two computed tensors is attention's matmul (thop: 0); by a stored weight, a linear layer", () => {
    const g = graphOf(
      [
        node("Reshape", ["x", "shape"], ["q"]),
        node("Transpose", ["q"], ["k"]),
        node("MatMul", ["q", "k"], ["s"]),
        node("MatMul", ["q", "w"], ["l"]),
      ],
      {
        shape: { dims: [2], values: [8, 16], dataType: 7 },
        w: { dims: [16, 4] },
      },
    );
    const m = measured(g);
    expect(m.rows.slice(2).map((r) => [r.weightMacs, r.matmulMacs])).toEqual([
      [0n, 8n * 16n * 8n],
      [8n * 16n * 4n, 0n],
    ]);
    expect(costGraph(m, resolveConvention("thop")).totals.macs).toBe(8n * 16n * 4n);
  });
});

describe("LayerNorm as exporters write it before opset 17", () => {
  const stored = {
    two: { dims: [], values: [2] },
    eps: { dims: [], values: [1e-6] },
    gamma: { dims: [4] },
    beta: { dims: [4] },
  };
  const writtenOut = (affine: boolean, sub = ["x", "m"]) =>
    graphOf(
      [
        node("ReduceMean", ["x"], ["m"], { axes: { ints: [-1] } }),
        node("Sub", sub, ["d"]),
        node("Pow", ["d", "two"], ["p"]),
        node("ReduceMean", ["p"], ["v"], { axes: { ints: [-1] } }),
        node("Add", ["v", "eps"], ["e"]),
        node("Sqrt", ["e"], ["s"]),
        node("Div", ["d", "s"], ["n"]),
        ...(affine ? [node("Mul", ["n", "gamma"], ["g"]), node("Add", ["g", "beta"], ["y"])] : []),
      ],
      stored,
    );
  const layerNorm = graphOf(
    [node("LayerNormalization", ["x", "gamma", "beta"], ["y"], { axis: { i: -1 } })],
    stored,
  );

  test("one norm on its last node, γ and β as the norm's: as LayerNormalization counts", () => {
    const m = measured(writtenOut(true));
    expect(m.rows.map((r) => Object.keys(r.work))).toEqual([[], [], [], [], [], [], [], [], ["norm"]]);
    expect(m.rows.at(-1)!.work).toEqual({ norm: 128n });
    const parts = (g: OnnxGraph) => measured(g).rows.reduce((a, r) => a + r.paramParts.norm, 0n);
    expect([parts(writtenOut(true)), parts(layerNorm)]).toEqual([8n, 8n]);
    for (const name of ["fvcore", "thop", "ptflops", "paper"] as const) {
      const c = resolveConvention(name);
      expect(costGraph(measured(writtenOut(true)), c).totals, name).toEqual(
        costGraph(measured(layerNorm), c).totals,
      );
    }
  });
  test("without γ and β, the Div carries it; a Sub of another tensor is not a LayerNorm", () => {
    expect(measured(writtenOut(false)).rows.at(-1)!.work).toEqual({ norm: 128n });
    const other = graphOf([node("Relu", ["x"], ["r"]), ...writtenOut(false, ["r", "m"]).nodes], stored);
    expect(measured(other).rows.some((r) => r.work.norm !== undefined)).toBe(false);
  });
});

describe("a linear's bias, by the rank torch ran it at", () => {
  const linear = (dims: number[]) =>
    lowerAndMeasure({
      ...graphOf([node("MatMul", ["x", "w"], ["l"]), node("Add", ["l", "b"], ["y"])], {
        w: { dims: [4, 6] },
        b: { dims: [6] },
      }),
      inputs: [{ name: "x", dims, elemType: 1 }],
    });
  function lowerAndMeasure(g: OnnxGraph) {
    return measured(g).rows[1]!.work;
  }
  test("up to 3 dims, a fused product's bias (torch's addmm); past them, a bias of its own; a position embedding none", () => {
    expect(linear([2, 4])).toEqual({ bias: 12n });
    expect(linear([1, 2, 4])).toEqual({ bias: 12n });
    expect(linear([1, 3, 2, 4])).toEqual({ "linear-bias": 36n });
    const embedding = measured(graphOf([node("Add", ["x", "pos"], ["y"])], { pos: { dims: [1, 8, 4, 4] } }));
    expect(embedding.rows[0]!.work).toEqual({});
    expect(embedding.rows[0]!.paramParts.weight).toBe(128n);
  });
});

describe("fvcore's einsum: numpy's einsum_path FLOPs to 4 significant digits, halved; its two bmm equations exactly", () => {
  const einsum = (equation: string, a: number[], b: number[]) =>
    measured({
      ...graphOf([node("Einsum", ["x", "y"], ["z"], { equation: { s: equation } })]),
      inputs: [
        { name: "x", dims: a, elemType: 1 },
        { name: "y", dims: b, elemType: 1 },
      ],
    });
  const macs = (m: ReturnType<typeof measured>, name: "fvcore" | "torchvision") =>
    costGraph(m, resolveConvention(name)).totals.macs;

  test("a contraction of 8·8·50176 products: 6,422,528 FLOPs print as 6.423e+06, so 3,211,500", () => {
    const m = einsum("bcn,bdn->bcd", [1, 8, 50176], [1, 8, 50176]);
    expect([macs(m, "torchvision"), macs(m, "fvcore")]).toEqual([3211264n, 3211500n]);
    // the letters renamed in order of appearance and spaces dropped: the same equation
    expect(macs(einsum("X Y Z, X W Z -> X Y W", [1, 8, 50176], [1, 8, 50176]), "fvcore")).toBe(3211500n);
  });
  test("the batched matmuls abc,abd->acd and abc,adc->adb are counted exactly", () => {
    expect(macs(einsum("nij,nik->njk", [1, 50176, 8], [1, 50176, 8]), "fvcore")).toBe(3211264n);
    expect(macs(einsum("bmk,bnk->bnm", [1, 8, 50176], [1, 8, 50176]), "fvcore")).toBe(3211264n);
    // written with spaces, still a batched matmul
    expect(macs(einsum(" n i j , n i k -> n j k ", [1, 50176, 8], [1, 50176, 8]), "fvcore")).toBe(3211264n);
  });
  // not observed on fvcore (no probe sums over no index): its handle takes the printed count of any equation
  test("an einsum summing over no index: one FLOP per product as numpy counts it, 3.704e+06, halved", () => {
    expect(macs(einsum("ab,ab->ab", [3, 1234567], [3, 1234567]), "torchvision")).toBe(3703701n);
    expect(macs(einsum("ab,ab->ab", [3, 1234567], [3, 1234567]), "fvcore")).toBe(1852000n);
  });
});

describe("patterns' near misses: each node then counts as itself", () => {
  const categories = (g: OnnxGraph) =>
    workOf(g).map(([op, w]) => `${op} ${Object.keys(w as object).join(",")}`);
  const constants = {
    root2: { dims: [], values: [1.41] },
    one: { dims: [], values: [1] },
    half: { dims: [], values: [0.5] },
    two: { dims: [], values: [2] },
    eps: { dims: [], values: [1e-6] },
  };

  test("a sigmoid read by an Add, or by a Mul of another map, or read twice, is a sigmoid; a Relu times its input is no SiLU", () => {
    const g = graphOf([
      node("Sigmoid", ["x"], ["s"]),
      node("Add", ["x", "s"], ["a"]),
      node("Sigmoid", ["a"], ["t"]),
      node("Mul", ["t", "t"], ["b"]),
      node("Mul", ["b", "t"], ["c"]),
      node("Relu", ["c"], ["r"]),
      node("Mul", ["c", "r"], ["d"]),
    ]);
    expect(categories(g)).toEqual([
      "Sigmoid sigmoid",
      "Add add",
      "Sigmoid sigmoid",
      "Mul ",
      "Mul ",
      "Relu relu",
      "Mul ",
    ]);
  });

  test("GELU's chain broken (its Mul not by x), or begun by an op other than Div: no gelu", () => {
    // x / √2 → erf → + 1 → · `times` → · 0.5, begun by `first`
    const gelu = (first: string, times: string) =>
      graphOf(
        [
          node("Relu", ["x"], ["y"]),
          node(first, ["x", "root2"], ["d"]),
          node("Erf", ["d"], ["e"]),
          node("Add", ["e", "one"], ["p"]),
          node("Mul", [times, "p"], ["m"]),
          node("Mul", ["m", "half"], ["z"]),
        ],
        constants,
      );
    const geluOf = (g: OnnxGraph) => categories(g).filter((c) => c.includes("gelu"));
    expect(geluOf(gelu("Div", "x"))).toEqual(["Mul gelu"]);
    expect(geluOf(gelu("Div", "y"))).toEqual([]);
    expect(geluOf(gelu("Mul", "x"))).toEqual([]);
  });

  test("LayerNorm's chain broken: its Div not of the centred input, or its centred input read a third time: no norm", () => {
    const chain = (div: string[], extra: ReturnType<typeof node>[] = []) =>
      graphOf(
        [
          node("ReduceMean", ["x"], ["m"], { axes: { ints: [-1] } }),
          node("Sub", ["x", "m"], ["d"]),
          node("Pow", ["d", "two"], ["p"]),
          node("ReduceMean", ["p"], ["v"], { axes: { ints: [-1] } }),
          node("Add", ["v", "eps"], ["e"]),
          node("Sqrt", ["e"], ["s"]),
          node("Div", div, ["n"]),
          ...extra,
        ],
        constants,
      );
    const normOf = (g: OnnxGraph) => measured(g).rows.some((r) => r.work.norm !== undefined);
    expect(normOf(chain(["d", "s"]))).toBe(true);
    expect(normOf(chain(["x", "s"]))).toBe(false);
    expect(normOf(chain(["d", "s"], [node("Relu", ["d"], ["r"])]))).toBe(false);
  });

  test("squeeze-and-excite needs a pool of the very map the gate scales, within a dozen nodes", () => {
    const se = (pooled: string, between: number) => {
      const nodes = [node("GlobalAveragePool", [pooled], ["g0"])];
      for (let i = 0; i < between; i++) nodes.push(node("Relu", [`g${i}`], [`g${i + 1}`]));
      nodes.push(node("Sigmoid", [`g${between}`], ["gate"]), node("Mul", ["x", "gate"], ["y"]));
      return measured(graphOf([node("Relu", ["x"], ["other"]), ...nodes])).squeezeExcite.size;
    };
    expect(se("x", 3)).toBe(6);
    expect(se("other", 3)).toBe(0);
    expect(se("x", 10)).toBe(13);
    expect(se("x", 11)).toBe(0);
  });
});
