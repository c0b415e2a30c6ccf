/**
 * timm's mobile models, exported to ONNX (test/fixtures/onnx/timm, made by scripts/export-timm-graphs.py;
 * the manifest records timm's version and commit, torch's and onnx's), count exactly under -c timm:
 * parameters = timm's sum(p.numel()) over the parameters the forward uses, MACs = the convolution,
 * linear and matrix-product calls torch dispatches (the timm convention's rule); and every tensor's dims
 * are onnx's own shape inference's. TF-style "same" padding, which timm's tf_ models compute from the
 * input's size at run time, is followed through its float arithmetic.
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { evaluateModel } from "../../src/evaluate/cost.js";
import { inferTensors } from "../../src/graph/infer.js";
import { readOnnxFile } from "../../src/io/read-onnx.js";
import { loadModel } from "../../src/io/read-model-spec.js";
import { resolveConvention } from "../../src/model/conventions.js";
import { lowerGraph } from "../../src/model/onnx/lower.js";

const DIR = "test/fixtures/onnx/timm";
const manifest = JSON.parse(readFileSync(`${DIR}/manifest.json`, "utf8")) as {
  timm: string;
  timm_commit: string;
  onnx: string;
  models: Record<string, { file: string; params: number; params_used: number; macs: number }>;
};

/**
 * Where the file does not hold the model's parameters as timm keeps them, our count is the file's, and
 * the difference is pinned with its reason: EfficientFormer's convs with a bias before a BatchNorm are
 * folded with it into one conv with one bias, so each conv's own bias (15,960 values) is not in the file.
 */
const STORED_OTHERWISE: Readonly<Record<string, number>> = { efficientformer_l1: -15960 };

const ONE = { text: "1", value: 1 };

describe.each(Object.entries(manifest.models))(
  `timm ${manifest.timm} (${manifest.timm_commit.slice(0, 7)}): %s`,
  (name, entry) => {
    test("-c timm: parameters and MACs as timm and torch count them", async () => {
      const model = await loadModel(`${DIR}/${entry.file}`, process.cwd());
      const { totals } = evaluateModel(model, { alpha: ONE, convention: resolveConvention("timm") });
      expect(totals).toEqual({
        macs: BigInt(entry.macs),
        params: BigInt(entry.params_used + (STORED_OTHERWISE[name] ?? 0)),
      });
    });

    test(`every tensor's dims = onnx ${manifest.onnx}'s shape inference`, async () => {
      const tensors = inferTensors(lowerGraph(await readOnnxFile(`${DIR}/${entry.file}`)));
      const expected = JSON.parse(
        gunzipSync(readFileSync(`${DIR}/shapes/${name}.json.gz`)).toString("utf8"),
      ) as Record<string, number[]>;
      const differing = Object.entries(expected)
        .filter(
          ([tensor, dims]) => tensors.has(tensor) && tensors.get(tensor)!.dims.join("×") !== dims.join("×"),
        )
        .map(
          ([tensor, dims]) =>
            `${tensor}: onnx ${dims.join("×")}, ours ${tensors.get(tensor)!.dims.join("×")}`,
        );
      expect(differing).toEqual([]);
      expect(tensors.get("logits")?.dims).toEqual([1, 1000]);
    });
  },
);
