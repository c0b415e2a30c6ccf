/**
 * Every published figure in src/published/figures.ts, reproduced as its
 * source counts and rounds (src/published/sources.ts: one convention and one
 * rounding per source). A figure that the architecture does not give must
 * differ, and its computed value is pinned here, so that a broken evaluator
 * cannot pass by merely differing.
 */
import { describe, expect, test } from "vitest";
import { formatRational } from "../../src/algebra/rational.js";
import { measure, reproduceFigure } from "../../src/evaluate/reproduce.js";
import { FAMILIES, PUBLISHED_FIGURES, type PublishedFigure } from "../../src/published/figures.js";
import { SOURCES } from "../../src/published/sources.js";
import { costOf } from "../helpers/models.js";

const unit = (u: string) => (u === "%" ? "%" : u);
const reportFor = (f: PublishedFigure) => costOf(f.model, f.alpha, f.resolution, f.convention);

/** What we compute for each figure that differs from its source: source, label, exact value. */
const PINNED: readonly (readonly [string, string, string])[] = [
  ["v1-paper", "Conv MobileNet Mult-Adds", "4867293184"],
  ["v1-paper", "1.0 MobileNet-160 Mult-Adds", "290675200"],
  ["v1-paper", "conv share of Mult-Adds", "2116800/1110821"], // 1.9056 %
  ["v1-slim", "MobileNet_v1_0.75_224 Million MACs", "325401216"],
  ["v1-slim", "MobileNet_v1_0.75_192 Million MACs", "239274240"],
  ["v1-slim", "MobileNet_v1_0.75_160 Million MACs", "166397568"],
  ["v1-slim", "MobileNet_v1_0.75_128 Million MACs", "106771200"],
  ["v1-slim", "MobileNet_v1_0.5_224 Million MACs", "149497600"],
  ["v1-slim", "MobileNet_v1_0.25_192 Million MACs", "30212864"],
  ["v1-slim", "MobileNet_v1_1.0 Million parameters", "4211113"],
  ["v1-slim", "MobileNet_v1_0.75 Million parameters", "2569913"],
  ["v1-slim", "MobileNet_v1_0.5 Million parameters", "1321161"],
  ["v1-slim", "MobileNet_v1_0.25 Million parameters", "464857"],
  ["v2-paper", "MobileNetV2 (1.4) MAdds", "582195824"],
  ["v2-paper", "MobileNetV2 (1.4) parameters", "6059840"],
  ["v3-paper", "MobileNetV3-Large 1.0 MAdds", "216589760"],
  ["v3-paper", "MobileNetV3-Small 0.75 MAdds", "43399344"],
  ["v3-slim", "Large dm=1 parameters (M)", "5459913"],
  ["v3-slim", "Small dm=1 MACs (M)", "56511424"],
  ["v3-slim", "Small dm=1 parameters (M)", "2531769"],
  ["v4-paper", "MNv4-Conv-M params (M)", "9783416"],
  ["v4-paper", "MNv4-Conv-M MACs (G)", "1080244224"],
  ["v4-paper", "MNv4-Hybrid-M params (M)", "11150488"],
  ["v4-paper", "MNv4-Hybrid-M MACs (G)", "1271183360"],
  ["v4-paper", "MNv4-Conv-L params (M)", "32740416"],
  ["v4-paper", "MNv4-Conv-L MACs (G)", "6376220672"],
  ["v4-paper", "MNv4-Hybrid-L params (M)", "37929024"],
  ["v4-paper", "MNv4-Hybrid-L MACs (G)", "7711877120"],
  ["efficientnet-paper", "EfficientNet-B1 FLOPs (B)", "686802832"],
  ["efficientnet-paper", "EfficientNet-B2 params (M)", "9109994"],
  ["efficientnet-paper", "EfficientNet-B4 FLOPs (B)", "4393771024"],
  ["efficientnet-paper", "EfficientNet-B5 FLOPs (B)", "10266384752"],
  ["efficientnet-paper", "EfficientNet-B7 FLOPs (B)", "37745884192"],
];

