/** A cost diff (evaluate/diff.ts) as a document: per model each metric's change, then the layers that changed most. */
import type { DiffMetric, LayerChange, MetricChange, MetricValue, ModelDiff } from "../evaluate/diff.js";
import { rational } from "../algebra/rational.js";
import type { Cell, ReportDocument } from "./document.js";
import { humanize, milliseconds, signedCount } from "./numbers.js";

const LABEL: Record<DiffMetric, string> = {
  params: "params",
  macs: "MACs",
  bytes: "bytes moved",
  roofline_macs: "roofline MACs",
  latency_ms: "latency (ms)",
};

/** A decimal metric (a time, MAC-equivalents) to 3 significant figures, as every time is printed. */
const decimalText = (v: number): string => milliseconds(rational(BigInt(Math.round(v * 1e6)), 1_000_000n));

function valueCell(v: MetricValue, exact: boolean): Cell {
  if (typeof v === "bigint") return exact ? v : humanize(v);
  return decimalText(v);
}

function changeText(v: MetricValue, exact: boolean): string {
  if (v === 0n || v === 0) return "0";
  if (typeof v === "bigint") return signedCount(v, exact);
  return v < 0 ? `-${decimalText(-v)}` : `+${decimalText(v)}`;
}

const pctText = (pct: number | undefined): string =>
  pct === undefined ? "new" : `${pct > 0 ? "+" : ""}${pct.toFixed(2)}%`;

function metricRow(d: ModelDiff, m: MetricChange, first: boolean, exact: boolean): Cell[] {
  return [
    first ? d.key : "",
    LABEL[m.metric],
    valueCell(m.base, exact),
    valueCell(m.head, exact),
    changeText(m.change, exact),
    pctText(m.pct),
  ];
}

const layerRow = (d: ModelDiff, l: LayerChange, first: boolean, exact: boolean): Cell[] => [
  first ? d.key : "",
  l.name,
  valueCell(l.base, exact),
  valueCell(l.head, exact),
  changeText(l.change, exact),
  l.status,
];

/** "v2: MACs +12.51% (+37.63M), params +0.00%": each model's changes in one line. */
function summaryLine(d: ModelDiff, exact: boolean): string {
  if (d.status !== "changed") return `${d.key}: only in the ${d.status === "added" ? "head" : "base"}`;
  const parts = d.metrics.map((m) => `${LABEL[m.metric]} ${pctText(m.pct)} (${changeText(m.change, exact)})`);
  const where = d.layers.length > 0 ? `; most in ${d.layers.map((l) => l.name).join(", ")}` : "";
  return `${d.key}: ${parts.join(", ")}${where}`;
}

export interface DiffNames {
  readonly base: string;
  readonly head: string;
}

export interface DiffVerdict {
  /** --fail-on-increase, in percent. */
  readonly limitPct: number;
  readonly past: readonly { key: string; change: MetricChange }[];
}

export function diffDocument(
  diffs: readonly ModelDiff[],
  names: DiffNames,
  exact: boolean,
  verdict?: DiffVerdict,
): ReportDocument {
  const metricRows = diffs.flatMap((d) => d.metrics.map((m, i) => metricRow(d, m, i === 0, exact)));
  const layerRows = diffs.flatMap((d) => d.layers.map((l, i) => layerRow(d, l, i === 0, exact)));
  const verdictLines = verdict
    ? verdict.past.length === 0
      ? [`no metric grew more than ${verdict.limitPct}%`]
      : verdict.past.map(
          (p) =>
            `EXCEEDED ${p.key}: ${LABEL[p.change.metric]} grew ${pctText(p.change.pct)}, more than ${verdict.limitPct}%`,
        )
    : [];
  return {
    title: `Cost diff: ${names.base} → ${names.head}`,
    meta: [...verdictLines, ...diffs.map((d) => summaryLine(d, exact))],
    grids: [
      {
        columns: [
          { header: "model" },
          { header: "metric" },
          { header: "base", align: "right" },
          { header: "head", align: "right" },
          { header: "change", align: "right" },
          { header: "change %", align: "right" },
        ],
        rows: metricRows,
      },
      ...(layerRows.length > 0
        ? [
            {
              title: "The layers whose MACs changed most",
              columns: [
                { header: "model" },
                { header: "layer" },
                { header: "MACs base", align: "right" as const },
                { header: "MACs head", align: "right" as const },
                { header: "change", align: "right" as const },
                { header: "status" },
              ],
              rows: layerRows,
            },
          ]
        : []),
    ],
    notes: [],
    data: {
      base: names.base,
      head: names.head,
      ...(verdict && { fail_on_increase_pct: verdict.limitPct, passed: verdict.past.length === 0 }),
      models: diffs.map((d) => ({
        model: d.key,
        status: d.status,
        changes: d.metrics.map((m) => ({
          metric: m.metric,
          base: m.base,
          head: m.head,
          change: m.change,
          change_pct: m.pct === undefined ? null : Number(m.pct.toFixed(4)),
        })),
        layers: d.layers.map((l) => ({
          name: l.name,
          status: l.status,
          macs_base: l.base,
          macs_head: l.head,
          macs_change: l.change,
        })),
      })),
    },
  };
}
