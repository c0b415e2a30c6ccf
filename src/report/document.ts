/**
 * What every report builds: a title, metadata lines (model, convention,
 * source), grids of cells, notes, and the JSON data. Renderers turn a
 * document into text; they never compute numbers.
 */

import type { Chart } from "./chart.js";
import type { CostReport } from "../evaluate/cost.js";
import type { Roofline } from "../evaluate/roofline.js";
import type { NodeDataMetric } from "./node-data-metrics.js";

/** A count (exact bigint: humanized in tables unless --exact, raw in CSV) or text. */
export type Cell = bigint | string;

export interface Column {
  readonly header: string;
  readonly align?: "left" | "right";
  /** When a wide table is split into panels, this column stays with the one before it (a share beside its count). */
  readonly keepWithPrevious?: boolean;
}

export interface Grid {
  readonly title?: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
  /** Totals rows: shown in tables and Markdown, left out of CSV (its rows stay data). */
  readonly footer?: readonly (readonly Cell[])[];
}

export interface ReportDocument {
  readonly title: string;
  readonly meta: readonly string[];
  /** Metadata printed after `meta` only with --verbose (JSON carries it as data regardless). */
  readonly details?: readonly string[];
  readonly grids: readonly Grid[];
  readonly notes: readonly string[];
  /** The chart `--format svg` draws, for reports that have one. */
  readonly chart?: Chart;
  /** The CSV grid, when it differs from the first grid (e.g. shapes split into columns). */
  readonly csv?: Grid;
  /** The first meta line, with its counts shown by `cell` (so --exact reaches the headline). */
  readonly headline?: (cell: (count: bigint) => string) => string;
  /** A one-line answer (--totals): table and Markdown print only this, counts shown by `cell`. */
  readonly line?: (cell: (count: bigint) => string) => string;
  /** The JSON output: plain data, bigints allowed (see json.ts). */
  readonly data: unknown;
  /**
   * The per-layer counts behind the document, for Model Explorer's formats, which work out its node
   * data and graph from them when asked (report/model-explorer.ts, loaded only then).
   */
  readonly layers?: { readonly report: CostReport; readonly roofline?: Roofline };
}

export interface RenderOptions {
  /** Print counts as exact integers instead of human units. */
  readonly exact: boolean;
  /** Print the details lines too (the convention in full). */
  readonly verbose?: boolean;
  /** Tables fit this many columns: text wraps, then panels split (default 100). */
  readonly width?: number;
  /** Charts: the scheme they draw in (default light), or the viewer's (auto). */
  readonly theme?: "light" | "dark" | "auto";
  /** --format model-explorer: the metric its node data carries (default MACs). */
  readonly nodeData?: NodeDataMetric;
}
