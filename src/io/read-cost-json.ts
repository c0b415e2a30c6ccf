/**
 * A saved JSON output of mbn-cost → the models a diff pairs (evaluate/diff.ts): a report
 * (`mbn-cost <model> -f json`: one model, its layers), a comparison (`compare -f json`: a model per
 * spec) or a budget check (`check -f json`: a model per budget, the metrics it checked).
 */
import * as z from "zod";
import { InputError } from "../errors.js";
import type { DiffMetric, MetricValue, SnapshotModel } from "../evaluate/diff.js";
import { readJsonFile } from "./read-model-spec.js";

/** A count as the JSON contract writes it: an integer, or its digits past 2^53. */
const count = z.union([z.int(), z.string().regex(/^-?\d+$/)]).transform((v) => BigInt(v));
const decimal = z.number();

const values = z.looseObject({
  params: count,
  macs: count,
  bytes: count.optional(),
  roofline_macs: decimal.optional(),
  latency_ms: decimal.optional(),
});

const reportJson = z.looseObject({
  model: z.string(),
  alpha: z.number(),
  resolution: z.union([z.number(), z.string()]),
  totals: values,
  layers: z.array(values.extend({ name: z.string() })),
});

const compareJson = z.looseObject({
  models: z.array(z.looseObject({ spec: z.string(), totals: values })).min(1),
});

const checkJson = z.looseObject({
  passed: z.boolean(),
  budgets: z.array(
    z.looseObject({
      name: z.string(),
      checks: z.array(z.looseObject({ metric: z.string(), value: count })),
    }),
  ),
});

type Values = z.infer<typeof values>;

const valuesOf = (v: Values): Partial<Record<DiffMetric, MetricValue>> => ({
  params: v.params,
  macs: v.macs,
  ...(v.bytes !== undefined && { bytes: v.bytes }),
  ...(v.roofline_macs !== undefined && { roofline_macs: v.roofline_macs }),
  ...(v.latency_ms !== undefined && { latency_ms: v.latency_ms }),
});

/** A check's metrics under the diff's names: its latency, checked in whole µs, in ms. */
function checkedValues(checks: readonly { metric: string; value: bigint }[]) {
  const out: Partial<Record<DiffMetric, MetricValue>> = {};
  for (const { metric, value } of checks) {
    if (metric === "params" || metric === "macs" || metric === "bytes") out[metric] = value;
    else if (metric === "roofline_macs") out.roofline_macs = Number(value);
    else if (metric === "latency_us") out.latency_ms = Number(value) / 1000;
  }
  return out;
}

/** The models of a saved mbn-cost JSON; anything else is one line naming the file and what it takes. */
export function readCostJson(path: string, shown: string): SnapshotModel[] {
  const data = readJsonFile(path, "saved");
  const report = reportJson.safeParse(data);
  if (report.success) {
    const r = report.data;
    const width = r.alpha === 1 ? "" : `@${r.alpha}`;
    return [
      {
        key: `${r.model}${width}/${r.resolution}`,
        values: valuesOf(r.totals),
        layers: r.layers.map((l) => ({ name: l.name, values: valuesOf(l) })),
      },
    ];
  }
  const compared = compareJson.safeParse(data);
  if (compared.success) return compared.data.models.map((m) => ({ key: m.spec, values: valuesOf(m.totals) }));
  const checked = checkJson.safeParse(data);
  if (checked.success)
    return checked.data.budgets.map((b) => ({ key: b.name, values: checkedValues(b.checks) }));
  throw new InputError(
    `${shown}: not a saved mbn-cost JSON: expected the output of \`mbn-cost <model> -f json\`, \`mbn-cost compare … -f json\` or \`mbn-cost check … -f json\``,
  );
}
