/**
 * The engine's shapes equal onnx's own shape inference on every tensor of real exports: torchvision's
 * classification models at opsets 11, 13 and 17, batch 1 and 4, with and without weights
 * (test/fixtures/onnx/torchvision, made by scripts/export-torchvision-graphs.py, which records onnx's
 * answers; the versions are in its manifest).
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { costGraph, type GraphCost } from "../../src/evaluate/graph-cost.js";
import { measureGraph } from "../../src/graph/cost.js";
import type { TensorGraph } from "../../src/graph/graph.js";
import type { Tensor } from "../../src/graph/tensor.js";
import { inferTensors } from "../../src/graph/infer.js";
import { readOnnxFile } from "../../src/io/read-onnx.js";
import { resolveConvention } from "../../src/model/conventions.js";
import { lowerGraph } from "../../src/model/onnx/lower.js";
import { STORED_OTHERWISE } from "../helpers/stored-otherwise.js";

/** The torchvision convention: sum(p.numel()) for parameters, conv, linear and matmul calls for MACs. */
const torchvision = resolveConvention("torchvision");

const DIR = "test/fixtures/onnx/torchvision";
interface Entry {
  readonly file?: string;
  readonly model: string;
  readonly batch: number;
  readonly opset: number;
  readonly weights: boolean;
  readonly input?: readonly number[];
  readonly not_exported?: string;
}
const manifest = JSON.parse(readFileSync(`${DIR}/manifest.json`, "utf8")) as {
  files: Entry[];
  onnx: string;
  torch: string;
  params: Record<string, number>;
  params_used?: Record<string, number>;
};
const dispatch = JSON.parse(readFileSync(`${DIR}/macs-dispatch.json`, "utf8")) as {
  by: string;
  models: Record<string, Record<string, number>>;
};

const exported = manifest.files.filter((f): f is Entry & { file: string } => f.file !== undefined);

const withMacs = (model: string) => dispatch.models[model] !== undefined;

describe.each(exported.map((f) => [f.file, f] as const))("%s", (file, entry) => {
  let counted: { graph: TensorGraph; tensors: ReadonlyMap<string, Tensor>; cost: GraphCost } | undefined;
  beforeAll(async () => {
    const graph = lowerGraph(await readOnnxFile(`${DIR}/${file}`));
    const tensors = inferTensors(graph);
    counted = { graph, tensors, cost: costGraph(measureGraph(graph, tensors), torchvision) };
  });
  afterAll(() => {
    counted = undefined;
  });

  test(`every tensor's dims = onnx ${manifest.onnx}'s shape inference`, () => {
    const { graph, tensors } = counted!;
    const shapes = readFileSync(`${DIR}/shapes/${file.replace(/\.onnx$/, ".json.gz")}`);
    const expected = JSON.parse(gunzipSync(shapes).toString("utf8")) as Record<string, number[]>;
    const differing = Object.entries(expected)
      .filter(([name, dims]) => tensors.has(name) && tensors.get(name)!.dims.join("×") !== dims.join("×"))
      .map(([name, dims]) => `${name}: onnx ${dims.join("×")}, ours ${tensors.get(name)!.dims.join("×")}`);
    expect(differing).toEqual([]);
    for (const node of graph.nodes)
      for (const output of node.outputs) if (output !== "") expect(tensors.has(output), output).toBe(true);
    expect(tensors.get("logits")?.dims).toEqual([entry.batch, 1000]);
  });

  test(`parameters = torch ${manifest.torch}'s sum(p.numel()) over the parameters the forward uses`, () => {
    const used = manifest.params_used?.[entry.model] ?? manifest.params[entry.model]!;
    const extra = STORED_OTHERWISE[entry.model] ?? 0;
    expect(counted!.cost.totals.params).toBe(BigInt(used + extra));
  });

  test.runIf(withMacs(entry.model))(
    `MACs under -c torchvision (conv, linear and matmul calls) = ${dispatch.by}`,
    () => {
      expect(counted!.cost.totals.macs).toBe(BigInt(dispatch.models[entry.model]![`${entry.batch}`]!));
    },
  );
});
