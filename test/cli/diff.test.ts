/** mbn-cost diff: two saved JSON outputs (a report, a comparison, a check) paired model by model. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { runCli, unwrapped } from "../helpers/io.js";

const dir = mkdtempSync(join(tmpdir(), "mbn-cost-diff-"));
/** Saves a run's JSON output and returns its path. */
async function saved(name: string, args: string[]): Promise<string> {
  const r = await runCli([...args, "--format", "json"]);
  expect(r.code, r.err).toBe(0);
  const path = join(dir, name);
  writeFileSync(path, r.out);
  return path;
}

describe("mbn-cost diff", () => {
  test("two reports: each metric's change exactly, in %, and the layers whose MACs changed most", async () => {
    const [base, head] = [await saved("v2.json", ["v2"]), await saved("v2-wide.json", ["v2@1.4"])];
    const r = await runCli(["diff", base, head, "--exact", "--layers", "3"]);
    expect(r.code, r.err).toBe(0);
    expect(unwrapped(r.out)).toContain(
      "v2/224 → v2@1.4/224: params +74.65% (+2,590,080), MACs +93.57% (+281,421,552)",
    );
    expect(r.out.match(/│ changed │/g)).toHaveLength(3);
    const json = JSON.parse((await runCli(["diff", base, head, "-f", "json"])).out);
    expect(json.models[0].changes[1]).toEqual({
      metric: "macs",
      base: 300774272,
      head: 582195824,
      change: 281421552,
      change_pct: 93.5657,
    });
    expect(json.models[0].layers).toHaveLength(5);
  });

  test("on a calibrated device the bytes, the roofline MACs and the latency change too", async () => {
    const hw = ["--hardware", "pixel3-cpu-fp32"];
    const [base, head] = [await saved("a.json", ["v2", ...hw]), await saved("b.json", ["v2@0.5", ...hw])];
    const json = JSON.parse((await runCli(["diff", base, head, "-f", "json"])).out);
    expect(json.models[0].changes.map((c: { metric: string }) => c.metric)).toEqual([
      "params",
      "macs",
      "bytes",
      "roofline_macs",
      "latency_ms",
    ]);
    expect(json.models[0].changes[4].change).toBeLessThan(0);
  });

  test("comparisons pair by spec: a spec on one side only is listed as added or removed", async () => {
    const base = await saved("c1.json", ["compare", "v1", "v2"]);
    const head = await saved("c2.json", ["compare", "v2", "v3-large"]);
    const json = JSON.parse((await runCli(["diff", base, head, "-f", "json"])).out);
    expect(json.models.map((m: { model: string; status: string }) => [m.model, m.status])).toEqual([
      ["v2", "changed"],
      ["v3-large", "added"],
      ["v1", "removed"],
    ]);
  });

  test("check reports: the metrics each budget checked, by budget name", async () => {
    const base = join(dir, "check.json");
    const r = await runCli(["check", "examples/budgets.json", "-f", "json"]);
    writeFileSync(base, r.out);
    const same = await runCli(["diff", base, base]);
    expect(same.code).toBe(0);
    expect(same.out).toContain("v2-full: params 0.00% (0), MACs 0.00% (0)");
  });

  test("--fail-on-increase: exit 1 naming each metric past it; within it, exit 0 saying so", async () => {
    const [base, head] = [await saved("s.json", ["v2@0.5"]), await saved("t.json", ["v2@0.75"])];
    const over = await runCli(["diff", base, head, "--fail-on-increase", "2%"]);
    expect(over.code).toBe(1);
    expect(over.out).toContain("EXCEEDED v2@0.5/224 → v2@0.75/224: MACs grew +115.24%, more than 2%");
    const within = await runCli(["diff", base, head, "--fail-on-increase", "200"]);
    expect(within.code).toBe(0);
    expect(within.out).toContain("no metric grew more than 200%");
    expect((await runCli(["diff", head, base, "--fail-on-increase", "0%"])).code).toBe(0);
  });

  test.each([
    [
      ["diff", "examples/budgets.json", "examples/budgets.json"],
      /examples\/budgets\.json: not a saved mbn-cost JSON/,
    ],
    [["diff", "examples/budgets.json"], /diff needs two saved JSON outputs/],
    [["diff", "a.json", "b.json", "--against", "HEAD"], /--against HEAD compares one budgets file/],
    [["diff", "a.json", "b.json", "--fail-on-increase", "lots"], /Expected a percentage ≥ 0/],
    [["diff", "examples/budgets.json", "--against", "--upload-pack=x"], /expected a git ref/],
  ])("bad input %j: exit 2, one line", async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split("\n")).toHaveLength(1);
  });
});
