/**
 * A model whose norm is RMSNorm (MobileNetV5's): each norm holds one weight per channel and no running
 * statistics; no peer counter counts its element-wise work, which reports list as ignored.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { evaluateModel } from "../../src/evaluate/cost.js";
import { loadModel } from "../../src/io/read-model-spec.js";
import { type ConventionName, describeWork, resolveConvention } from "../../src/model/conventions.js";

const dir = mkdtempSync(join(tmpdir(), "mbn-rms-"));
async function counted(norm: "batch" | "rms", convention: ConventionName) {
  const file = join(dir, `${norm}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      name: norm,
      input: { resolution: 8, channels: 3 },
      classes: 0,
      norm,
      layers: [{ kind: "conv", kernel: 3, stride: 1, out: 8 }],
    }),
  );
  const model = await loadModel(file, process.cwd());
  return evaluateModel(model, { alpha: { text: "1", value: 1 }, convention: resolveConvention(convention) });
}

describe("RMSNorm", () => {
  test("a weight per channel where the convention counts norms; no statistics (keras counts a BatchNorm's)", async () => {
    const weights = 3 * 3 * 3 * 8;
    const params = async (norm: "batch" | "rms", c: ConventionName) => (await counted(norm, c)).totals.params;
    expect(await params("rms", "timm")).toBe(BigInt(weights + 8));
    expect(await params("batch", "timm")).toBe(BigInt(weights + 16));
    expect(await params("rms", "keras")).toBe(BigInt(weights + 8));
    expect(await params("batch", "keras")).toBe(BigInt(weights + 32));
    expect(await params("rms", "paper")).toBe(BigInt(weights));
    const row = (await counted("rms", "timm")).rows[0]!;
    expect(row.paramParts.bn).toBe(8n);
  });

  test("its element-wise work is its own category, which ptflops (counting BatchNorm's) does not count", async () => {
    const rms = (await counted("rms", "ptflops")).rows[0]!;
    const batch = (await counted("batch", "ptflops")).rows[0]!;
    expect(rms.work).toEqual({ "rms-norm": 512n, relu: 512n });
    expect(batch.work).toEqual({ bn: 512n, relu: 512n });
    // 8×8×8 outputs: ptflops counts 2 per BatchNorm element
    expect(batch.macs - rms.macs).toBe(2n * 512n);
    expect(describeWork(resolveConvention("ptflops"))).toMatch(/ignored: .*RMSNorm/);
  });
});