describe.each(FAMILIES)("published figures: %s", (family) => {
  const figures = PUBLISHED_FIGURES.filter((f) => f.family === family);

  test.each(
    figures
      .filter((f) => !f.differs)
      .map(
        (f) =>
          [
            `${f.label} = ${f.printed}${unit(f.unit)} — ${f.source} (${f.convention}, ${f.rounding})`,
            f,
          ] as const,
      ),
  )("%s", async (_title, figure) => {
    const r = reproduceFigure(figure, await reportFor(figure));
    expect(r.computed.shown, `computed ${r.computed.precise}`).toBe(figure.printed);
  });

  const differing = figures.filter((f) => f.differs);
  test.each(
    differing.map(
      (f) =>
        [
          `${f.label}: ${f.source} prints ${f.printed}${unit(f.unit)}; we compute the pinned value and say why`,
          f,
        ] as const,
    ),
  )("%s", async (_title, figure) => {
    const report = await reportFor(figure);
    const r = reproduceFigure(figure, report);
    const pin = PINNED.find(([source, label]) => source === figure.sourceId && label === figure.label);
    expect(pin, "every differing figure has its computed value pinned").toBeDefined();
    expect(formatRational(measure(figure.metric, report))).toBe(pin![2]);
    expect(r.computed.shown).not.toBe(figure.printed);
    if (figure.explainedBy) expect(r.explained?.shown, figure.differs).toBe(figure.printed);
  });
});

test("every pin belongs to a figure that differs", () => {
  for (const [source, label] of PINNED) {
    expect(
      PUBLISHED_FIGURES.find((f) => f.sourceId === source && f.label === label)?.differs,
      `${source}: ${label}`,
    ).toBeDefined();
  }
});

test("a figure's convention and rounding are its source's, and its metric is what the source measures", () => {
  for (const f of PUBLISHED_FIGURES) {
    expect([f.convention, f.rounding]).toEqual([
      SOURCES[f.sourceId].convention,
      SOURCES[f.sourceId].rounding,
    ]);
    // metrics that leave layers out explain a difference; they are never a figure's own metric
    // (a backbone is: TF Model Garden's test measures the backbone, classifier-free, by its own account)
    expect(["total", "share", "at-resolutions", "backbone"]).toContain(f.metric.kind);
  }
});

describe("exact totals behind the figures", () => {
  test("V1 1.0-224: 568,740,352 Mult-Adds, 4,209,088 weights — Howard et al. 2017, Table 4 (569M / 4.2M)", async () => {
    const r = await costOf("v1");
    expect(r.totals).toEqual({ macs: 568_740_352n, params: 4_209_088n });
  });

  test("V1 Table 2 first conv: 112·112·32 outputs × 3·3·3 weights = 10,838,016 Mult-Adds, 1.91% (the paper prints 1.19%)", async () => {
    const r = await costOf("v1");
    const conv = r.rows.filter((row) => row.type === "conv").reduce((a, row) => a + row.macs, 0n);
    expect(conv).toBe(112n * 112n * 32n * 27n);
    expect((conv * 10_000n + r.totals.macs / 2n) / r.totals.macs).toBe(191n);
  });

  test("V2 1.0-224 under tf-slim: 300,775,552 MACs, 3,472,041 params — TF-slim checkpoint table (300 / 3.47)", async () => {
    expect((await costOf("v2", "1.0", 224, "tf-slim")).totals).toEqual({
      macs: 300_775_552n,
      params: 3_472_041n,
    });
  });

  test("V2 0.5-224: 97.1M MACs and 1.95M params — TF-slim checkpoint table (97 / 1.95)", async () => {
    const r = await costOf("v2", "0.5");
    expect(r.totals.macs).toBe(97_131_840n);
    expect(r.totals.params).toBe(1_949_136n);
  });
});
