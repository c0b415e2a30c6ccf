/**
 * The renderer registry. `--format` choices come from here; each renderer is
 * loaded only when chosen (cli-table3 only for tables).
 */
import type { ReportDocument, RenderOptions } from "./document.js";

export type Renderer = (doc: ReportDocument, options: RenderOptions) => string;

/** Formats every report has. */
export const TEXT_FORMATS = ["table", "json", "csv", "tsv", "jsonl", "markdown"] as const;
/** And those of some: svg where there is a chart, Model Explorer's where there are layers. */
export const FORMATS = [...TEXT_FORMATS, "svg", "model-explorer", "model-explorer-graph"] as const;
export type Format = (typeof FORMATS)[number];
export type TextFormat = (typeof TEXT_FORMATS)[number];
/** A budget check's formats: a verdict has no CSV rows. */
export const CHECK_FORMATS = ["table", "json", "markdown"] as const satisfies readonly Format[];
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export const renderers = {
  table: async () => (await import("./table.js")).renderTable,
  json: async () => (await import("./json.js")).renderJson,
  csv: async () => (await import("./csv.js")).renderCsv,
  tsv: async () => (await import("./csv.js")).renderTsv,
  jsonl: async () => (await import("./csv.js")).renderJsonLines,
  markdown: async () => (await import("./markdown.js")).renderMarkdown,
  svg: async () => (await import("./svg/document.js")).renderSvg,
  "model-explorer": async () => {
    const { renderModelExplorer } = await import("./model-explorer.js");
    return (doc, options) => renderModelExplorer(doc, options.nodeData);
  },
  "model-explorer-graph": async () => (await import("./model-explorer.js")).renderModelExplorerGraph,
} satisfies Record<Format, () => Promise<Renderer>>;

export async function render(format: Format, doc: ReportDocument, options: RenderOptions): Promise<string> {
  return (await renderers[format]())(doc, options);
}
