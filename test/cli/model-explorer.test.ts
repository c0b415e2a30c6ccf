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
import { BUILTIN_MODELS } from "../../src/model/builtin.js";
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

/** Model Explorer's graph collection (input_graph.ts GraphCollection, Graph, GraphNode, IncomingEdge). */
const graphCollection = z.object({
  label: z.string(),
  graphs: z
    .array(
      z.object({
        id: z.string(),
        nodes: z.array(
          z.object({
            id: z.string(),
            label: z.string(),
            namespace: z.string(),
            incomingEdges: z.array(
              z.strictObject({
                sourceNodeId: z.string(),
                sourceNodeOutputId: z.string(),
                targetNodeInputId: z.string(),
              }),
            ),
            outputsMetadata: z.array(
              z.object({ id: z.string(), attrs: z.array(z.object({ key: z.string(), value: z.string() })) }),
            ),
          }),
        ),
      }),
    )
    .length(1),
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

  test.each(BUILTIN_MODELS.map((m) => m.id))(
    "built-in %s: a graph Model Explorer opens (a node per layer, an edge per tensor read) and node data keyed by its nodes",
    async (model) => {
      const r = await runCli([model, "--format", "model-explorer-graph"]);
      expect(r.code, r.err).toBe(0);
      const collection = graphCollection.parse(JSON.parse(r.out));
      const nodes = collection.graphs[0]!.nodes;
      const ids = new Set(nodes.map((n) => n.id));
      expect(ids.size).toBe(nodes.length);
      for (const node of nodes)
        for (const edge of node.incomingEdges)
          expect(ids.has(edge.sourceNodeId), `${node.id} ← ${edge.sourceNodeId}`).toBe(true);
      const data = await nodeData([model]);
      for (const key of Object.keys(data.results)) expect(ids.has(key), key).toBe(true);
      expect(Object.keys(data.results).length).toBe(nodes.length - 1);
    },
  );

  test("V2's residual adds read two layers; a squeeze-excite scale in V3 reads its block's depthwise and its gate", async () => {
    const nodes = async (model: string) =>
      graphCollection.parse(JSON.parse((await runCli([model, "-f", "model-explorer-graph"])).out)).graphs[0]!
        .nodes;
    const v2 = await nodes("v2");
    expect(
      v2
        .find((n) => n.id === "ir_3/add")
        ?.incomingEdges.map((e) => e.sourceNodeId)
        .sort(),
    ).toEqual(["ir_2/project", "ir_3/project"]);
    expect((await nodes("v3-large")).filter((n) => n.incomingEdges.length === 2).length).toBeGreaterThan(10);
  });

  test("--out x.me.json chooses it; a graph file has no graph to export, and a metric without its hardware is refused, in one line", async () => {
    const out = await runCli(["test/fixtures/tflite/person_detect.tflite", "--out", "costs.me.json"]);
    expect(out.code, out.err).toBe(0);
    expect(JSON.parse(out.files.get("costs.me.json")!).name).toBe("mbn-cost MACs");
    for (const args of [
      ["test/fixtures/tflite/person_detect.tflite", "--format", "model-explorer-graph"],
      ["compare", "v1", "v2", "--format", "model-explorer"],
      ["test/fixtures/tflite/person_detect.tflite", "-f", "model-explorer", "--node-data", "latency"],
    ]) {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.err.trim().split("\n")).toHaveLength(1);
    }
  });
});
