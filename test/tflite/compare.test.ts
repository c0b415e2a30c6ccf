/**
 * A TFLite file converted from a built-in architecture (tflite-micro's person detector: MobileNetV1 at
 * α 0.25, 96×96×1, 2 classes) counts as the built-in does at that width, input and classifier; its
 * parameters are the built-in's with each BatchNorm folded into its conv, and compare says so.
 */
import { describe, expect, test } from "vitest";
import { runCli, unwrapped } from "../helpers/io.js";
import { compareReports, foldedNormParams } from "../../src/evaluate/compare.js";
import { evaluateModel } from "../../src/evaluate/cost.js";
import { loadModel } from "../../src/io/read-model-spec.js";
import { type ConventionName, resolveConvention } from "../../src/model/conventions.js";
import { parseConfiguration } from "../../src/model/configuration.js";
import { breakdown } from "../../src/evaluate/breakdown.js";
import { roofline } from "../../src/evaluate/roofline.js";
import { sweep } from "../../src/evaluate/sweep.js";
import { BUILTIN_HARDWARE } from "../../src/published/hardware.js";

const FILE = "test/fixtures/tflite/person_detect.tflite";
const ONE = { text: "1", value: 1 };

async function both(name: ConventionName) {
  const convention = resolveConvention(name, { channels: 1, classes: 2 });
  const v1 = parseConfiguration("v1@0.25/96");
  const builtin = evaluateModel(await loadModel(v1.model, process.cwd()), {
    alpha: v1.alpha,
    resolution: v1.resolution!,
    convention,
  });
  const file = evaluateModel(await loadModel(FILE, process.cwd()), { alpha: ONE, convention });
  return { builtin, file };
}

describe("person_detect.tflite beside v1@0.25/96 --channels 1 --classes 2", () => {
  for (const name of ["paper", "torchvision"] as const)
    test(`under ${name}: the same MACs, layer type by layer type`, async () => {
      const { builtin, file } = await both(name);
      expect(file.totals.macs).toBe(builtin.totals.macs);
      const byType = (rows: typeof file.rows) => {
        const sums: Record<string, bigint> = {};
        for (const r of rows) if (r.macs > 0n) sums[r.type] = (sums[r.type] ?? 0n) + r.macs;
        return sums;
      };
      // the classifier is a 1×1 conv in the file and an FC in the built-in; the first conv, of one input channel, is a full conv in both
      const { fc, pointwise, ...builtinRest } = byType(builtin.rows);
      const { pointwise: filePointwise, ...fileRest } = byType(file.rows);
      expect(fileRest).toEqual(builtinRest);
      expect(filePointwise).toBe(pointwise! + fc!);
    });

  test("weights alone (paper) are the same; with biases and BatchNorm (torchvision) the file's are the built-in's folded", async () => {
    const paper = await both("paper");
    expect(paper.file.totals.params).toBe(paper.builtin.totals.params);
    const tv = await both("torchvision");
    expect(tv.file.totals.params).not.toBe(tv.builtin.totals.params);
    expect(foldedNormParams(tv.builtin)).toBe(tv.file.totals.params);
    expect(compareReports([tv.builtin, tv.file]).foldedNorms).toEqual([
      { graph: 1, builtin: 0, counted: tv.builtin.totals.params, folded: tv.file.totals.params },
    ]);
    expect(compareReports([paper.builtin, paper.file]).foldedNorms).toEqual([]);
  });

  test("compare says so", async () => {
    const r = await runCli([
      "compare",
      "v1@0.25/96",
      FILE,
      "--channels",
      "1",
      "--classes",
      "2",
      "-c",
      "torchvision",
    ]);
    expect(r.code).toBe(0);
    expect(unwrapped(r.out)).toContain(
      `note: ${FILE} holds 210,706 parameters, v1@0.25/96 counts 213,442 under this convention: the same network with each BatchNorm folded into its conv as a converter folds it (γ into the weights, β into one bias per output channel) has 210,706, the file's exactly.`,
    );
  });

  test("--channels sets a built-in's input: the first conv reads one channel; 0 is refused", async () => {
    const gray = await runCli(["v1", "--channels", "1", "-f", "json"]);
    const rgb = await runCli(["v1", "-f", "json"]);
    const firstParams = (out: string) => JSON.parse(out).layers[0].params;
    expect([firstParams(gray.out), firstParams(rgb.out)]).toEqual([3 * 3 * 1 * 32, 3 * 3 * 3 * 32]);
    const zero = await runCli(["v1", "--channels", "0"]);
    expect([zero.code, zero.err]).toEqual([
      2,
      "error: option '--channels <n>' argument '0' is invalid. Channels must be a whole number from 1 to 4096.\n",
    ]);
  });

  test("a graph's own classes and channels may be named; others are refused", async () => {
    const own = await runCli([FILE, "--channels", "1", "--classes", "2", "--totals"]);
    expect(own.code).toBe(0);
    const other = await runCli([FILE, "--channels", "3", "--totals"]);
    expect([other.code, other.err]).toEqual([
      2,
      "error: person_detect.tflite: a TensorFlow Lite graph's input is fixed; --channels takes its 1 only\n",
    ]);
  });
});

