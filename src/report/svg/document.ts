import { InputError } from "../../errors.js";
import type { RenderOptions, ReportDocument } from "../document.js";
import { renderChart } from "./render.js";

export function renderSvg(doc: ReportDocument, options: RenderOptions): string {
  if (!doc.chart)
    throw new InputError(
      `--format svg: this report has no chart (charts: the per-layer report, --by, compare, sweep)`,
    );
  return renderChart(doc.chart, options.theme ?? "light");
}
