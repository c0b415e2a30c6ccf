/** Where a report's numbers meet a published table that differs from the arithmetic, say so. */
import { type Metric, PUBLISHED_FIGURES } from "../published/figures.js";
import type { CostReport } from "./cost.js";
import { reproduceFigure } from "./reproduce.js";
import { sameResolution, squareResolution } from "../model/resolution.js";

export function differingFigureNotes(report: CostReport, kinds: readonly Metric["kind"][]): string[] {
  return PUBLISHED_FIGURES.filter(
    (f) =>
      f.differs !== undefined &&
      kinds.includes(f.metric.kind) &&
      f.model === report.model.id &&
      Number(f.alpha) === report.alpha.value &&
      sameResolution(squareResolution(f.resolution), report.resolution) &&
      f.convention === report.convention.name,
  ).map((f) => {
    const r = reproduceFigure(f, report);
    return `${f.label} is ${r.computed.shown}${f.unit === "%" ? "%" : `${f.unit}`} here: ${f.differs} (${f.source}).`;
  });
}
