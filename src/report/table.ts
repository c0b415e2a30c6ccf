/**
 * Terminal tables, drawn by cli-table3 (loaded only when a table is printed).
 * No colours (cli-table3 colours headers and borders unless told not to), so
 * the output is byte-identical with or without a TTY. Rows are compact; a rule
 * separates the header, and another the footer (totals).
 */
import Table from "cli-table3";
import { displayCell, metaLines } from "./cells.js";
import type { Grid, RenderOptions, ReportDocument } from "./document.js";
import { breakLongWords, type FittedGrid, fitGrid, TABLE_WIDTH } from "./table-fit.js";
import { showControls } from "./untrusted-text.js";

/** Rows with the words of text columns that are longer than their column broken (cli-table3 would cut them). */
function brokenRows(grid: Grid, widths: readonly number[], rows: Grid["rows"]): string[][] {
  return rows.map((row) =>
    row.map((cell, i) =>
      (grid.columns[i]!.align ?? "left") === "left" ? breakLongWords(`${cell}`, widths[i]! - 2) : `${cell}`,
    ),
  );
}

function renderFitted({ grid, widths }: FittedGrid): string {
  const table = new Table({
    head: grid.columns.map((c) => c.header),
    colAligns: grid.columns.map((c) => c.align ?? "left"),
    style: { head: [], border: [], compact: true },
    ...(widths && { colWidths: [...widths], wordWrap: true }),
  });
  const footer = grid.footer ?? [];
  const rows = (cells: Grid["rows"]) => (widths ? brokenRows(grid, widths, cells) : (cells as string[][]));
  table.push(...rows(grid.rows), ...rows(footer));
  const lines = table.toString().split("\n");
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
    .map(renderFitted)
    .join("\n\n");
}

export function renderTable(doc: ReportDocument, options: RenderOptions): string {
  if (doc.line) return `${showControls(doc.line((n) => displayCell(n, options)))}\n`;
  const heading = [doc.title, ...metaLines(doc, options)].map((line) => showControls(line)).join("\n");
  const parts = [heading, ...doc.grids.map((g) => renderGrid(g, options))];
  if (doc.notes.length > 0) parts.push(doc.notes.map((n) => `note: ${showControls(n)}`).join("\n"));
  return `${parts.join("\n\n")}\n`;
}
