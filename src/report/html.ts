/**
 * One self-contained HTML file: inline CSS, inline SVG charts, an inline
 * script that sorts tables; no network access, no external fonts.
 */
import { displayCell } from "./cells.js";
import type { Grid, ReportDocument } from "./document.js";
import type { Chart } from "./chart.js";
import { renderChart } from "./svg/render.js";
import type { Theme } from "./svg/themes.js";
import { escapeXml } from "./untrusted-text.js";

/** A page's opening up to <body>: UTF-8, a phone-width viewport, its title (text, escaped) and inline style. */
export const pageHead = (title: string, css: string): string[] => [
  "<!doctype html>",
  '<html lang="en">',
  "<head>",
  '<meta charset="utf-8">',
  '<meta name="viewport" content="width=device-width, initial-scale=1">',
  `<title>${escapeXml(title)}</title>`,
  `<style>${css}</style>`,
  "</head>",
  "<body>",
];

/** Wide tables and charts scroll inside their own box; a chart first scales down to it (chartHtml). */
export const BOX_CSS =
  ".chart, .scroll { overflow-x: auto; max-width: 100%; } .chart svg { display: block; max-width: 100%; height: auto; min-width: var(--least, 0); }";

/** A chart's text shrinks to no less than this share of its size (12 px text to 6.6 px) before its box scrolls. */
const LEAST_CHART_SCALE = 0.55;

/**
 * A chart in a page: scaled down to its box (a 1,487 px per-layer chart fits a 1,280 px window),
 * never below LEAST_CHART_SCALE; past that (a phone) it scrolls inside its box.
 */
export function chartHtml(chart: Chart, theme: Theme): string {
  const svg = renderChart(chart, theme);
  const width = Number(/^<svg [^>]*? width="([\d.]+)"/.exec(svg)?.[1] ?? 0);
  return `<div class="chart" style="--least: ${Math.ceil(width * LEAST_CHART_SCALE)}px">${svg}</div>`;
}

export function gridHtml(grid: Grid, options: { exact: boolean; sortable: boolean }): string {
  const head = grid.columns
    .map((c) => `<th class="${c.align === "right" ? "num" : ""}">${escapeXml(c.header)}</th>`)
    .join("");
  const cell = (cell: Grid["rows"][number][number], i: number) => {
    const align = grid.columns[i]?.align === "right" ? ' class="num"' : "";
    const sortValue = typeof cell === "bigint" ? ` data-v="${cell}"` : "";
    return `<td${align}${sortValue}>${escapeXml(displayCell(cell, options))}</td>`;
  };
  const body = grid.rows.map((row) => `<tr>${row.map(cell).join("")}</tr>`).join("\n");
  const foot = (grid.footer ?? []).map((row) => `<tr>${row.map(cell).join("")}</tr>`).join("\n");
  return [
    grid.title ? `<h3>${escapeXml(grid.title)}</h3>` : "",
    // a wide table scrolls inside its box, so the page itself fits a narrow screen
    `<div class="scroll"><table${options.sortable ? ' class="sortable"' : ""}><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody>${foot ? `<tfoot>${foot}</tfoot>` : ""}</table></div>`,
  ].join("\n");
}

export interface HtmlSection {
  readonly id: string;
  readonly heading: string;
  readonly doc: ReportDocument;
  /** Show the document's chart. */
  readonly chart: boolean;
  /** Show its grids, sortable or not. */
  readonly tables: "none" | "plain" | "sortable";
  readonly intro?: readonly string[];
}

export interface HtmlReport {
  readonly title: string;
  readonly subtitle: readonly string[];
  readonly stats: readonly { readonly label: string; readonly value: string; readonly exact: string }[];
  readonly sections: readonly HtmlSection[];
  readonly footer: string;
}

const CSS = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --line: #d0d7de; --bg: #ffffff; --card: #f6f8fa; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --bg: #0d1117; --card: #151b23; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 24px; font: 14px/1.45 system-ui, sans-serif; color: var(--fg); background: var(--bg); }
h1 { margin: 0 0 4px; font-size: 24px; } h2 { margin: 32px 0 8px; font-size: 18px; border-bottom: 1px solid var(--line); padding-bottom: 4px; } h3 { font-size: 14px; }
.sub { color: var(--muted); margin: 2px 0; }
.stats { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
.stat { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; min-width: 160px; }
.stat b { display: block; font-size: 22px; } .stat small { color: var(--muted); }
${BOX_CSS}
.sub, .note, h1, h2, footer { overflow-wrap: anywhere; }
@media (max-width: 600px) { body { padding: 12px; font-size: 13px; } h1 { font-size: 20px; } .stat { min-width: 0; flex: 1 1 140px; } }
table { border-collapse: collapse; margin: 8px 0; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid var(--line); padding: 3px 8px; text-align: left; } td.num, th.num { text-align: right; }
thead th { background: var(--card); } table.sortable th { cursor: pointer; user-select: none; }
table.sortable th[data-dir="asc"]::after { content: " ▲"; } table.sortable th[data-dir="desc"]::after { content: " ▼"; }
tfoot td { font-weight: bold; }
.note { color: var(--muted); } footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
`;

const SCRIPT = `
for (const table of document.querySelectorAll("table.sortable")) {
  table.querySelectorAll("thead th").forEach((th, column) => {
    th.addEventListener("click", () => {
      const dir = th.dataset.dir === "asc" ? "desc" : "asc";
      table.querySelectorAll("thead th").forEach((other) => delete other.dataset.dir);
      th.dataset.dir = dir;
      const key = (row) => row.cells[column].dataset.v ?? row.cells[column].textContent;
      const rows = [...table.tBodies[0].rows];
      rows.sort((a, b) => {
        const x = key(a), y = key(b);
        const c = /^-?\\d+$/.test(x) && /^-?\\d+$/.test(y) ? (BigInt(x) < BigInt(y) ? -1 : BigInt(x) > BigInt(y) ? 1 : 0) : x.localeCompare(y, undefined, { numeric: true });
        return dir === "asc" ? c : -c;
      });
      for (const row of rows) table.tBodies[0].appendChild(row);
    });
  });
}
`;

export function renderHtml(report: HtmlReport, exact: boolean): string {
  const sections = report.sections.map((s) => {
    const parts = [
      `<section id="${escapeXml(s.id)}">`,
      `<h2>${escapeXml(s.heading)}</h2>`,
      ...(s.intro ?? []).map((p) => `<p class="sub">${escapeXml(p)}</p>`),
    ];
    if (s.chart && s.doc.chart) parts.push(chartHtml(s.doc.chart, "auto"));
    if (s.tables !== "none")
      parts.push(...s.doc.grids.map((g) => gridHtml(g, { exact, sortable: s.tables === "sortable" })));
    parts.push(...s.doc.notes.map((n) => `<p class="note">${escapeXml(n)}</p>`), "</section>");
    return parts.join("\n");
  });
  return [
    ...pageHead(report.title, CSS),
    "<header>",
    `<h1>${escapeXml(report.title)}</h1>`,
    ...report.subtitle.map((s) => `<p class="sub">${escapeXml(s)}</p>`),
    `<div class="stats">${report.stats.map((s) => `<div class="stat"><span>${escapeXml(s.label)}</span><b>${escapeXml(s.value)}</b><small>${escapeXml(s.exact)}</small></div>`).join("")}</div>`,
    "</header>",
    ...sections,
    `<footer>${escapeXml(report.footer)}</footer>`,
    `<script>${SCRIPT}</script>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
