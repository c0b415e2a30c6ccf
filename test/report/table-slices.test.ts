/**
 * Long tables are drawn in slices, their plain rows without cli-table3's
 * layout (src/report/table.ts): the result must be byte-equal to cli-table3
 * drawing the whole table at once, whatever the rows hold.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Grid } from "../../src/report/document.js";
import { renderFitted } from "../../src/report/table.js";
import { fitGrid } from "../../src/report/table-fit.js";
import { FC_SEED } from "../helpers/fast-check.js";

/** Cell text: narrow characters mostly, with what makes cli-table3 lay a row out (wide characters, line breaks, long words). */
const cellText = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[a-z0-9_.×α/ -]{0,12}$/) },
  {
    weight: 1,
    arbitrary: fc.constantFrom("漢字", "line\nbreak", "a-very-long-word-that-wraps/at/a/slash", "é", "—"),
  },
);

const gridArbitrary = fc
  .record({
    aligns: fc.array(fc.constantFrom("left", "right"), { minLength: 1, maxLength: 5 }),
    rows: fc.integer({ min: 0, max: 40 }),
    footer: fc.boolean(),
    width: fc.constantFrom(40, 72, 100, 200),
  })
  .chain(({ aligns, rows, footer, width }) =>
    fc.record({
      grid: fc.record({
        columns: fc.constant(
          aligns.map((align, i) => ({ header: `h${i}`, align: align as "left" | "right" })),
        ),
        rows: fc.array(fc.array(cellText, { minLength: aligns.length, maxLength: aligns.length }), {
          minLength: rows,
          maxLength: rows,
        }),
        footer: fc.constant(footer ? [aligns.map((_, i) => (i === 0 ? "total" : `${i}`))] : undefined),
      }),
      width: fc.constant(width),
    }),
  );

describe("a long table drawn in slices equals cli-table3 drawing it whole", () => {
  test("any rows, aligns, widths and footers (property)", () => {
    fc.assert(
      fc.property(gridArbitrary, ({ grid, width }) => {
        const clean: Grid = {
          columns: grid.columns,
          rows: grid.rows,
          ...(grid.footer !== undefined && { footer: grid.footer }),
        };
        for (const fitted of fitGrid(clean, width)) {
          const whole = renderFitted(fitted, Number.POSITIVE_INFINITY);
          expect(renderFitted(fitted, 0)).toBe(whole);
          expect(renderFitted(fitted, 3)).toBe(whole);
        }
      }),
      { seed: FC_SEED, numRuns: 300 },
    );
  });

  test("10,000 rows are drawn in time linear in rows (a slice of cli-table3 at most, per 200 rows)", () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => [`${i}`, `conv_${i}`, "32×32×8", "576"]);
    const grid: Grid = {
      columns: [
        { header: "#", align: "right" },
        { header: "layer" },
        { header: "output" },
        { header: "params", align: "right" },
      ],
      rows,
    };
    const [fitted] = fitGrid(grid, 100);
    const lines = renderFitted(fitted!).split("\n");
    expect(lines).toHaveLength(10_000 + 4);
    expect(lines.at(-2)).toBe(`│ 9999 │ conv_9999 │ 32×32×8 │    576 │`);
  });
});
