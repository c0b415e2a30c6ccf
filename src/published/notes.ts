/** Where a report's numbers meet a published table that differs from the arithmetic, say so. */
import type { CostReport } from "../evaluate/cost.js";
import { reproduceFigure } from "../evaluate/reproduce.js";
import { type Metric, PUBLISHED_FIGURES } from "./figures.js";

export function differingFigureNotes(report: CostReport, kinds: readonly Metric["kind"][]): string[] {
  return PUBLISHED_FIGURES.filter(
    (f) =>
      f.differs !== undefined &&
      kinds.includes(f.metric.kind) &&
      f.model === report.model.id &&
      Number(f.alpha) === report.alpha.value &&
      f.resolution === report.resolution &&
      f.convention === report.convention.name,
  ).map((f) => {
    const r = reproduceFigure(f, report);
    return `${f.label} is ${r.computed.shown}${f.unit === "%" ? "%" : `${f.unit}`} here: ${f.differs} (${f.source}).`;
  });
}
