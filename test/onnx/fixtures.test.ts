/**
 * ONNX files exported from torchvision and timm (test/fixtures/onnx, made by
 * scripts/export-onnx.py with torch.onnx.export; the manifest records torch's
 * and timm's versions and each export call) count exactly as the built-in
 * models under every convention that reads torchvision's or timm's modules.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { evaluateModel } from "../../src/evaluate/cost.js";
import { decodeOnnxModel } from "../../src/io/onnx-decoder.js";
import { loadModel } from "../../src/io/read-model-spec.js";
import { CONVENTION_NAMES, type ConventionName, resolveConvention } from "../../src/model/conventions.js";
import { parseConfiguration } from "../../src/model/configuration.js";

const DIR = new URL("../fixtures/onnx/", import.meta.url);
const manifest = JSON.parse(readFileSync(new URL("manifest.json", DIR), "utf8")) as {
  torch: string;
  files: { file: string; model: string; opset: number; batchnorm: string; dynamic_axes?: string }[];
};
const path = (file: string) => new URL(file, DIR).pathname;
const ONE = parseConfiguration("v2").alpha;

/** Every preset but tf-slim, whose background class a fixed classifier does not take (tested on its own below). */
const CONVENTIONS = CONVENTION_NAMES.filter((c) => c !== "tf-slim");

async function totals(ref: string, convention: ConventionName, resolution?: number) {
  const spec = parseConfiguration(ref);
  const model = await loadModel(spec.model, process.cwd());
  const r = evaluateModel(model, {
    alpha: spec.alpha,
    convention: resolveConvention(convention),
    ...(resolution !== undefined && { resolution: { height: resolution, width: resolution } }),
  });
  return { params: r.totals.params, macs: r.totals.macs, rows: r.rows };
}

describe(`ONNX exports of torchvision's models (torch ${manifest.torch})`, () => {
  test("the manifest covers V2 at two widths, V3-Large, V3-Small, MnasNet and EfficientNet-B0 at opsets 11 and 17", () => {
    const pairs = manifest.files.map((f) => `${f.model}:${f.opset}`);
    for (const model of ["v2", "v2@0.5", "v3-large", "v3-small", "mnasnet", "efficientnet-b0"])
      for (const opset of [11, 17]) expect(pairs).toContain(`${model}:${opset}`);
    // and at opset 17 torchvision's EfficientNetV2-S (at 384) and timm's MobileNetV4s, two with attention
    for (const model of ["efficientnet-v2-s", "mnv4-conv-s", "mnv4-hybrid-m", "mnv4-hybrid-l"])
      expect(pairs).toContain(`${model}:17`);
  });

  for (const { file, model } of manifest.files)
    for (const convention of CONVENTIONS)
      test(`${file} under ${convention}: the totals of built-in ${model}`, async () => {
        const [onnx, builtin] = await Promise.all([
          totals(path(file), convention),
          totals(model, convention),
        ]);
        expect({ params: onnx.params, macs: onnx.macs }).toEqual({
          params: builtin.params,
          macs: builtin.macs,
        });
      });

  test("tf-slim: the file's 1000-class classifier stays (no background class is added to a fixed graph)", async () => {
    const file = path("mobilenet-v2-opset17.onnx");
    const model = await loadModel(file, process.cwd());
    const onnx = evaluateModel(model, { alpha: ONE, convention: resolveConvention("tf-slim") });
    const builtin = evaluateModel(await loadModel("v2", process.cwd()), {
      alpha: ONE,
      convention: resolveConvention("tf-slim", { classes: 1000 }),
    });
    expect(onnx.totals).toEqual(builtin.totals);
  });

  test("per-layer names are the ONNX node names, in the file's order", async () => {
    const file = path("mobilenet-v3-small-opset17.onnx");
    const graph = decodeOnnxModel(readFileSync(file)).graph!;
    const nodeNames = graph.node.map((n) => n.name);
    const { rows } = await totals(file, "torchvision");
    const rowNames = rows.map((r) => r.name);
    for (const name of rowNames) expect(nodeNames).toContain(name);
    expect(rowNames).toEqual(nodeNames.filter((n) => rowNames.includes(n)));
    // every Conv and Gemm is a row of its own
    const weighted = graph.node.filter((n) => n.opType === "Conv" || n.opType === "Gemm").map((n) => n.name);
    expect(rowNames.filter((n) => weighted.includes(n))).toEqual(weighted);
  });

  test("a BN-folded export counts its convs as conv + BatchNorm and says so; a BN-kept export counts the same", async () => {
    const folded = await loadModel(path("mobilenet-v2-opset17.onnx"), process.cwd());
    const kept = await loadModel(path("mobilenet-v2-batchnorm-opset17.onnx"), process.cwd());
    expect(folded.spec.notes?.join("\n")).toMatch(/52 convs hold a folded BatchNorm .* conv \+ BN/);
    expect(kept.spec.notes?.join("\n")).not.toMatch(/folded BatchNorm/);
    const convention = resolveConvention("torchvision");
    const a = evaluateModel(folded, { alpha: ONE, convention });
    const b = evaluateModel(kept, { alpha: ONE, convention });
    expect(a.totals).toEqual(b.totals);
    expect(a.rows.filter((r) => r.work.bn !== undefined).length).toBe(52);
    expect(a.rows.filter((r) => r.work.bias !== undefined).map((r) => r.op)).toEqual(["Gemm"]);
  });

  test("a dynamic input is counted at --resolution, and says so", async () => {
    const file = path("mobilenet-v3-small-dynamic-opset17.onnx");
    const model = await loadModel(file, process.cwd());
    expect(model.spec.notes?.join("\n")).toMatch(/dynamic: counted at --resolution \(default 224\)/);
    for (const side of [160, 224, 331]) {
      const [onnx, builtin] = await Promise.all([
        totals(file, "torchvision", side),
        totals("v3-small", "torchvision", side),
      ]);
      expect(onnx.macs).toBe(builtin.macs);
    }
  });

  test("squeeze-and-excite and layer types break down as the built-in's do", async () => {
    const byType = (rows: Awaited<ReturnType<typeof totals>>["rows"]) => {
      const sums = new Map<string, bigint>();
      for (const r of rows) sums.set(r.type, (sums.get(r.type) ?? 0n) + r.macs + r.params);
      return Object.fromEntries([...sums].filter(([, v]) => v > 0n).sort());
    };
    for (const [file, model] of [
      ["mobilenet-v3-large-opset17.onnx", "v3-large"],
      ["efficientnet-b0-opset11.onnx", "efficientnet-b0"],
    ] as const) {
      const [onnx, builtin] = await Promise.all([
        totals(path(file), "torchvision"),
        totals(model, "torchvision"),
      ]);
      expect(byType(onnx.rows)).toEqual(byType(builtin.rows));
    }
  });
});
