/**
 * Default tables stay within 100 columns (or a narrower terminal): text wraps
 * between words, counts never wrap, and a grid too wide for that is split into
 * panels that repeat the key column. Nothing is dropped.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Grid } from "../../src/report/document.js";
import { renderTable } from "../../src/report/table.js";
import { fitGrid, wrapProse } from "../../src/report/table-fit.js";
import { runCli, unwrapped } from "../helpers/io.js";

const widest = (text: string) => Math.max(...text.split("\n").map((l) => [...l].length));
const tableLines = (text: string) => text.split("\n").filter((l) => /^[┌│├└]/.test(l));

const doc = (grid: Grid) => ({ title: "t", meta: [], grids: [grid], notes: [], data: null });

describe("fitting a grid", () => {
  test("a wide text column wraps between words; the counts beside it stay whole", () => {
    const words = "a long description that goes on and on and on well past the width";
    const grid: Grid = {
      columns: [{ header: "what" }, { header: "count", align: "right" }],
      rows: [[words, 123_456_789n]],
    };
    const text = renderTable(doc(grid), { exact: true, width: 40 });
    expect(widest(text)).toBeLessThanOrEqual(40);
    expect(tableLines(text).length).toBeGreaterThan(5);
    expect(text).toContain("123,456,789");
    const firstColumn = tableLines(text)
      .slice(3, -1)
      .map((l) => l.split("│")[1]!.trim())
      .join(" ");
    expect(firstColumn).toBe(words);
  });

  test("a grid too wide to wrap is split into panels, each repeating the key column, bands kept together", () => {
    const columns = [
      { header: "key" },
      ...Array.from({ length: 6 }, (_, i) => [
        { header: `count ${i}`, align: "right" as const },
        { header: "%", align: "right" as const, keepWithPrevious: true },
      ]).flat(),
    ];
    const grid: Grid = { columns, rows: [["k", ...Array.from({ length: 12 }, (_, i) => `${10 ** 8 + i}`)]] };
    const panels = fitGrid(grid, 50);
    expect(panels.length).toBeGreaterThan(1);
    for (const p of panels) {
      expect(p.grid.columns[0]!.header).toBe("key");
      // a share never starts a panel without its count
      expect(p.grid.columns[1]!.header).toMatch(/^count/);
    }
    const shown = panels.flatMap((p) => p.grid.columns.slice(1).map((c) => c.header));
    expect(shown).toEqual(columns.slice(1).map((c) => c.header));
    for (const line of renderTable(doc(grid), { exact: false, width: 50 }).split("\n"))
      expect([...line].length).toBeLessThanOrEqual(50);
  });

  test("property: any grid of words and counts renders within the width, every count whole", () => {
    const words = fc
      .array(fc.stringMatching(/^[a-z]{1,12}$/), { minLength: 1, maxLength: 8 })
      .map((w) => w.join(" "));
    const count = fc.bigInt(0n, 10n ** 12n);
    // text in left-aligned columns, counts in right-aligned ones, as every report lays them out
    const row = fc.tuple(words, count, words, count, words, count, words, count);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 40, max: 120 }),
        fc.array(row, { minLength: 1, maxLength: 5 }),
        (n, width, rows) => {
          const grid: Grid = {
            columns: Array.from({ length: n }, (_, i) => ({
              header: `c${i}`,
              ...(i % 2 === 1 && { align: "right" as const }),
            })),
            rows: rows.map((r) => r.slice(0, n)),
          };
          const text = renderTable(doc(grid), { exact: true, width });
          for (const line of tableLines(text)) expect([...line].length).toBeLessThanOrEqual(width);
          for (const r of grid.rows)
            for (const c of r) if (typeof c === "bigint") expect(text).toContain(c.toLocaleString("en-US"));
        },
      ),
      { numRuns: 150 },
    );
  });
});

const COMMANDS: string[][] = [
  ["v2"],
  ["v3-large", "--exact"],
  ["v3-small", "-r", "1024", "--exact"],
  ["v3-large", "--by", "block"],
  ["compare", "v1", "v2@0.5", "v3-large"],
  ["compare", "v1", "v2", "v3-large", "v3-small", "fd", "--by", "resolution"],
  ["fit", "v2", "--max-macs", "150M", "-r", "128,160,224"],
  ["sweep", "v2", "--alpha", "0.5,1", "--format", "table"],
  ["explain", "v3-large", "--from", "paper", "--to", "ptflops"],
  ["paper", "v1"],
  ["paper", "fd"],
  ["models"],
  ["check", "examples/budgets.json"],
];

describe("every default table is within 100 columns, or the terminal's width", () => {
  test.each(COMMANDS.map((args) => [args.join(" "), args]))("%s", async (_, args) => {
    const wide = await runCli(args);
    expect(tableLines(wide.out).length).toBeGreaterThan(3);
    for (const line of tableLines(wide.out)) expect([...line].length).toBeLessThanOrEqual(100);
    const narrow = await runCli(args, {}, 72);
    for (const line of tableLines(narrow.out)) expect([...line].length).toBeLessThanOrEqual(72);
  });

  test("a file gets 100 columns whatever the terminal", async () => {
    const r = await runCli(["explain", "v2", "--from", "paper", "--to", "ptflops", "--out", "x.txt"], {}, 60);
    expect(
      widest(
        r.files
          .get("x.txt")!
          .split("\n")
          .filter((l) => /^[┌│├└]/.test(l))
          .join("\n"),
      ),
    ).toBeGreaterThan(60);
  });
});

describe("prose wraps to the width: the terminal's, or 100 columns into a pipe", () => {
  test("property: every wrapped line fits unless it is one word too long; rejoined, the text is unchanged", () => {
    const word = fc.stringMatching(/^[a-zα-ω0-9(),.:/×·—-]{1,24}$/);
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 20, max: 120 }),
        (words, width) => {
          const text = words.join(" ");
          const lines = wrapProse(text, width).split("\n");
          for (const [i, line] of lines.entries()) {
            if (i > 0) expect(line).toMatch(/^ {2}\S/);
            if ([...line].length > width) expect(line.trim()).not.toContain(" ");
          }
          expect(unwrapped(lines.join("\n"))).toBe(text);
        },
      ),
    );
  });

  test("a report's source, memory and notes lines: within 100 columns piped, within 60 on a 60-column terminal; JSON keeps them whole", async () => {
    const source =
      "source: Qin et al. 2024, MobileNetV4, arXiv 2404.10518, Table 13; block for block as released";
    const piped = await runCli(["mnv4-hybrid-m"]);
    expect(widest(piped.out)).toBeLessThanOrEqual(100);
    expect(piped.out).toContain("\n  Model Garden official/vision/modeling/backbones/mobilenet.py");
    expect(unwrapped(piped.out)).toContain(source);
    const narrow = await runCli(["mnv4-hybrid-m", "--totals"], {}, 60);
    expect(narrow.out.split("\n").length).toBe(2);
    const terminal = await runCli(["v2"], {}, 60);
    const prose = terminal.out.split("\n\n")[0]!;
    expect(widest(prose)).toBeLessThanOrEqual(60);
    const formula = await runCli(["formula", "uib"], {}, 80);
    // its prose (the formulas above stay whole, one per line)
    expect(widest(formula.out.split("\n\n").at(-1)!)).toBeLessThanOrEqual(80);
    expect(unwrapped(formula.out)).toContain(
      "where M = input channels; N = output channels; D_H = output feature map height;",
    );
    const json = JSON.parse((await runCli(["mnv4-hybrid-m", "--format", "json"])).out);
    expect(json.source).toMatch(
      /^Qin et al\. 2024, MobileNetV4, arXiv 2404\.10518, Table 13; block for block as released in TF Model Garden/,
    );
  });
});
