import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { CONVENTION_NAMES } from "../../src/model/conventions.js";
import { runCli, unwrapped } from "../helpers/io.js";

const json = async (argv: string[]) => {
  const r = await runCli([...argv, "--format", "json"]);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out);
};

/** A convention's total in its own unit, from the main command (an independent path). */
const reported = async (model: string, convention: string, alpha: string, resolution: string) => {
  const d = await json([model, "-c", convention, "--alpha", alpha, "--resolution", resolution]);
  return { total: d.totals.flops ?? d.totals.macs, params: d.totals.params };
};

describe("mbn-cost explain", () => {
  test("v2 from paper to ptflops: bias +1,000, BatchNorm +13,356,224, ReLU6 +6,105,792, pooling (a functional call) +62,720", async () => {
    const d = await json(["explain", "v2", "--from", "paper", "--to", "ptflops"]);
    const diff = (key: string) => d.rows.find((r: { key: string }) => r.key === key).difference;
    expect([
      diff("macs"),
      diff("bias"),
      diff("bn"),
      diff("relu6"),
      diff("pool-functional"),
      diff("add"),
    ]).toEqual([0, 1000, 13356224, 6105792, 62720, 0]);
    expect(d.difference).toBe(320300008 - 300774272);
    expect(d.params_difference).toBe(3504872 - 3469760);
  });

  test("accounts for the whole difference between any two presets, to the integer", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("v1", "v2", "v3-large", "v3-small", "fd"),
        fc.constantFrom(...CONVENTION_NAMES),
        fc.constantFrom(...CONVENTION_NAMES),
        fc.constantFrom("0.35", "0.5", "0.75", "1.0", "1.3"),
        fc.constantFrom("96", "160", "224"),
        async (model, from, to, alpha, resolution) => {
          const d = await json([
            "explain",
            model,
            "--from",
            from,
            "--to",
            to,
            "--alpha",
            alpha,
            "--resolution",
            resolution,
          ]);
          const a = await reported(model, from, alpha, resolution);
          const b = await reported(model, to, alpha, resolution);
          expect(d.from.total).toBe(a.total);
          expect(d.to.total).toBe(b.total);
          expect(d.rows.reduce((s: number, r: { difference: number }) => s + r.difference, 0)).toBe(
            b.total - a.total,
          );
          expect(d.params.reduce((s: number, r: { difference: number }) => s + r.difference, 0)).toBe(
            b.params - a.params,
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  test("the table names each tool's source and is exact", async () => {
    const r = await runCli(["explain", "v3-large", "--from", "fvcore", "--to", "torch-flops"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("fvcore follows facebookresearch/fvcore");
    expect(r.out).toMatch(/total .*226\.03M .*433\.18M .*\+207,145,696/);
  });

  test("--to is required and must be a preset", async () => {
    expect((await runCli(["explain", "v2"])).err).toMatch(
      /required option '--to <convention>' not specified/,
    );
    const bad = await runCli(["explain", "v2", "--to", "onnx"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(
      /'onnx' is invalid\. Allowed choices are paper, torchvision, tf-slim, fvcore, ptflops, ptflops-aten, thop, torch-flops, keras/,
    );
  });
});

describe("every report states its convention, counted and ignored work, and the unit", () => {
  test("ptflops lists h-swish and residual adds as ignored, under --verbose", async () => {
    const r = await runCli(["v3-large", "-c", "ptflops", "--verbose"]);
    expect(unwrapped(r.out)).toMatch(
      /convention ptflops: .*ignored: h-swish, h-sigmoid, sigmoid, pooling divides \(output elements\), residual adds, SE scale multiplies, LayerScale multiplies/,
    );
  });

  test("JSON always carries the work counted and ignored", async () => {
    const data = JSON.parse((await runCli(["v3-large", "-c", "ptflops", "--format", "json"])).out);
    expect(data.work_counted).toEqual({
      bias: 1,
      bn: 2,
      relu: 2,
      relu6: 1,
      silu: 1,
      gelu: 2,
      pool: 2,
      softmax: 1,
      max_pool: 2,
      linear_bias: 1,
      norm: 1,
      group_norm: 2,
      upsample: 2,
      upsample_linear: 2,
    });
    expect(data.work_ignored).toEqual([
      "hswish",
      "hsigmoid",
      "sigmoid",
      "pool_divide",
      "add",
      "scale",
      "layer_scale",
      "rms_norm",
    ]);
  });

  test("without --verbose the convention is one short line: its name and what differs from paper", async () => {
    const line = (args: string[]) =>
      runCli(args).then((r) =>
        unwrapped(r.out)
          .split("\n")
          .find((l) => l.startsWith("convention")),
      );
    expect(await line(["v2"])).toBe("convention: paper — weights only, MACs of conv and FC (-v: in full)");
    expect(await line(["v2", "-c", "torchvision", "--no-bn", "--classes", "10"])).toBe(
      "convention: torchvision+no-bn+classes=10 — vs paper + biases, 10 classes, torchvision widths (-v: in full)",
    );
    expect(await line(["v2", "-c", "ptflops"])).toBe(
      "convention: ptflops — vs paper + biases, + BN, torchvision widths, ops per element: bias 1, bn 2, relu 2, relu6 1, silu 1, gelu 2, pool 2, softmax 1, max-pool 2, linear-bias 1, norm 1, group-norm 2, upsample 2, upsample-linear 2 (-v: in full)",
    );
  });

  test("torch-flops reports FLOPs, labelled with the factor of 2", async () => {
    const r = await runCli(["v2", "-c", "torch-flops", "-v"]);
    expect(r.out).toContain("convention: torch-flops — FLOPs (2×MACs); vs paper");
    expect(r.out).toContain("FLOPs = 2 × MACs");
    expect(r.out).toMatch(/601\.55M/);
  });
});
