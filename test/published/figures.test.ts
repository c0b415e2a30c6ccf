/**
 * Every published figure in src/published/figures.ts, reproduced: each test
 * names the source (paper and table, or checkpoint table), the convention
 * and the rounding. Figures no convention reproduces are asserted to differ,
 * with the explaining metric where one was found.
 */
import { describe, expect, test } from "vitest";
import { reproduceFigure } from "../../src/evaluate/reproduce.js";
import { PUBLISHED_FIGURES } from "../../src/published/figures.js";
import { costOf } from "../helpers/models.js";

const unit = (u: string) => (u === "%" ? "%" : u);

describe.each(["v1", "v2", "v3", "fd"])("published figures: %s", (family) => {
  const figures = PUBLISHED_FIGURES.filter((f) => f.family === family);

  test.each(figures.filter((f) => !f.inconsistency).map((f) => [`${f.label} = ${f.printed}${unit(f.unit)} — ${f.source} (convention ${f.convention}, ${f.rounding})`, f] as const))(
    "%s",
    async (_title, figure) => {
      const report = await costOf(figure.model, figure.alpha, figure.resolution, figure.convention);
      const r = reproduceFigure(figure, report);
      expect(r.computed.shown, `computed ${r.computed.precise}`).toBe(figure.printed);
    },
  );

  const inconsistent = figures.filter((f) => f.inconsistency);
  if (inconsistent.length > 0) {
    test.each(inconsistent.map((f) => [`${f.label}: source prints ${f.printed}${unit(f.unit)} — ${f.source}; the architecture does not give it`, f] as const))(
      "%s",
      async (_title, figure) => {
        const r = reproduceFigure(figure, await costOf(figure.model, figure.alpha, figure.resolution, figure.convention));
        expect(r.computed.shown).not.toBe(figure.printed);
        if (figure.explainedBy) expect(r.explained?.shown, figure.inconsistency).toBe(figure.printed);
      },
    );
  }
});

describe("exact totals behind the figures", () => {
  test("V1 1.0-224: 568,740,352 Mult-Adds, 4,209,088 weights — Howard et al. 2017, Table 4 (569M / 4.2M)", async () => {
    const r = await costOf("v1");
    expect(r.totals).toEqual({ macs: 568_740_352n, params: 4_209_088n });
  });

  test("V1 Table 2 first-conv share: the arithmetic gives 1.91%, the paper prints 1.19%", async () => {
    const r = await costOf("v1");
    const conv = r.rows.filter((row) => row.type === "conv").reduce((a, row) => a + row.macs, 0n);
    expect(conv).toBe(10_838_016n);
    expect((conv * 10000n) / r.totals.macs).toBe(190n); // 1.90…%, rounds to 1.91
  });

  test("V2 1.0-224 under tf-slim: 300,775,552 MACs, 3,472,041 params — TF-slim checkpoint table (300 / 3.47)", async () => {
    expect((await costOf("v2", "1.0", 224, "tf-slim")).totals).toEqual({ macs: 300_775_552n, params: 3_472_041n });
  });

  test("V2 0.5-224: 97.1M MACs and 1.95M params — TF-slim checkpoint table (97 / 1.95)", async () => {
    const r = await costOf("v2", "0.5");
    expect(r.totals.macs).toBe(97_131_840n);
    expect(r.totals.params).toBe(1_949_136n);
  });
});
