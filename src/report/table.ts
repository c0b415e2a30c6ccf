/**
 * Text tables with box-drawing borders. No colours, so output is
 * byte-identical with or without a TTY.
 *
 * Hand-written rather than cli-table3: measured on Node 20, cli-table3 took
 * ~12 ms to import and ~40 ms to lay out the 64-row MobileNet V2 table —
 * more than the whole start-up budget (bench/startup.mjs). These tables need
 * no wrapping, spans or colours.
 */
import { displayCell } from "./cells.js";
import type { Grid, ReportDocument, RenderOptions } from "./document.js";
import { showControls } from "./untrusted-text.js";

/** Columns a string takes in a terminal: wide (CJK, emoji) characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x300 && code <= 0x36f) continue; // combining marks
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x1f300 && code <= 0x1faff) ||
      (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

function renderGrid(grid: Grid, options: RenderOptions): string {
  const header = grid.columns.map((c) => showControls(c.header));
  const body = grid.rows.map((row) => row.map((cell) => showControls(displayCell(cell, options))));
  const footer = (grid.footer ?? []).map((row) =>
    row.map((cell) => showControls(displayCell(cell, options))),
  );
  const widths = grid.columns.map((_, i) =>
    Math.max(...[header, ...body, ...footer].map((row) => displayWidth(row[i] ?? ""))),
  );
  const line = (left: string, mid: string, right: string) =>
    `${left}${widths.map((w) => "─".repeat(w + 2)).join(mid)}${right}`;
  const row = (cells: readonly string[]) =>
    `│${cells
      .map((cell, i) => {
        const pad = " ".repeat(widths[i]! - displayWidth(cell));
        return grid.columns[i]?.align === "right" ? ` ${pad}${cell} ` : ` ${cell}${pad} `;
      })
      .join("│")}│`;
  const lines = [line("┌", "┬", "┐"), row(header), line("├", "┼", "┤"), ...body.map(row)];
  if (footer.length > 0) lines.push(line("├", "┼", "┤"), ...footer.map(row));
  lines.push(line("└", "┴", "┘"));
  return (grid.title ? `${showControls(grid.title)}\n` : "") + lines.join("\n");
}

export function renderTable(doc: ReportDocument, options: RenderOptions): string {
  const parts = [
    [doc.title, ...doc.meta].map((line) => showControls(line)).join("\n"),
    ...doc.grids.map((g) => renderGrid(g, options)),
  ];
  if (doc.notes.length > 0) parts.push(doc.notes.map((n) => `note: ${showControls(n)}`).join("\n"));
  return `${parts.join("\n\n")}\n`;
}
