/** GitHub-flavoured Markdown: a heading, metadata, pipe tables, notes. */
import { displayCell, metaLines } from "./cells.js";
import type { Cell, Grid, ReportDocument, RenderOptions } from "./document.js";
import { escapeMarkdown } from "./untrusted-text.js";

function renderGrid(grid: Grid, options: RenderOptions): string {
  const header = `| ${grid.columns.map((c) => escapeMarkdown(c.header)).join(" | ")} |`;
  const rule = `|${grid.columns.map((c) => (c.align === "right" ? " ---: " : " --- ")).join("|")}|`;
  const cells = (row: readonly Cell[]) => row.map((cell) => escapeMarkdown(displayCell(cell, options)));
  const bold = (row: readonly Cell[]) =>
    cells(row).map((cell, i) => (i === 0 || cell === "" ? cell : `**${cell}**`));
  const body = [...grid.rows.map(cells), ...(grid.footer ?? []).map(bold)].map(
    (row) => `| ${row.join(" | ")} |`,
  );
  return [...(grid.title ? [`### ${escapeMarkdown(grid.title)}`, ""] : []), header, rule, ...body].join("\n");
}

export function renderMarkdown(doc: ReportDocument, options: RenderOptions): string {
  if (doc.line) return `${escapeMarkdown(doc.line((n) => displayCell(n, options)))}\n`;
  const parts = [
    `## ${escapeMarkdown(doc.title)}`,
    metaLines(doc, options)
      .map((m) => `- ${escapeMarkdown(m)}`)
      .join("\n"),
    ...doc.grids.map((g) => renderGrid(g, options)),
  ];
  if (doc.notes.length > 0) parts.push(doc.notes.map((n) => `> ${escapeMarkdown(n)}`).join("\n>\n"));
  return `${parts.join("\n\n")}\n`;
}
