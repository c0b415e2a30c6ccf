/**
 * RFC 4180 CSV: one header row, CRLF line ends, fields quoted when they hold a
 * comma, quote or line break; counts as exact integers without unit suffixes.
 * A text cell a spreadsheet would take for a formula starts with an apostrophe;
 * control characters and line breaks are shown as \\xNN escapes, bidi controls as \\uNNNN.
 */
import type { Cell, ReportDocument } from "./document.js";
import { neutralizeFormula, showControls } from "./untrusted-text.js";

export function csvField(cell: Cell): string {
  const text = typeof cell === "bigint" ? cell.toString() : neutralizeFormula(showControls(cell));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: readonly Cell[]): string => `${cells.map(csvField).join(",")}\r\n`;

export function renderCsv(doc: ReportDocument): string {
  const grid = doc.csv ?? doc.grids[0];
  if (!grid) return "";
  return csvLine(grid.columns.map((c) => c.header)) + grid.rows.map(csvLine).join("");
}
