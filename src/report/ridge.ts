/** `mbn-cost ridge`: roofline cost against the ridge point, one column (and one line) per model. */
import { type Rational, toDecimal } from "../algebra/rational.js";
import type { RidgePoint } from "../evaluate/ridge.js";
import type { Cell, ReportDocument } from "./document.js";
import { exactCell, humanize } from "./numbers.js";

const shown = (r: Rational) => humanize(r.num / r.den);
const exact = (r: Rational) => (r.den === 1n ? r.num : Number(toDecimal(r, 6)));

export function ridgeDocument(
  specs: readonly { readonly spec: string }[],
  points: readonly RidgePoint[],
  fusion: string,
  dtype: string,
): ReportDocument {
  const names = specs.map((s) => s.spec);
  const changes = points.filter((p, i) => i > 0 && p.cheapest !== points[i - 1]!.cheapest);
  return {
    title: `Roofline cost against the ridge point: ${names.join(", ")}`,
    meta: [
      `MAC-equivalents Σ max(MACs, RP · bytes) at ${dtype}, fusion ${fusion}; at RP = 0 the cost is the MAC count (Qin et al. 2024, MobileNetV4, Section 3)`,
      changes.length === 0
        ? `${names[points[0]?.cheapest ?? 0]} is the cheapest at every ridge point here`
        : `the cheapest changes at ${changes.map((p) => `RP ${p.ridgePoint.text} (to ${names[p.cheapest]})`).join(", ")}`,
    ],
    grids: [
      {
        columns: [
          { header: "ridge point", align: "right" },
          ...names.map((n) => ({ header: n, align: "right" as const })),
          { header: "cheapest" },
        ],
        rows: points.map((p): Cell[] => [p.ridgePoint.text, ...p.costs.map(shown), names[p.cheapest]!]),
      },
    ],
    csv: {
      columns: ["spec", "ridge_point", "roofline_macs", "cheapest"].map((header) => ({ header })),
      rows: names.flatMap((n, i) =>
        points.map((p): Cell[] => [
          n,
          p.ridgePoint.text,
          exactCell(p.costs[i]!),
          p.cheapest === i ? "true" : "false",
        ]),
      ),
    },
    notes: [],
    chart: {
      kind: "lines",
      title: `Roofline cost against the ridge point (MACs/byte), ${dtype}`,
      xLabel: "ridge point (MACs per byte)",
      unit: "MAC-equivalents",
      series: names.map((n, i) => ({
        label: n,
        points: points.map((p) => ({
          x: Number(toDecimal(p.ridgePoint.value, 6)),
          y: p.costs[i]!.num / p.costs[i]!.den,
        })),
      })),
    },
    data: {
      dtype,
      fusion,
      models: names,
      points: points.map((p) => ({
        ridge_point: exact(p.ridgePoint.value),
        costs: names.map((n, i) => ({ spec: n, roofline_macs: exact(p.costs[i]!) })),
        cheapest: names[p.cheapest],
      })),
    },
  };
}
