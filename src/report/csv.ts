/**
 * RFC 4180 CSV: one header row, CRLF line ends, fields quoted when they hold a
 * comma, quote or line break; counts as exact integers without unit suffixes.
 * A text cell a spreadsheet would take for a formula starts with an apostrophe;
 * control characters and line breaks are shown as \\xNN escapes, bidi controls as \\uNNNN.
 * Its twins, with the same rows and column names: TSV (tab-separated, to paste into a spreadsheet)
 * and JSON lines (one object per row).
 */
import type { Cell, Grid, ReportDocument } from "./document.js";
import { jsonReplacer } from "./json.js";
import { neutralizeFormula, showControls } from "./untrusted-text.js";

export function csvField(cell: Cell): string {
  const text = typeof cell === "bigint" ? cell.toString() : neutralizeFormula(showControls(cell));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: readonly Cell[]): string => `${cells.map(csvField).join(",")}\r\n`;

/** The grid the machine formats write: the document's own CSV grid, else its first. */
const machineGrid = (doc: ReportDocument): Grid | undefined => doc.csv ?? doc.grids[0];

export function renderCsv(doc: ReportDocument): string {
  const grid = machineGrid(doc);
  if (!grid) return "";
  return csvLine(grid.columns.map((c) => c.header)) + grid.rows.map(csvLine).join("");
}

/**
 * A TSV field: as a CSV field, its tabs and line breaks already shown as \\x09, \\x0A (so a row is one
 * line of tab-separated cells), quoted only when it holds a quote, which a spreadsheet's paste would
 * otherwise read as the start of a quoted field.
 */
export function tsvField(cell: Cell): string {
  const text = typeof cell === "bigint" ? cell.toString() : neutralizeFormula(showControls(cell));
  return text.includes('"') ? `"${text.replace(/"/g, '""')}"` : text;
}

export const tsvLine = (cells: readonly Cell[]): string => `${cells.map(tsvField).join("\t")}\n`;

export function renderTsv(doc: ReportDocument): string {
  const grid = machineGrid(doc);
  if (!grid) return "";
  return tsvLine(grid.columns.map((c) => c.header)) + grid.rows.map(tsvLine).join("");
}

/** Columns of names, text even when a name is digits (a layer called "1"). */
const NAME_COLUMNS = new Set(["model", "spec", "name", "block", "op", "type", "layer", "convention"]);
const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * JSON lines: one object per CSV row, keyed by the CSV's column names; counts as the JSON contract
 * writes them (a string past 2^53), and a column of decimals as numbers (alpha 0.5, macs_pct 94.86).
 */
export function renderJsonLines(doc: ReportDocument): string {
  const grid = machineGrid(doc);
  if (!grid) return "";
  const names = grid.columns.map((c) => c.header);
  const numeric = names.map(
    (name, i) =>
      !NAME_COLUMNS.has(name) && grid.rows.every((row) => typeof row[i] !== "string" || DECIMAL.test(row[i])),
  );
  const value = (cell: Cell, i: number) => (numeric[i] && typeof cell === "string" ? Number(cell) : cell);
  const line = (row: readonly Cell[]) =>
    `${JSON.stringify(Object.fromEntries(names.map((name, i) => [name, value(row[i]!, i)])), jsonReplacer)}\n`;
  return grid.rows.map(line).join("");
}
