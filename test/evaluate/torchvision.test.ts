/**
 * `--convention torchvision` equals torchvision's own definitions exactly:
 * sum(p.numel()) and conv + linear MACs measured by forward hooks, for V2,
 * V3-Large and V3-Small at 12 widths × 5 resolutions; EfficientNet B0–B7 and
 * EfficientNetV2-S/M/L (torchvision efficientnet.py) and MnasNet (mnasnet.py),
 * B0 and B3 at other widths and depths too; at two non-square
 * inputs (height x width, as --resolution 320x240); and the backbone alone
 * (--no-head = model.features) and without the classifier (--classes 0 = the
 * last Linear replaced by Identity). The fixture was made by
 * scripts/torchvision-counts.py from Debian's torchvision (version recorded in
 * the file), never a dependency of these tests.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { costOf } from "../helpers/models.js";

interface Count {
  model: string;
  alpha: string;
  /** A side, or "HxW" for a non-square input. */
  resolution: number | string;
  /** "none": model.features only (--no-head). */
  head?: "none";
  /** 0: the last Linear replaced by Identity (--classes 0). */
  classes?: 0;
  /** A depth multiplier on top of the model's own (--depth). */
  depth?: number;
  params: number;
  macs: number;
  parts: Record<string, number>;
}

const overridesOf = (c: Count) => ({
  ...(c.head === "none" && { head: false }),
  ...(c.classes !== undefined && { classes: c.classes }),
});
const settingOf = (c: Count) =>
  `${c.model} α=${c.alpha}${c.depth ? ` depth ${c.depth}` : ""} ${c.resolution}px${c.head === "none" ? " --no-head" : ""}${c.classes !== undefined ? ` --classes ${c.classes}` : ""}`;
const fixture = JSON.parse(
  readFileSync(new URL("../fixtures/torchvision/counts.json", import.meta.url), "utf8"),
) as { torchvision: string; counts: Count[] };
const cifar = JSON.parse(
  readFileSync(new URL("../fixtures/torchvision/cifar-v2.json", import.meta.url), "utf8"),
) as { params: number; weight_params: number; macs: number };

describe(`torchvision ${fixture.torchvision} definitions, exactly`, () => {
  test.each(fixture.counts.map((c) => [`${settingOf(c)}: ${c.params} params, ${c.macs} MACs`, c] as const))(
    "%s",
    async (_t, c) => {
      const r = await costOf(c.model, c.alpha, c.resolution, "torchvision", overridesOf(c), c.depth);
      expect(r.totals.params).toBe(BigInt(c.params));
      expect(r.totals.macs).toBe(BigInt(c.macs));
    },
  );

  test.each(
    fixture.counts.map((c) => [`${settingOf(c)}: element-wise parts ${JSON.stringify(c.parts)}`, c] as const),
  )("%s", async (_t, c) => {
    // What the peer presets count rests on these: BatchNorm and activation outputs, pooling reads
    // and divides, bias adds, as forward hooks saw them on torchvision's own modules.
    const r = await costOf(c.model, c.alpha, c.resolution, "torchvision", overridesOf(c), c.depth);
    const ours = Object.fromEntries(
      Object.keys(c.parts).map((k) => [
        k,
        Number(r.rows.reduce((a, row) => a + (row.work[k as keyof typeof row.work] ?? 0n), 0n)),
      ]),
    );
    expect(ours).toEqual(c.parts);
  });

  test("the CIFAR-10 MobileNetV2 of kuangliu/pytorch-cifar (models/mobilenetv2.py, e010fe8), run in PyTorch: params, weights and MACs", async () => {
    const tv = await costOf("mobilenet-v2-cifar", "1.0", 32, "torchvision");
    const paper = await costOf("mobilenet-v2-cifar", "1.0", 32, "paper");
    expect(tv.totals.params).toBe(BigInt(cifar.params));
    expect(paper.totals.params).toBe(BigInt(cifar.weight_params));
    expect(tv.totals.macs).toBe(BigInt(cifar.macs));
  });
});
