/**
 * Terminal tables, drawn by cli-table3 (loaded only when a table is printed).
 * No colours (cli-table3 colours headers and borders unless told not to), so
 * the output is byte-identical with or without a TTY. Rows are compact; a rule
 * separates the header, and another the footer (totals).
 */
import Table from "cli-table3";
import { displayCell, metaLines } from "./cells.js";
import type { Grid, RenderOptions, ReportDocument } from "./document.js";
import {
  breakLongWords,
  type FittedGrid,
  fitGrid,
  naturalWidths,
  TABLE_WIDTH,
  wrapProse,
} from "./table-fit.js";
import { showControls } from "./untrusted-text.js";

/** Rows with the words of text columns that are longer than their column broken (cli-table3 would cut them). */
function brokenRows(grid: Grid, widths: readonly number[], rows: Grid["rows"]): string[][] {
  return rows.map((row) =>
    row.map((cell, i) =>
      (grid.columns[i]!.align ?? "left") === "left" ? breakLongWords(`${cell}`, widths[i]! - 2) : `${cell}`,
    ),
  );
}

/**
 * cli-table3 lays a table out in time quadratic in its rows (each cell is checked against every row
 * above it for spans) and spends ~20 µs a cell besides: past this many rows, the header and rows
 * that need its layout (a wrapped or wide cell) are drawn by cli-table3 at the whole table's column
 * widths, in slices of at most this many, and plain rows (one line of narrow characters per cell)
 * are drawn as cli-table3 draws them. test/report/table-slices.test.ts proves the two equal.
 */
export const ROWS_PER_SLICE = 200;

/** One slice drawn by cli-table3: with the header (the first), without it (the rest). */
function drawSlice(grid: Grid, widths: readonly number[] | undefined, rows: string[][], head: boolean) {
  const table = new Table({
    ...(head && { head: grid.columns.map((c) => c.header) }),
    colAligns: grid.columns.map((c) => c.align ?? "left"),
    style: { head: [], border: [], compact: true },
    ...(widths && { colWidths: [...widths], wordWrap: true }),
  });
  table.push(...rows);
  return table.toString().split("\n");
}

/** Characters string-width (cli-table3's measure) counts as one column each: printable ASCII, Latin-1, Greek, dashes. */
const NARROW = /^[\x20-\x7e\u00a1-\u00ac\u00ae-\u00ff\u0391-\u03a9\u03b1-\u03c9\u2013\u2014\u2026\u2212]*$/;

/** A row as cli-table3 draws it (compact, one space of padding) when each cell is one line of narrow characters that fits. */
function plainRow(row: readonly string[], widths: readonly number[], grid: Grid): string | undefined {
  const cells: string[] = [];
  for (const [i, cell] of row.entries()) {
    const room = widths[i]! - 2;
    if (cell.length > room || !NARROW.test(cell)) return undefined;
    const fill = " ".repeat(room - cell.length);
    cells.push((grid.columns[i]!.align ?? "left") === "left" ? ` ${cell}${fill} ` : ` ${fill}${cell} `);
  }
  return `│${cells.join("│")}│`;
}

/** The table's lines: one cli-table3 table up to `sliceRows` rows; past it, slices and plain rows at fixed widths. */
function drawRows(grid: Grid, widths: readonly number[] | undefined, rows: string[][], sliceRows: number) {
  if (rows.length <= sliceRows) return drawSlice(grid, widths, rows, true);
  const fixed = widths ?? naturalWidths(grid);
  const lines = drawSlice(grid, fixed, rows.slice(0, 1), true);
  const bottom = lines.pop()!;
  let pending: string[][] = [];
  const flush = () => {
    if (pending.length === 0) return;
    for (const line of drawSlice(grid, fixed, pending, false).slice(1, -1)) lines.push(line);
    pending = [];
  };
  for (const row of rows.slice(1)) {
    const plain = plainRow(row, fixed, grid);
    if (plain === undefined) {
      pending.push(row);
      if (pending.length >= Math.max(1, sliceRows)) flush();
    } else {
      flush();
      lines.push(plain);
    }
  }
  flush();
  lines.push(bottom);
  return lines;
}

export function renderFitted({ grid, widths }: FittedGrid, sliceRows = ROWS_PER_SLICE): string {
  const footer = grid.footer ?? [];
  const rows = (cells: Grid["rows"]) => (widths ? brokenRows(grid, widths, cells) : (cells as string[][]));
  const lines = drawRows(grid, widths, [...rows(grid.rows), ...rows(footer)], sliceRows);
  // compact mode rules off the header only: the same rule goes above the footer (totals: a line per row)
  if (footer.length > 0) lines.splice(lines.length - 1 - footer.length, 0, lines[2]!);
  return (grid.title ? `${grid.title}\n` : "") + lines.join("\n");
}

/** Cells as shown (humanized or exact, control characters visible), fitted to the width, drawn by cli-table3. */
function renderGrid(grid: Grid, options: RenderOptions): string {
  const shown = (row: Grid["rows"][number]) => row.map((cell) => showControls(displayCell(cell, options)));
  const display: Grid = {
    ...(grid.title !== undefined && { title: showControls(grid.title) }),
    columns: grid.columns.map((c) => ({ ...c, header: showControls(c.header) })),
    rows: grid.rows.map(shown),
    ...(grid.footer && { footer: grid.footer.map(shown) }),
  };
  return fitGrid(display, options.width ?? TABLE_WIDTH)
    .map((fitted) => renderFitted(fitted))
    .join("\n\n");
}

export function renderTable(doc: ReportDocument, options: RenderOptions): string {
  if (doc.line) return `${showControls(doc.line((n) => displayCell(n, options)))}\n`;
  // prose wraps to the width (JSON keeps each line whole)
  const prose = (line: string) => wrapProse(showControls(line), options.width ?? TABLE_WIDTH);
  const heading = [showControls(doc.title), ...metaLines(doc, options).map(prose)].join("\n");
  const parts = [heading, ...doc.grids.map((g) => renderGrid(g, options))];
  if (doc.notes.length > 0) parts.push(doc.notes.map((n) => prose(`note: ${n}`)).join("\n"));
  return `${parts.join("\n\n")}\n`;
}
