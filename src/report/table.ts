/** Text tables (cli-table3, no colours: byte-identical with or without a TTY). */
import Table from "cli-table3";
import { displayCell } from "./cells.js";
import type { Grid, ReportDocument, RenderOptions } from "./document.js";

function renderGrid(grid: Grid, options: RenderOptions): string {
  const table = new Table({
    head: grid.columns.map((c) => c.header),
    colAligns: grid.columns.map((c) => c.align ?? "left"),
    style: { head: [], border: [] },
    chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
  });
  for (const row of [...grid.rows, ...(grid.footer ?? [])]) table.push(row.map((cell) => displayCell(cell, options)));
  return (grid.title ? `${grid.title}\n` : "") + table.toString();
}

export function renderTable(doc: ReportDocument, options: RenderOptions): string {
  const parts = [[doc.title, ...doc.meta].join("\n"), ...doc.grids.map((g) => renderGrid(g, options))];
  if (doc.notes.length > 0) parts.push(doc.notes.map((n) => `note: ${n}`).join("\n"));
  return `${parts.join("\n\n")}\n`;
}
