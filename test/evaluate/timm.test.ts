/**
 * `--convention timm` equals timm's own MobileNetV4 models exactly: sum of
 * p.numel(), and conv + linear MACs by forward hooks plus the attention
 * matmuls counted as torch runs them, at several widths (timm's _035, _050,
 * _075 variants) and resolutions. The fixture was made by scripts/timm-counts.py
 * from timm's repository (commit recorded in the file) on Debian's torch;
 * these tests never need either.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { costOf } from "../helpers/models.js";

interface Count {
  timm: string;
  model: string;
  alpha: string;
  resolution: number;
  params: number;
  macs: number;
  attention_macs: number;
}
const fixture = JSON.parse(
  readFileSync(new URL("../fixtures/timm/counts.json", import.meta.url), "utf8"),
) as {
  timm: string;
  timm_commit: string;
  counts: Count[];
};

describe(`timm ${fixture.timm} (${fixture.timm_commit.slice(0, 7)}) MobileNetV4, exactly`, () => {
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

  test("the fixture covers every MobileNetV4, below α 1 too", () => {
    expect(new Set(fixture.counts.map((c) => c.model)).size).toBe(5);
    expect(fixture.counts.some((c) => c.alpha !== "1.0")).toBe(true);
  });
});
