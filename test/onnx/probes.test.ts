/**
 * Operators no built-in model has (max pooling, module and functional;
 * channel concatenation), checked against the peer counters themselves: the
 * probe modules of scripts/onnx-probes.py exported to ONNX, counted here under
 * each preset, equal what ptflops, fvcore and thop print for the same modules
 * (test/fixtures/peers/onnx-probes.json records their commits and calls).
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { runCli } from "../helpers/io.js";

const observed = JSON.parse(
  readFileSync(new URL("../fixtures/peers/onnx-probes.json", import.meta.url), "utf8"),
) as {
  tools: Record<string, { repository: string; commit: string }>;
  counts: ({ probe: string; resolution: number } & Record<string, { macs: number; params: number }>)[];
};

/** The preset that follows each tool. */
const PRESETS: Record<string, string> = {
  ptflops: "ptflops",
  "ptflops-aten": "ptflops-aten",
  fvcore: "fvcore",
  thop: "thop",
  "thop-lyken17": "thop",
};

describe("ONNX probes against the peer counters", () => {
  for (const row of observed.counts)
    for (const [tool, preset] of Object.entries(PRESETS))
      test(`${row.probe} at ${row.resolution}: -c ${preset} prints what ${tool} (${observed.tools[tool]!.commit.slice(0, 7)}) does`, async () => {
        const file = `test/fixtures/onnx/probes/${row.probe}.onnx`;
        const r = await runCli([file, "-c", preset, "-r", String(row.resolution), "--format", "json"]);
        expect(r.code, r.err).toBe(0);
        const totals = JSON.parse(r.out).totals;
        expect({ macs: Number(totals.macs), params: Number(totals.params) }).toEqual(row[tool]);
      });
});
