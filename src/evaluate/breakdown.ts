/**
 * Breakdowns of a report: by layer type, by output resolution, by block, by
 * layer. Each group's MACs and params are exact sums of its rows; shares are
 * exact fractions of the totals.
 */
import { type Rational, rational } from "../algebra/rational.js";
import type { Metric } from "../published/figures.js";
import { type CostReport, type LayerRow, stageOf } from "./cost.js";
import { differingFigureNotes } from "./figure-notes.js";

import type { BreakdownBy } from "./option-names.js";

export { BREAKDOWNS, type BreakdownBy } from "./option-names.js";

export interface BreakdownGroup {
  /** Layer type, output side, block or layer name. */
  readonly key: string;
  readonly layers: number;
  readonly macs: bigint;
  readonly params: bigint;
  readonly macsShare: Rational;
  readonly paramsShare: Rational;
  /** The group's MACs by layer type, in order of first appearance (charts stack bars by type). */
  readonly macsByType: readonly { readonly type: string; readonly macs: bigint }[];
}

interface Grouping {
  key(row: LayerRow): string;
  /** Keep groups with neither MACs nor params (ops that cost nothing under the convention)? */
  readonly keepEmpty: boolean;
  order(groups: BreakdownGroup[]): BreakdownGroup[];
}

const byFirstAppearance = (groups: BreakdownGroup[]) => groups;

export const groupings: Record<BreakdownBy, Grouping> = {
  type: {
    key: (r) => r.type,
    keepEmpty: false,
    order: (g) =>
      [...g].sort((a, b) =>
        b.macs > a.macs ? 1 : b.macs < a.macs ? -1 : b.params > a.params ? 1 : b.params < a.params ? -1 : 0,
      ),
  },
  /** The output feature map's side: a layer's cost is binned where it produces its output. */
  resolution: {
    key: (r) => (r.outputSide === undefined ? "" : String(r.outputSide)),
    keepEmpty: true,
    order: (g) => [...g].sort((a, b) => Number(b.key) - Number(a.key)),
  },
  /** A `stages` entry's stages; the other rows by their blocks (a stem, a fusion adapter, a classifier). */
  stage: { key: stageOf, keepEmpty: true, order: byFirstAppearance },
  block: { key: (r) => r.block, keepEmpty: true, order: byFirstAppearance },
  layer: { key: (r) => r.name, keepEmpty: true, order: byFirstAppearance },
};

const share = (part: bigint, whole: bigint): Rational => (whole === 0n ? rational(0) : rational(part, whole));

export function breakdown(report: CostReport, by: BreakdownBy): BreakdownGroup[] {
  const grouping = groupings[by];
  const sums = new Map<
    string,
    { layers: number; macs: bigint; params: bigint; byType: Map<string, bigint> }
  >();
  for (const row of report.rows) {
    const key = grouping.key(row);
    const s = sums.get(key) ?? { layers: 0, macs: 0n, params: 0n, byType: new Map<string, bigint>() };
    s.byType.set(row.type, (s.byType.get(row.type) ?? 0n) + row.macs);
    sums.set(key, { ...s, layers: s.layers + 1, macs: s.macs + row.macs, params: s.params + row.params });
  }
  const groups = [...sums.entries()]
    .filter(([, s]) => grouping.keepEmpty || s.macs !== 0n || s.params !== 0n)
    .map(([key, { byType, ...s }]) => ({
      key,
      ...s,
      macsByType: [...byType].map(([type, macs]) => ({ type, macs })),
      macsShare: share(s.macs, report.totals.macs),
      paramsShare: share(s.params, report.totals.params),
    }));
  return grouping.order(groups);
}

/** A breakdown and what the published figures of this setting say about it. */
export interface Breakdown {
  readonly by: BreakdownBy;
  readonly groups: readonly BreakdownGroup[];
  /** Published figures of this model and setting that differ from the arithmetic, with why. */
  readonly figureNotes: readonly string[];
  /** Keys of rows left out for having neither MACs nor params under the convention. */
  readonly omitted: readonly string[];
}

const FIGURES_ABOUT: Record<BreakdownBy, readonly Metric["kind"][]> = {
  type: ["share"],
  resolution: ["at-resolutions"],
  stage: [],
  block: [],
  layer: [],
};

export function analyseBreakdown(report: CostReport, by: BreakdownBy): Breakdown {
  const groups = breakdown(report, by);
  const shown = new Set(groups.map((g) => g.key));
  const omitted = [...new Set(report.rows.map(groupings[by].key))].filter((key) => !shown.has(key));
  return { by, groups, figureNotes: differingFigureNotes(report, FIGURES_ABOUT[by]), omitted };
}
