/**
 * `--convention timm` equals timm's own models exactly — its MobileNetV4s (at several widths, timm's
 * _035, _050, _075, and resolutions), its MobileNetV5s (at sizes where the fusion adapter pools,
 * interpolates and upsamples 13 to 25) and every model of its mobile catalogue by name: sum of
 * p.numel(), and conv + linear MACs by forward hooks plus the attention matmuls counted as torch runs
 * them. `--convention fvcore` equals fvcore's FlopCountAnalysis on the MobileNetV5s. The fixture was made
 * by scripts/timm-counts.py from timm's and fvcore's repositories (commits recorded in the file) on
 * Debian's torch; these tests never need either.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { timmModelNames } from "../../src/io/timm-catalogue.js";
import { costOf } from "../helpers/models.js";

interface Count {
  timm: string;
  model: string;
  alpha: string;
  resolution: number;
  params: number;
  macs: number;
  attention_macs: number;
  /** fvcore's FlopCountAnalysis total, where the row asks for it. */
  fvcore_macs?: number;
}
const fixture = JSON.parse(
  readFileSync(new URL("../fixtures/timm/counts.json", import.meta.url), "utf8"),
) as {
  timm: string;
  timm_commit: string;
  counts: Count[];
};

describe(`timm ${fixture.timm} (${fixture.timm_commit.slice(0, 7)}), exactly`, () => {
  test.each(
    fixture.counts.map(
      (c) =>
        [
          `${c.timm} at ${c.resolution}px: ${c.params} params, ${c.macs} MACs (${c.attention_macs} in attention)`,
          c,
        ] as const,
    ),
  )("%s", async (_t, c) => {
    const r = await costOf(c.model, c.alpha, c.resolution, "timm");
    expect(r.totals.params).toBe(BigInt(c.params));
    expect(r.totals.macs).toBe(BigInt(c.macs));
    const attention = r.rows.filter((row) => row.type === "attention").reduce((a, row) => a + row.macs, 0n);
    expect(attention).toBe(BigInt(c.attention_macs));
  });

  test("the fixture covers every MobileNetV4 built-in (below α 1 too), every MobileNetV5 and timm's whole catalogue", () => {
    const models = new Set(fixture.counts.map((c) => c.model));
    expect([...models].filter((m) => m.startsWith("mnv4-"))).toHaveLength(5);
    expect(fixture.counts.some((c) => c.model.startsWith("mnv4-") && c.alpha !== "1.0")).toBe(true);
    expect([...models].filter((m) => m.startsWith("mobilenet-v5-"))).toHaveLength(3);
    for (const name of timmModelNames()) expect(models.has(name), name).toBe(true);
  });
});

describe("fvcore's FlopCountAnalysis on timm's MobileNetV5s, exactly (what timm's results CSV rounds)", () => {
  test.each(
    fixture.counts
      .filter((c) => c.fvcore_macs !== undefined)
      .map((c) => [`${c.timm} at ${c.resolution}px: ${c.fvcore_macs} MACs`, c] as const),
  )("%s", async (_t, c) => {
    const r = await costOf(c.model, c.alpha, c.resolution, "fvcore");
    expect(r.totals.macs).toBe(BigInt(c.fvcore_macs!));
    expect(r.totals.params).toBe(BigInt(c.params));
  });
});
