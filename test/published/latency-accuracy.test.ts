/**
 * The README's latency accuracy table, recomputed from the stored measurements (data/latency/accuracy/):
 * each device calibrated on 6 rows of its published table predicts the table's other rows and the other
 * family on the same phone; the table's every figure must be what mbn-cost calibrate --check gives now.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { CALIBRATED_HARDWARE_NAMES } from "../../src/published/hardware.js";
import { runCli } from "../helpers/io.js";

interface CheckedRow {
  model: string;
  measured_ms: number;
  predicted_ms: number;
  macs_linear_ms: number;
}

/** Each built-in calibrated device has its 6 training rows and its held-out rows. */
const DEVICES = CALIBRATED_HARDWARE_NAMES;

const familyOf = (model: string) => model.split("@")[0]!;
const errorPct = (r: CheckedRow, key: "predicted_ms" | "macs_linear_ms") =>
  ((r[key] - r.measured_ms) / r.measured_ms) * 100;
const signed = (e: number) => `${e >= 0 ? "+" : ""}${e.toFixed(1)}%`;
const meanMax = (rows: CheckedRow[], key: "predicted_ms" | "macs_linear_ms") => {
  const errors = rows.map((r) => Math.abs(errorPct(r, key)));
  const mean = errors.reduce((a, b) => a + b, 0) / errors.length;
  return `${mean.toFixed(1)}% / ${Math.max(...errors).toFixed(1)}%`;
};

async function tableRow(device: string): Promise<string> {
  const dir = "data/latency/accuracy";
  const r = await runCli([
    "calibrate",
    `${dir}/${device}.train.csv`,
    "--check",
    `${dir}/${device}.check.csv`,
    "--format",
    "json",
  ]);
  expect(r.code).toBe(0);
  const d = JSON.parse(r.out) as { rows: { model: string }[]; check: { rows: CheckedRow[] } };
  const family = familyOf(d.rows[0]!.model);
  const same = d.check.rows.filter((x) => familyOf(x.model) === family);
  const other = d.check.rows.filter((x) => familyOf(x.model) !== family);
  const label = family.toUpperCase();
  return `| ${device} | ${same.length} ${label} | ${meanMax(same, "predicted_ms")} | ${meanMax(same, "macs_linear_ms")} | ${other.map((x) => `${x.model} ${signed(errorPct(x, "predicted_ms"))}`).join(", ")} | ${other.map((x) => signed(errorPct(x, "macs_linear_ms"))).join(", ")} |`;
}

describe("the README's latency accuracy table", () => {
  const readme = readFileSync("README.md", "utf8");
  const table = readme.slice(
    readme.indexOf("<!-- latency-accuracy:start -->"),
    readme.indexOf("<!-- latency-accuracy:end -->"),
  );
  test.each(DEVICES)("%s: calibrated on 6 rows, its held-out errors are the README's", async (device) => {
    expect(table.split("\n")).toContain(await tableRow(device));
  });

  test("the Pixel 3 CPU in float meets the goal: mean ≤ 5%, max ≤ 15%, better than MACs-linear, within and across families", async () => {
    const row = await tableRow("pixel3-cpu-fp32");
    const [mean, max] = row.split("|")[3]!.trim().split(" / ").map(parseFloat);
    expect(mean).toBeLessThanOrEqual(5);
    expect(max).toBeLessThanOrEqual(15);
  });
});
