/**
 * The tensor-graph engine counts the MobileNet-family exports as the layer-kind mapping it replaces
 * does, under every convention: the mapping's counts are pinned to the peer tools' own (test/onnx).
 */
import { readdirSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { costNetwork } from "../../src/evaluate/cost.js";
import { costGraph } from "../../src/evaluate/graph-cost.js";
import { measureGraph } from "../../src/graph/cost.js";
import { inferTensors } from "../../src/graph/infer.js";
import { readOnnxFile } from "../../src/io/read-onnx.js";
import { loadModel } from "../../src/io/read-model-spec.js";
import { buildNetwork } from "../../src/model/build.js";
import { CONVENTION_NAMES, resolveConvention } from "../../src/model/conventions.js";
import { lowerGraph } from "../../src/model/onnx/lower.js";

const DIR = "test/fixtures/onnx";
const files = readdirSync(DIR).filter((f) => f.endsWith(".onnx") && !f.includes("dynamic"));

describe("engine totals = the layer-kind mapping's, on every MobileNet-family export", () => {
  test.each(CONVENTION_NAMES)("%s", async (name) => {
    const convention = resolveConvention(name);
    const differing: string[] = [];
    for (const file of files) {
      const model = await loadModel(`${DIR}/${file}`, process.cwd());
      const side = model.spec.input.resolution;
      const r = model.spec.graph?.resolution ?? { height: side, width: side };
      const input = [r.height, r.width, model.spec.input.channels] as const;
      const old = costNetwork(buildNetwork(model.spec, 1, convention, 1), input, convention).totals;
      const graph = lowerGraph(await readOnnxFile(`${DIR}/${file}`));
      const ours = costGraph(measureGraph(graph, inferTensors(graph)), convention).totals;
      if (ours.macs !== old.macs || ours.params !== old.params)
        differing.push(`${file}: MACs ${ours.macs} vs ${old.macs}, params ${ours.params} vs ${old.params}`);
    }
    expect(differing).toEqual([]);
  });
});