describe("mobilenet_v2_quantized_1x3x224x224.tflite (tflite-micro's example, converted from PyTorch by TinyNeuralNetwork: an NCHW input and a TRANSPOSE) beside v2", () => {
  const FILE_V2 = "test/fixtures/tflite/mobilenet_v2_quantized_1x3x224x224.tflite";
  const convention = resolveConvention("torchvision");

  test("its input is read as N×C×H×W: 224×224, 3 channels", async () => {
    const model = await loadModel(FILE_V2, process.cwd());
    expect(model.spec.input).toEqual({ resolution: 224, channels: 3 });
    expect(model.spec.graph!.image!.axes).toEqual([2, 3]);
  });

  for (const side of [224, 160, 96])
    test(`at ${side}×${side}: the built-in's MACs; its parameters, the built-in's folded`, async () => {
      const resolution = { height: side, width: side };
      const file = evaluateModel(await loadModel(FILE_V2, process.cwd()), {
        alpha: ONE,
        resolution,
        convention,
      });
      const v2 = evaluateModel(await loadModel("v2", process.cwd()), { alpha: ONE, resolution, convention });
      expect(file.totals.macs).toBe(v2.totals.macs);
      expect(file.totals.params).toBe(foldedNormParams(v2));
    });
});

describe("bytes on hardware: the file's own element types unless --dtype overrides them", () => {
  test("person_detect.tflite moves its int8 weights and int32 biases as stored, and int8 maps, one byte each", async () => {
    const profile = BUILTIN_HARDWARE["pixel4-dsp"]!;
    const r = evaluateModel(await loadModel(FILE, process.cwd()), {
      alpha: ONE,
      convention: resolveConvention("torchvision"),
    });
    const own = roofline(r, profile, "none", "fp32", true);
    const sum = (pick: (row: (typeof own.rows)[number]) => bigint) =>
      own.rows.reduce((a, row) => a + pick(row), 0n);
    // tests/fixtures/tflite/expected.json: the filters' and biases' bytes as the file stores them
    expect(sum((row) => row.weightBytes)).toBe(218920n);
    const moved = r.rows.reduce(
      (a, row) => a + [...row.tensors!.reads, ...row.tensors!.writes].reduce((b, t) => b + t.elements, 0n),
      0n,
    );
    expect(sum((row) => row.activationBytes)).toBe(moved);
    const fp32 = roofline(r, profile, "none", "fp32", false);
    expect(fp32.rows.reduce((a, row) => a + row.weightBytes, 0n)).toBe(4n * r.totals.params);
    // with block fusion, the maps a block moves at its output's type: int8, one byte each
    const fused = (dtype: "fp32" | "int8", fileTypes: boolean) =>
      roofline(r, profile, "block", dtype, fileTypes).rows.reduce((a, row) => a + row.activationBytes, 0n);
    expect(fused("fp32", true)).toBe(fused("int8", false));
    expect(fused("fp32", false)).toBe(4n * fused("int8", false));
  });

  test("the report says which", async () => {
    const own = await runCli([FILE, "--hardware", "pixel4-dsp"]);
    expect(unwrapped(own.out)).toContain("the file's own element types (int8 where it stores none)");
    const fp32 = await runCli([FILE, "--hardware", "pixel4-dsp", "--dtype", "fp32"]);
    expect(fp32.out).toMatch(/hardware: pixel4-dsp — ridge point [\d.]+ MACs\/byte, fp32 \(/);
  });
});

describe("a TFLite file's maps by resolution, and swept", () => {
  test("--by resolution reads an NHWC map's height (axis 1)", async () => {
    const r = evaluateModel(await loadModel(FILE, process.cwd()), {
      alpha: ONE,
      convention: resolveConvention("paper"),
    });
    // the reshape to 1×2 and the softmax output no map
    expect(breakdown(r, "resolution").map((g) => g.key)).toEqual(["48", "24", "12", "6", "3", "1", ""]);
  });

  test("a sweep over its input's side on hardware: each point's totals and roofline, as the report at that side", async () => {
    const model = await loadModel(FILE, process.cwd());
    const convention = resolveConvention("paper");
    const hardware = {
      profile: BUILTIN_HARDWARE["pixel4-dsp"]!,
      fusion: "none" as const,
      dtype: "int8" as const,
    };
    const points = [
      ...sweep(
        model,
        { alphas: [ONE], depths: [ONE], resolutions: [96, 128] },
        { convention, memoryModel: "block", hardware },
      ),
    ];
    expect(points.map((p) => p.resolution)).toEqual([96, 128]);
    for (const p of points) {
      const report = evaluateModel(model, { alpha: ONE, resolution: p.resolution, convention });
      expect([p.alpha, p.depth, p.macs]).toEqual([ONE, ONE, report.totals.macs]);
      expect(p.roofline).toEqual(roofline(report, hardware.profile, "none", "int8").totals);
    }
    const plain = [
      ...sweep(
        model,
        { alphas: [ONE], depths: [ONE], resolutions: [96] },
        { convention, memoryModel: "block" },
      ),
    ];
    expect(plain[0]!.roofline).toBeUndefined();
  });
});
