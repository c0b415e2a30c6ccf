/**
 * Compares a published figure with the computed one: the metric measured on
 * a report, in the figure's unit, rounded as the source rounded.
 */
import { type Rational, rational, toDecimal } from "../algebra/rational.js";
import type { Metric, PublishedFigure } from "../published/figures.js";
import type { CostReport, LayerRow } from "./cost.js";

const sumOf = (rows: readonly LayerRow[], of: "macs" | "params") => rows.reduce((acc, r) => acc + r[of], 0n);

/** The metric's exact value: a count, or a percentage for shares. */
export function measure(metric: Metric, report: CostReport): Rational {
  const rows = report.rows;
  switch (metric.kind) {
    case "total":
      return rational(report.totals[metric.of]);
    case "without-types":
      return rational(
        sumOf(
          rows.filter((r) => !metric.types.includes(r.type)),
          metric.of,
        ),
      );
    case "without-layers":
      return rational(
        sumOf(
          rows.filter((r) => !metric.layers.includes(r.name)),
          metric.of,
        ),
      );
    case "share":
      return rational(
        sumOf(
          rows.filter((r) => r.type === metric.type),
          metric.of,
        ) * 100n,
        report.totals[metric.of],
      );
    case "backbone":
      return rational(sumOf(rows.at(-1)?.op === "fc" ? rows.slice(0, -1) : rows, metric.of));
    case "at-resolutions":
      return rational(
        sumOf(
          rows.filter((r) => r.outputSide !== undefined && metric.sides.includes(r.outputSide)),
          metric.of,
        ),
      );
  }
}

const SCALE = { M: 10n ** 6n, G: 10n ** 9n, "%": 1n } as const;

function floorDecimal(r: Rational, digits: number): string {
  const scale = 10n ** BigInt(digits);
  const scaled = (r.num * scale) / r.den;
  const text = scaled.toString().padStart(digits + 1, "0");
  return digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

export interface Shown {
  /** Exact value in the figure's unit. */
  readonly value: Rational;
  /** Rounded as the source rounds, to its printed digits. */
  readonly shown: string;
  /** To two more digits, for people. */
  readonly precise: string;
  readonly matches: boolean;
}

export function showAs(figure: PublishedFigure, value: Rational): Shown {
  const inUnit = rational(value.num, value.den * SCALE[figure.unit]);
  const digits = figure.printed.split(".")[1]?.length ?? 0;
  const shown = figure.rounding === "floor" ? floorDecimal(inUnit, digits) : toDecimal(inUnit, digits);
  return { value: inUnit, shown, precise: toDecimal(inUnit, digits + 2), matches: shown === figure.printed };
}

export interface Reproduction {
  readonly figure: PublishedFigure;
  readonly computed: Shown;
  /** The explaining metric's value, for an inconsistent figure that has one. */
  readonly explained?: Shown;
}

export function reproduceFigure(figure: PublishedFigure, report: CostReport): Reproduction {
  const computed = showAs(figure, measure(figure.metric, report));
  return figure.explainedBy
    ? { figure, computed, explained: showAs(figure, measure(figure.explainedBy, report)) }
    : { figure, computed };
}
