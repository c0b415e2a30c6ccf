/**
 * The renderer registry. `--format` choices come from here; each renderer is
 * loaded only when chosen (cli-table3 only for tables).
 */
import type { ReportDocument, RenderOptions } from "./document.js";

export type Renderer = (doc: ReportDocument, options: RenderOptions) => string;

export const FORMATS = ["table", "json", "csv", "markdown"] as const;
export type Format = (typeof FORMATS)[number];

export const renderers = {
  table: async () => (await import("./table.js")).renderTable,
  json: async () => (await import("./json.js")).renderJson,
  csv: async () => (await import("./csv.js")).renderCsv,
  markdown: async () => (await import("./markdown.js")).renderMarkdown,
} satisfies Record<Format, () => Promise<Renderer>>;

export async function render(format: Format, doc: ReportDocument, options: RenderOptions): Promise<string> {
  return (await renderers[format]())(doc, options);
}
