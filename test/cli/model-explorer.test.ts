/**
 * --format model-explorer: the node data Model Explorer's overlay loads (google-ai-edge/model-explorer,
 * NodeDataProviderGraphData in src/ui/src/components/visualizer/common/types.ts), keyed by ids that
 * exist in the graph: an ONNX node's name (the ONNX adapter's node ids), a TFLite operator's output
 * tensor (the built-in adapter's tensor_name of a node's output).
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import * as z from "zod";
import { readOnnxFile } from "../../src/io/read-onnx.js";
import { decodeTfliteModel } from "../../src/io/tflite-decoder.js";
import { runCli } from "../helpers/io.js";

/** The documented schema of a node data file for one graph, as the loader reads it. */
const graphNodeData = z.strictObject({
  name: z.string(),
  results: z.record(
    z.string(),
    z.strictObject({ value: z.union([z.number(), z.string()]), bgColor: z.string().optional() }),
  ),
  gradient: z.array(z.strictObject({ stop: z.number().min(0).max(1), bgColor: z.string() })).optional(),
});

async function nodeData(args: string[]) {
  const r = await runCli([...args, "--format", "model-explorer"]);
  expect(r.code, r.err).toBe(0);
  return graphNodeData.parse(JSON.parse(r.out));
}

const totalMacs = async (args: string[]) =>
  BigInt(JSON.parse((await runCli([...args, "--format", "json"])).out).totals.macs);

describe("--format model-explorer", () => {
  test.each([
    "test/fixtures/onnx/torchvision/mobilenet_v2-b1-opset17.onnx",
    "test/fixtures/onnx/torchvision/resnet18-b1-opset17.onnx",
    "test/fixtures/onnx/mobilenetv4-hybrid-medium-timm-opset17.onnx",
  ])(
    "%s: every key is a node of the graph (the ONNX adapter's ids), the MACs add up to the total",
    async (file) => {
      const data = await nodeData([file]);
      const ids = new Set((await readOnnxFile(file)).nodes.map((n) => n.source ?? n.name));
      const keys = Object.keys(data.results);
      expect(keys.length).toBeGreaterThan(10);
      for (const key of keys) expect(ids.has(key), key).toBe(true);
      const sum = Object.values(data.results).reduce((s, r) => s + BigInt(r.value as number), 0n);
      expect(sum).toBe(await totalMacs([file]));
      expect(data.gradient?.map((g) => g.stop)).toEqual([0, 0.5, 1]);
    },
  );

  test("person_detect.tflite: every key is an operator's output tensor (the adapter's tensor_name); a fused activation adds to its operator", async () => {
    const file = "test/fixtures/tflite/person_detect.tflite";
    const data = await nodeData([file]);
    const model = decodeTfliteModel(new Uint8Array(readFileSync(file)), file);
    const g = model.subgraphs[0]!;
    const outputs = new Set(g.operators.map((op) => g.tensors[op.outputs[0]!]!.name));
    const keys = Object.keys(data.results);
    expect(keys).toHaveLength(g.operators.length);
    for (const key of keys) expect(outputs.has(key), key).toBe(true);
    const sum = Object.values(data.results).reduce((s, r) => s + BigInt(r.value as number), 0n);
    expect(sum).toBe(await totalMacs([file]));
  });

  test("on hardware: bytes, the latency of a calibrated device, and the bound as a coloured label", async () => {
    const file = "test/fixtures/onnx/mobilenet-v2-opset17.onnx";
    const hw = [file, "--hardware", "pixel3-cpu-fp32"];
    const latency = await nodeData([...hw, "--node-data", "latency"]);
    expect(latency.name).toBe("mbn-cost latency (ms)");
    expect(Object.values(latency.results).every((r) => typeof r.value === "number" && r.value >= 0)).toBe(
      true,
    );
    const bound = await nodeData([...hw, "--node-data", "bound"]);
    expect(new Set(Object.values(bound.results).map((r) => `${r.value} ${r.bgColor}`))).toEqual(
      new Set(["memory #f4a261", "compute #2a9d8f"]),
    );
    expect(bound.gradient).toBeUndefined();
    expect((await nodeData([...hw, "--node-data", "bytes"])).name).toBe("mbn-cost bytes moved");
  });

  test("--out x.me.json chooses it; a built-in (no graph file) and a metric without its hardware are refused in one line", async () => {
    const out = await runCli(["test/fixtures/tflite/person_detect.tflite", "--out", "costs.me.json"]);
    expect(out.code, out.err).toBe(0);
    expect(JSON.parse(out.files.get("costs.me.json")!).name).toBe("mbn-cost MACs");
    for (const args of [
      ["v2", "--format", "model-explorer"],
      ["test/fixtures/tflite/person_detect.tflite", "-f", "model-explorer", "--node-data", "latency"],
    ]) {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.err.trim().split("\n")).toHaveLength(1);
    }
  });
});
