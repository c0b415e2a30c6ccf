/**
 * An ONNX file counted by the tensor-graph engine as the commands see it (evaluate/graph-model.ts): its
 * rows are the nodes on the data path and sum to the totals; the batch the file declares is counted and
 * said; --per-image divides MACs by it; the layer memory model follows each tensor's liveness; a graph's
 * --no-head cuts at its last global pool.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { evaluateModel } from "../../src/evaluate/cost.js";
import { costGraph } from "../../src/evaluate/graph-cost.js";
import { costFixedGraph } from "../../src/evaluate/graph-model.js";
import type { TensorGraph } from "../../src/graph/graph.js";
import type { FixedGraph } from "../../src/model/schema.js";
import { peakMemory } from "../../src/evaluate/memory.js";
import { sweep } from "../../src/evaluate/sweep.js";
import { measureGraph } from "../../src/graph/cost.js";
import { inferTensors } from "../../src/graph/infer.js";
import { readOnnxFile } from "../../src/io/read-onnx.js";
import { loadModel } from "../../src/io/read-model-spec.js";
import type { ModelReadOptions } from "../../src/io/read-onnx-model.js";
import { type ConventionName, resolveConvention } from "../../src/model/conventions.js";
import { lowerGraph } from "../../src/model/onnx/lower.js";
import { encodeOnnx, type GraphSketch } from "../helpers/onnx.js";
import { refusalOf } from "../helpers/refusal.js";

const TORCHVISION = "test/fixtures/onnx/torchvision";
const ONE = { text: "1", value: 1 };
const dir = mkdtempSync(join(tmpdir(), "mbn-graph-model-"));
const write = (name: string, sketch: GraphSketch) => {
  const file = join(dir, name);
  writeFileSync(file, encodeOnnx(sketch));
  return file;
};

async function evaluate(
  path: string,
  convention: ConventionName = "torchvision",
  read: ModelReadOptions = {},
) {
  const model = await loadModel(path, process.cwd(), read);
  return evaluateModel(model, { alpha: ONE, convention: resolveConvention(convention) });
}

describe("rows", () => {
  test("are the nodes on the data path (a shape computation is not shown) and sum to the whole graph's totals", async () => {
    const file = `${TORCHVISION}/vit_b_16-b1-opset17.onnx`;
    const report = await evaluate(file, "fvcore");
    const graph = lowerGraph(await readOnnxFile(file));
    const all = costGraph(measureGraph(graph, inferTensors(graph)), resolveConvention("fvcore"));
    expect(report.totals).toEqual(all.totals);
    expect(report.rows.length).toBeLessThan(all.rows.length);
    expect(report.rows.some((r) => r.op === "Shape")).toBe(false);
    expect(report.rows.map((r) => r.index)).toEqual(report.rows.map((_, i) => i + 1));
    const sum = (pick: (r: (typeof report.rows)[number]) => bigint) =>
      report.rows.reduce((a, r) => a + pick(r), 0n);
    expect({ macs: sum((r) => r.macs), params: sum((r) => r.params) }).toEqual(report.totals);
  });

  test("say what each op is: its file's operator, and its kind's type (pointwise, depthwise, se, fc)", async () => {
    const report = await evaluate("test/fixtures/onnx/mobilenet-v3-small-opset17.onnx");
    const first = report.rows[0]!;
    expect([first.op, first.type, first.input, first.output]).toEqual([
      "Conv",
      "conv",
      [1, 3, 224, 224],
      [1, 16, 112, 112],
    ]);
    expect(first.outputSide).toBe(112);
    expect(new Set(report.rows.map((r) => r.type))).toEqual(
      new Set([
        "conv",
        "HardSwish",
        "depthwise",
        "se",
        "pointwise",
        "Relu",
        "Add",
        "GlobalAveragePool",
        "Flatten",
        "fc",
      ]),
    );
    expect(report.rows.filter((r) => r.type === "fc").map((r) => r.op)).toEqual(["Gemm", "Gemm"]);
    expect(report.rows.find((r) => r.op === "Flatten")!.outputSide).toBeUndefined();
  });
});

describe("the batch the file declares", () => {
  const models = ["alexnet", "resnet18", "mobilenet_v2", "squeezenet1_0", "vit_b_16"];

  test.each(models)(
    "%s: batch 4 counts four images' MACs, the same parameters; --per-image gives batch 1's",
    async (name) => {
      for (const convention of ["torchvision", "fvcore", "ptflops"] as const) {
        const one = await evaluate(`${TORCHVISION}/${name}-b1-opset17.onnx`, convention);
        const four = await evaluate(`${TORCHVISION}/${name}-b4-opset17.onnx`, convention);
        const perImage = await evaluate(`${TORCHVISION}/${name}-b4-opset17.onnx`, convention, {
          perImage: true,
        });
        expect([one.batch, four.batch, perImage.batch]).toEqual([1, 4, 4]);
        expect(four.totals).toEqual({ macs: 4n * one.totals.macs, params: one.totals.params });
        expect(perImage.totals).toEqual(one.totals);
        expect(perImage.perImage).toBe(true);
      }
    },
  );

  test("the notes say the batch, and what --per-image divides", async () => {
    const whole = await loadModel(`${TORCHVISION}/alexnet-b4-opset17.onnx`, process.cwd());
    expect(whole.spec.notes).toContain(
      "batch 4, as the file declares: every count is for 4 images (--per-image divides MACs by 4)",
    );
    const divided = await loadModel(`${TORCHVISION}/alexnet-b4-opset17.onnx`, process.cwd(), {
      perImage: true,
    });
    expect(divided.spec.notes?.join("\n")).toContain("MACs are per image (--per-image: divided by 4)");
  });

  test("--per-image refuses a graph whose work is not one per image (a batch folded into one map)", async () => {
    const file = write("folded-batch.onnx", {
      input: [4, 3, 8, 8],
      constants: { shape: { dims: [4], values: [1, 1, 1, 768] }, w: [1, 1, 1, 3] },
      nodes: [
        { op: "Reshape", in: ["input", "shape"], out: "r" },
        { op: "Conv", in: ["r", "w"], out: "y", name: "mix" },
      ],
    });
    expect((await evaluate(file, "paper")).totals.macs).toBe(3n * 766n);
    await expect(evaluate(file, "paper", { perImage: true })).rejects.toThrow(
      "folded-batch.onnx: --per-image: Conv 'mix' does 2298 MACs, not a multiple of the batch of 4; its work is not one per image",
    );
  });
});

describe("the layer memory model on a graph: each tensor lives from its writer to its last reader", () => {
  test("a residual: the block's input stays alive until the Add", async () => {
    const file = write("residual.onnx", {
      constants: { a: [8, 3, 1, 1], b: [8, 8, 1, 1] },
      input: [1, 3, 8, 8],
      nodes: [
        { op: "Conv", in: ["input", "a"], out: "x", name: "first" },
        { op: "Conv", in: ["x", "b"], out: "y", name: "second" },
        { op: "Add", in: ["x", "y"], out: "z", name: "sum" },
      ],
    });
    const { rows } = await evaluate(file, "paper");
    // first: input 192 + x 512; second: x + y (the input is dead); sum: x + y + z
    expect(peakMemory(rows, "layer")).toEqual({ model: "layer", elements: 3n * 512n, at: "sum" });
    expect(peakMemory(rows.slice(0, 2), "layer")).toEqual({ model: "layer", elements: 1024n, at: "second" });
  });
});

describe("weights", () => {
  test("a weight two convs read is counted once and listed as shared", async () => {
    const file = write("tied.onnx", {
      constants: { w: [3, 3, 1, 1] },
      nodes: [
        { op: "Conv", in: ["input", "w"], out: "x", name: "one" },
        { op: "Conv", in: ["x", "w"], out: "y", name: "two" },
      ],
    });
    const report = await evaluate(file, "paper");
    expect(report.totals.params).toBe(9n);
    expect(report.rows.map((r) => r.params)).toEqual([9n, 0n]);
    expect(report.shared).toEqual(new Map([["w", ["one", "two"]]]));
    const model = await loadModel(file, process.cwd());
    expect(model.spec.notes?.join("\n")).toContain("1 stored tensor is read as parameters by several nodes");
  });
});

describe("what a graph does not take", () => {
  test("--no-head cuts at the last global pool, not at a squeeze-and-excite's", async () => {
    const file = "test/fixtures/onnx/mobilenet-v3-small-opset17.onnx";
    const model = await loadModel(file, process.cwd());
    const all = evaluateModel(model, { alpha: ONE, convention: resolveConvention("torchvision") });
    const backbone = evaluateModel(model, {
      alpha: ONE,
      convention: { ...resolveConvention("torchvision"), head: false },
    });
    const pool = all.rows.findIndex((r) => r.op === "GlobalAveragePool" && r.type !== "se");
    expect(backbone.rows).toEqual(all.rows.slice(0, pool));
    expect(all.rows.slice(0, pool).some((r) => r.type === "se")).toBe(true);
  });

  test("α, depth, classes and input channels are the file's (its own classes and channels may be named)", async () => {
    const model = await loadModel(`${TORCHVISION}/alexnet-b1-opset17.onnx`, process.cwd());
    const convention = resolveConvention("paper");
    expect(refusalOf(() => evaluateModel(model, { alpha: { text: "0.5", value: 0.5 }, convention }))).toBe(
      "alexnet-b1-opset17.onnx: an ONNX graph's widths are fixed; --alpha takes 1 only",
    );
    expect(refusalOf(() => evaluateModel(model, { alpha: ONE, depth: 2, convention }))).toBe(
      "alexnet-b1-opset17.onnx: an ONNX graph's depth is fixed; --depth takes 1 only",
    );
    expect(
      refusalOf(() => evaluateModel(model, { alpha: ONE, convention: { ...convention, classes: 10 } })),
    ).toBe("alexnet-b1-opset17.onnx: an ONNX graph's classifier is fixed; --classes takes its 1000 only");
    expect(
      refusalOf(() => evaluateModel(model, { alpha: ONE, convention: { ...convention, channels: 1 } })),
    ).toBe("alexnet-b1-opset17.onnx: an ONNX graph's input is fixed; --channels takes its 3 only");
    const own = evaluateModel(model, {
      alpha: ONE,
      convention: { ...convention, classes: 1000, channels: 3 },
    });
    expect(own.totals).toEqual(evaluateModel(model, { alpha: ONE, convention }).totals);
  });
});

describe("sizes", () => {
  test("a dynamic input is counted at each side a sweep asks, as the main command counts it there", async () => {
    const model = await loadModel(
      "test/fixtures/onnx/mobilenet-v3-small-dynamic-opset17.onnx",
      process.cwd(),
    );
    const convention = resolveConvention("fvcore");
    const points = [
      ...sweep(
        model,
        { alphas: [ONE], depths: [ONE], resolutions: [96, 160, 224] },
        { convention, memoryModel: "layer" },
      ),
    ];
    for (const point of points) {
      const report = evaluateModel(model, { alpha: ONE, resolution: point.resolution, convention });
      expect([point.macs, point.params, point.peakActivations]).toEqual([
        report.totals.macs,
        report.totals.params,
        peakMemory(report.rows, "layer").elements,
      ]);
    }
    expect(points[0]!.macs).toBeLessThan(points[2]!.macs);
  });

  test("--resolution re-sizes a file that fixes its size, where its graph allows; a Reshape to fixed dims refuses, naming it", async () => {
    const v2 = await loadModel("test/fixtures/onnx/mobilenet-v2-opset17.onnx", process.cwd());
    const convention = resolveConvention("paper");
    const small = evaluateModel(v2, { alpha: ONE, resolution: 160, convention });
    expect(small.rows[0]!.input).toEqual([1, 3, 160, 160]);
    expect(small.resolution).toEqual({ height: 160, width: 160 });
    const alexnet = await loadModel(`${TORCHVISION}/alexnet-b1-opset17.onnx`, process.cwd());
    expect(refusalOf(() => evaluateModel(alexnet, { alpha: ONE, resolution: 64, convention }))).toMatch(
      /^alexnet-b1-opset17\.onnx: \w+ '[^']+': /,
    );
  });
});

describe("a row's fields", () => {
  const shapeArithmetic = () =>
    write("flatten-by-shape.onnx", {
      input: [1, 8, 4, 4],
      constants: {
        zero: { dims: [], values: [0] },
        minus1: { dims: [1], values: [-1] },
        axes: { dims: [1], values: [0] },
        w: [10, 128],
        b: [10],
      },
      nodes: [
        { op: "Shape", in: ["input"], out: "s" },
        { op: "Gather", in: ["s", "zero"], out: "n", attrs: { axis: { i: 0 } } },
        { op: "Unsqueeze", in: ["n", "axes"], out: "n1" },
        { op: "Concat", in: ["n1", "minus1"], out: "target", attrs: { axis: { i: 0 } } },
        { op: "Reshape", in: ["input", "target"], out: "flat" },
        { op: "Gemm", in: ["flat", "w", "b"], out: "logits", attrs: { transB: { i: 1 } } },
        { op: "Mul", in: ["logits", "logits"], out: "squared", name: "square" },
        { op: "Add", in: ["b", "squared"], out: "shifted" },
      ],
    });

  test("a shape computation is no row; a node reading a tensor twice reads it once; a stored first operand is not its input", async () => {
    const report = await evaluate(shapeArithmetic(), "ptflops");
    expect(report.rows.map((r) => [r.op, r.input, r.output, r.outputSide])).toEqual([
      ["Reshape", [1, 8, 4, 4], [1, 128], undefined],
      ["Gemm", [1, 128], [1, 10], undefined],
      ["Mul", [1, 10], [1, 10], undefined],
      ["Add", [1, 10], [1, 10], undefined],
    ]);
    const mul = report.rows[2]!;
    expect([mul.readElements, mul.tensors]).toEqual([
      10n,
      {
        reads: [{ name: "logits", elements: 10n, dtype: "float32" }],
        writes: [{ name: "squared", elements: 10n, dtype: "float32" }],
      },
    ]);
    expect(report.rows[1]!.readElements).toBe(128n);
    // the Gemm's weight, its bias; the bias is read again by the Add, counted once
    expect(report.rows.map((r) => r.paramParts)).toEqual([
      { weights: 0n, bias: 0n, bn: 0n },
      { weights: 1280n, bias: 10n, bn: 0n },
      { weights: 0n, bias: 0n, bn: 0n },
      { weights: 0n, bias: 0n, bn: 0n },
    ]);
    // a block is the exporter's scope; an unscoped node is a block of its own
    expect(report.rows.map((r) => [r.name, r.block])).toEqual([
      ["/n4/Reshape", "n4"],
      ["/n5/Gemm", "n5"],
      ["square", "square"],
      ["/n7/Add", "n7"],
    ]);
    expect(report.storedWeights).toEqual({ bytes: (1280n + 10n) * 4n, types: ["float32"] });
  });

  test("a map's side, and a pointwise conv's 1×1 flag (ShuffleNet V2's access cost) on the file's own rows", async () => {
    const report = await evaluate("test/fixtures/onnx/mobilenet-v2-opset17.onnx", "paper");
    const pointwise = report.rows.filter((r) => r.oneByOne);
    // 16 expansions, 17 projections and the last 1×1 conv to 1280
    expect(pointwise.length).toBe(34);
    expect(pointwise.every((r) => r.type === "pointwise" && r.op === "Conv")).toBe(true);
    expect(report.rows.filter((r) => r.op === "Conv").map((r) => r.outputSide)).toContain(7);
    expect(report.rows.every((r) => r.block.startsWith("features.") || !r.name.startsWith("/features"))).toBe(
      true,
    );
  });

  test("--no-head cuts at any pool that squeezes the map: a global average or max pool, a ReduceMean, an AveragePool", async () => {
    const pools: [string, Record<string, { ints: number[] } | { i: number }>, string[]][] = [
      ["GlobalAveragePool", {}, []],
      ["GlobalMaxPool", {}, []],
      ["ReduceMean", { axes: { ints: [2, 3] }, keepdims: { i: 1 } }, []],
      ["AveragePool", { kernel_shape: { ints: [8, 8] } }, []],
    ];
    for (const [op, attrs] of pools) {
      const file = write(`${op}.onnx`, {
        input: [1, 3, 8, 8],
        constants: { w: [4, 3, 1, 1], fc: [2, 4] },
        nodes: [
          { op: "Conv", in: ["input", "w"], out: "c" },
          { op, in: ["c"], out: "p", attrs },
          { op: "Flatten", in: ["p"], out: "f" },
          { op: "Gemm", in: ["f", "fc"], out: "y", attrs: { transB: { i: 1 } } },
        ],
      });
      const model = await loadModel(file, process.cwd());
      const cut = evaluateModel(model, {
        alpha: ONE,
        convention: { ...resolveConvention("paper"), head: false },
      });
      expect(
        cut.rows.map((r) => r.op),
        op,
      ).toEqual(["Conv"]);
    }
  });

  test("a graph without a classifier the tool can see takes no --classes", () => {
    const file = write("no-classifier.onnx", {
      input: [1, 3, 8, 8],
      constants: { w: [4, 3, 1, 1] },
      nodes: [{ op: "Conv", in: ["input", "w"], out: "y" }],
    });
    return loadModel(file, process.cwd()).then((model) =>
      expect(
        refusalOf(() =>
          evaluateModel(model, { alpha: ONE, convention: { ...resolveConvention("paper"), classes: 10 } }),
        ),
      ).toBe(
        "no-classifier.onnx: an ONNX graph's classifier is fixed; --classes takes no value (it has none the tool can see)",
      ),
    );
  });

  test("--no-head on a graph without a global pool is refused", async () => {
    const model = await loadModel(shapeArithmetic(), process.cwd());
    expect(
      refusalOf(() =>
        evaluateModel(model, { alpha: ONE, convention: { ...resolveConvention("paper"), head: false } }),
      ),
    ).toBe("flatten-by-shape.onnx: --no-head cuts at the last global pool, and this graph has none");
  });

  test("--per-image divides each kind of work as it divides the MACs", async () => {
    const file = `${TORCHVISION}/resnet18-b4-opset17.onnx`;
    const whole = await evaluate(file, "ptflops");
    const divided = await evaluate(file, "ptflops", { perImage: true });
    for (const [i, row] of whole.rows.entries()) {
      const per = divided.rows[i]!;
      expect(per.weightMacs * 4n).toBe(row.weightMacs);
      for (const [category, elements] of Object.entries(row.work))
        expect(per.work[category as keyof typeof per.work]! * 4n, category).toBe(elements);
    }
  });
});

describe("a graph given in-process (the library)", () => {
  test("a node without a name is named by its operator and place", () => {
    const graph: TensorGraph = {
      inputs: new Map([["x", { dims: [1, 4], dtype: "float32" }]]),
      initializers: new Map(),
      nodes: [{ name: "", op: "Relu", kind: "unary", attrs: { op: "Relu" }, inputs: ["x"], outputs: ["y"] }],
    };
    const fixed: FixedGraph = { format: "ONNX", file: "inline", lower: () => graph };
    const { rows } = costFixedGraph(fixed, { height: 1, width: 1 }, resolveConvention("ptflops"));
    expect(rows.map((r) => [r.name, r.block, r.macs])).toEqual([["Relu_1", "Relu_1", 8n]]);
  });
});
