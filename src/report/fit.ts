import { toDecimal } from "../algebra/rational.js";
import type { FitAnswer, FitCandidate, FitLimits } from "../budget/fit.js";
import type { Convention } from "../model/conventions.js";
import type { Cell, Grid, ReportDocument } from "./document.js";
import { conventionDetails, conventionLine, countFields, inUnit, unitOf } from "./layers.js";
import { humanize } from "./numbers.js";

/** A fit compares times with a limit of up to 3 decimals: it shows them to 3, where 3 significant figures could not tell them apart. */
const LIMIT_DECIMALS = 3;

const candidateData = (c: FitCandidate | undefined) =>
  c
    ? {
        alpha: c.alpha.value,
        resolution: c.resolution,
        macs: c.macs,
        params: c.params,
        ...(c.latencyMs && { latency_ms: Number(toDecimal(c.latencyMs, 9)) }),
      }
    : null;

/** CSV: values only, one row per resolution; empty cells where nothing fits or nothing is wider. */
function fitCsv(model: string, answers: readonly FitAnswer[], convention: Convention): Grid {
  const counts = (c: FitCandidate | undefined): Cell[] =>
    c
      ? [c.params, ...Object.values(countFields(c.macs, convention))]
      : ["", ...Object.keys(countFields(0n, convention)).map(() => "")];
  const countNames = ["params", ...Object.keys(countFields(0n, convention))];
  return {
    columns: [
      "model",
      "alpha",
      "resolution",
      "convention",
      ...countNames,
      "next_wider_alpha",
      ...countNames.map((n) => `next_wider_${n}`),
    ].map((header) => ({ header })),
    rows: answers.map((a) => [
      model,
      a.best?.alpha.text ?? "",
      `${a.resolution}`,
      convention.name,
      ...counts(a.best),
      a.nextWider?.alpha.text ?? "",
      ...counts(a.nextWider),
    ]),
  };
}

export function fitDocument(
  model: string,
  answers: readonly FitAnswer[],
  limits: FitLimits,
  convention: Convention,
  pareto: boolean,
): ReportDocument {
  const unit = unitOf(convention).name;
  const limitText = [
    limits.shownAsFlops !== undefined && `FLOPs ≤ ${humanize(limits.shownAsFlops)}`,
    limits.shownAsFlops === undefined && limits.macs !== undefined && `MACs ≤ ${humanize(limits.macs)}`,
    limits.params !== undefined && `params ≤ ${humanize(limits.params)}`,
    limits.latency !== undefined &&
      `${toDecimal(limits.latency.ms, 3)} ms on ${limits.latency.hardware.name} (roofline, ${limits.latency.dtype})`,
  ]
    .filter(Boolean)
    .join(", ");
  const rows: Cell[][] = answers.map((a) => [
    `${a.resolution}`,
    a.best?.alpha.text ?? "none fits",
    a.best ? inUnit(a.best.macs, convention) : "—",
    a.best?.params ?? "—",
    a.nextWider
      ? `${a.nextWider.alpha.text}: ${humanize(inUnit(a.nextWider.macs, convention))} ${unit}, ${humanize(a.nextWider.params)} params${a.nextWider.latencyMs ? `, ${toDecimal(a.nextWider.latencyMs, LIMIT_DECIMALS)} ms` : ""}`
      : "—",
    ...(limits.latency ? [a.best?.latencyMs ? toDecimal(a.best.latencyMs, LIMIT_DECIMALS) : "—"] : []),
  ]);
  const entry = (a: FitAnswer) => ({
    ...candidateData(a.best),
    ...(a.best === undefined && { resolution: a.resolution, alpha: null }),
    next_wider: candidateData(a.nextWider),
  });
  return {
    title: `Widest ${model} within ${limitText}`,
    meta: [
      conventionLine(convention),
      "every α on the grid evaluated exactly; the answer is the largest that fits",
    ],
    details: [conventionDetails(convention)],
    grids: [
      {
        columns: [
          { header: "resolution", align: "right" },
          { header: "α", align: "right" },
          { header: unit, align: "right" },
          { header: "params", align: "right" },
          { header: "next wider (does not fit)" },
          ...(limits.latency ? [{ header: "time (ms)", align: "right" as const }] : []),
        ],
        rows,
      },
    ],
    csv: fitCsv(model, answers, convention),
    notes: pareto ? ["Pareto set: no other answer has both a larger α and a larger resolution."] : [],
    data: pareto ? answers.map(entry) : answers[0] ? entry(answers[0]) : null,
  };
}
