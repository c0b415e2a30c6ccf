/** GitHub-flavoured Markdown: a heading, metadata, pipe tables, notes. */
import { displayCell } from "./cells.js";
import type { Grid, ReportDocument, RenderOptions } from "./document.js";

const escapeCell = (text: string) => text.replace(/\|/g, "\\|");

function renderGrid(grid: Grid, options: RenderOptions): string {
  const header = `| ${grid.columns.map((c) => escapeCell(c.header)).join(" | ")} |`;
  const rule = `|${grid.columns.map((c) => (c.align === "right" ? " ---: " : " --- ")).join("|")}|`;
  const body = [...grid.rows, ...(grid.footer ?? []).map((row) => row.map((cell, i) => (i === 0 || cell === "" ? cell : `**${displayCell(cell, options)}**`)))].map(
    (row) => `| ${row.map((cell) => escapeCell(displayCell(cell, options))).join(" | ")} |`,
  );
  return [...(grid.title ? [`### ${grid.title}`, ""] : []), header, rule, ...body].join("\n");
}

export function renderMarkdown(doc: ReportDocument, options: RenderOptions): string {
  const parts = [`## ${doc.title}`, doc.meta.map((m) => `- ${m}`).join("\n"), ...doc.grids.map((g) => renderGrid(g, options))];
  if (doc.notes.length > 0) parts.push(doc.notes.map((n) => `> ${n}`).join("\n>\n"));
  return `${parts.join("\n\n")}\n`;
}
