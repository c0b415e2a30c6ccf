/**
 * Graphs as converters write them (test/fixtures/onnx/converter, scripts/make-converter-graphs.py):
 * every tensor's dims equal onnx's shape inference, and the counts equal the formulas by hand.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { evaluateModel } from "../../src/evaluate/cost.js";
import { costGraph } from "../../src/evaluate/graph-cost.js";
import { measureGraph } from "../../src/graph/cost.js";
import { inferTensors } from "../../src/graph/infer.js";
import { readOnnxFile } from "../../src/io/read-onnx.js";
import { loadModel } from "../../src/io/read-model-spec.js";
import { type ConventionName, resolveConvention } from "../../src/model/conventions.js";
import { lowerGraph } from "../../src/model/onnx/lower.js";

const DIR = "test/fixtures/onnx/converter";
const manifest = JSON.parse(readFileSync(`${DIR}/manifest.json`, "utf8")) as {
  onnx: string;
  files: Record<string, { shapes: Record<string, number[]> }>;
};

async function counted(file: string, convention: ConventionName) {
  const graph = lowerGraph(await readOnnxFile(`${DIR}/${file}`));
  const tensors = inferTensors(graph);
  return { tensors, totals: costGraph(measureGraph(graph, tensors), resolveConvention(convention)).totals };
}

describe(`converter-style graphs: shapes = onnx ${manifest.onnx}'s`, () => {
  test.each(Object.keys(manifest.files))("%s", async (file) => {
    const { tensors } = await counted(file, "torchvision");
    for (const [name, dims] of Object.entries(manifest.files[file]!.shapes))
      expect(tensors.get(name)?.dims, name).toEqual(dims);
  });
});

describe("converter-style graphs: counts by hand", () => {
  // NHWC 96×96×3 → Transpose → Pad (bottom, right) → conv 3×3/2 valid → 48², Clip(0, 6);
  // depthwise 3×3/2 SAME_UPPER → 24²; pointwise 16 → 32; ReduceMean over H, W; MatMul 32 → 10 + Add
  const conv1 = 16n * 3n * 9n * 48n * 48n;
  const dw = 16n * 9n * 24n * 24n;
  const pw = 32n * 16n * 24n * 24n;
  const fc = 32n * 10n;
  test("NHWC input, explicit Pad, auto_pad, Clip as ReLU6, MatMul + Add: torchvision counts the products, every parameter", async () => {
    expect((await counted("nhwc.onnx", "torchvision")).totals).toEqual({
      macs: conv1 + dw + pw + fc,
      params: 16n * 27n + 16n + (16n * 9n + 16n) + (32n * 16n + 32n) + (320n + 10n),
    });
  });
  test("the paper's convention: weights only (biases, the Add's included, left out)", async () => {
    expect((await counted("nhwc.onnx", "paper")).totals.params).toBe(16n * 27n + 16n * 9n + 32n * 16n + 320n);
  });
  test("ptflops adds each bias once per output element, ReLU6 once, ReLU twice and the softmax once; x.mean is counted by no tool", async () => {
    const biases = 16n * 48n * 48n + 16n * 24n * 24n + 32n * 24n * 24n + 10n;
    const activations = 16n * 48n * 48n * 1n + 16n * 24n * 24n * 2n;
    const softmax = 10n;
    expect((await counted("nhwc.onnx", "ptflops")).totals.macs).toBe(
      conv1 + dw + pw + fc + biases + activations + softmax,
    );
  });
  test("an old exporter's graph (opset 10, Clip bounds as attributes, initializers listed as inputs, nodes stored backwards)", async () => {
    // conv 3×3/2 pads 1 on 65² → 33²; MaxPool 3×3/2 padded at the end → 16²; global pool; Gemm 8 → 5
    const { totals } = await counted("old-exporter.onnx", "torchvision");
    expect(totals).toEqual({ macs: 8n * 27n * 33n * 33n + 8n * 5n, params: 8n * 27n + 40n + 5n });
    // ptflops: ReLU6 once per element, max pooling twice per input element (module and functional), the pool twice, the Gemm's bias once
    const ptflops = await counted("old-exporter.onnx", "ptflops");
    expect(ptflops.totals.macs).toBe(
      totals.macs + 8n * 33n * 33n + 2n * 8n * 33n * 33n + 2n * 8n * 16n * 16n + 5n,
    );
  });
});

describe("a quantized graph (QuantizeLinear, QLinearConv with int8 weights and an int32 bias, DequantizeLinear)", () => {
  test("element types follow the quantizers; the conv's products and its int8 weights and int32 bias count", async () => {
    const { tensors, totals } = await counted("quantized.onnx", "torchvision");
    expect([tensors.get("q")?.dtype, tensors.get("qc")?.dtype, tensors.get("logits")?.dtype]).toEqual([
      "int8",
      "int8",
      "float32",
    ]);
    // the zero points' raw int8 values are read
    expect(tensors.get("yz")?.values).toEqual([-2]);
    expect(totals).toEqual({ macs: 8n * 3n * 9n * 16n * 16n, params: 8n * 27n + 8n });
  });
  test("its weights as stored: one byte per int8 weight, four per int32 bias", async () => {
    const model = await loadModel(`${DIR}/quantized.onnx`, process.cwd());
    const report = evaluateModel(model, {
      alpha: { text: "1", value: 1 },
      convention: resolveConvention("paper"),
    });
    expect(report.storedWeights).toEqual({ bytes: 8n * 27n * 1n + 8n * 4n, types: ["int8", "int32"] });
  });
});
