/**
 * One vocabulary for every CSV header and JSON key, the README's contract:
 * snake_case, each name meaning one thing, no prose and no repeated headers.
 */
import { parse } from "csv-parse/sync";
import { describe, expect, test } from "vitest";
import { runCli } from "../helpers/io.js";

const SNAKE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

/** Every run that prints CSV or JSON, as a user would type it. */
const RUNS: string[][] = [
  ["v2"],
  ["v2", "--by", "type"],
  ["v2", "--by", "resolution"],
  ["v2", "--by", "block"],
  ["v2", "--by", "layer"],
  ["v2", "--totals"],
  ["v2", "-c", "torch-flops"],
  ["compare", "v1", "v2@0.5"],
  ["compare", "v1@0.5", "fd", "--by", "resolution"],
  ["compare", "v1", "v2", "--by", "type"],
  ["fit", "v2", "--max-macs", "150M"],
  ["fit", "v2", "--max-macs", "150M", "--resolution", "128,160"],
  ["sweep", "v2", "--alpha", "0.5,1"],
  ["explain", "v2", "--from", "paper", "--to", "ptflops"],
  ["paper", "v1"],
  ["models"],
];

function keysOf(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, into);
  else if (value !== null && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      keysOf(v, into);
    }
  return into;
}

const csvRows = (text: string): string[][] =>
  text
    .trimEnd()
    .split("\r\n")
    .map((line) => line.split(","));

describe("every CSV header is snake_case and appears once", () => {
  test.each(RUNS.map((args) => [args.join(" "), args]))("%s", async (_, args) => {
    const r = await runCli([...args, "--format", "csv"]);
    expect(r.code).toBe(0);
    const [header = []] = csvRows(r.out);
    for (const h of header) expect(h).toMatch(SNAKE);
    expect(new Set(header).size).toBe(header.length);
  });
});

describe("CSV's machine twins: TSV and JSON lines, the same rows under the same column names", () => {
  test.each(RUNS.filter((args) => args[0] !== "explain").map((args) => [args.join(" "), args]))(
    "%s",
    async (_, args) => {
      const csv = parse((await runCli([...args, "--format", "csv"])).out) as string[][];
      const tsv = (await runCli([...args, "--format", "tsv"])).out;
      const jsonl = (await runCli([...args, "--format", "jsonl"])).out;
      const tsvRows = tsv
        .trimEnd()
        .split("\n")
        .map((line) => line.split("\t"));
      // the same cells, every row a line of tab-separated cells (a quote quoted, for a spreadsheet's paste)
      expect(tsvRows).toEqual(
        csv.map((row) => row.map((c) => (c.includes('"') ? `"${c.replace(/"/g, '""')}"` : c))),
      );
      const objects = jsonl
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(objects.length).toBe(csv.length - 1);
      for (const [i, object] of objects.entries()) {
        expect(Object.keys(object)).toEqual(csv[0]);
        // each value the CSV's cell, as a number where the column holds numbers
        for (const [name, value] of Object.entries(object))
          expect(String(value), name).toBe(
            csv[i + 1]![csv[0]!.indexOf(name)]!.replace(/\.0+$|(\.\d*?)0+$/, "$1"),
          );
      }
    },
  );
});

describe("every JSON key is snake_case", () => {
  test.each(RUNS.map((args) => [args.join(" "), args]))("%s", async (_, args) => {
    const r = await runCli([...args, "--format", "json"]);
    expect(r.code).toBe(0);
    const text = r.out.trim();
    for (const key of keysOf(JSON.parse(text))) expect(key).toMatch(SNAKE);
  });
});

describe("the same words mean the same things", () => {
  test("settings: model, alpha, resolution, convention on totals, sweep and compare rows", async () => {
    for (const args of [
      ["v2", "--totals"],
      ["sweep", "v2", "--alpha", "0.5"],
      ["compare", "v1", "v2"],
    ]) {
      const [header = []] = csvRows((await runCli([...args, "--format", "csv"])).out);
      expect(header, args.join(" ")).toEqual(
        expect.arrayContaining(["model", "alpha", "resolution", "convention", "params", "macs"]),
      );
    }
  });

  test("a count in FLOPs is keyed flops, and macs stays multiply-accumulates", async () => {
    const [header = [], row = []] = csvRows(
      (await runCli(["sweep", "v2", "--alpha", "1", "-c", "torch-flops", "--format", "csv"])).out,
    );
    const at = (k: string) => BigInt(row[header.indexOf(k)]!);
    expect(at("flops")).toBe(2n * at("macs"));
    expect(at("macs")).toBe(300_774_272n);
  });

  test("fit's CSV holds values, not prose", async () => {
    const rows = csvRows((await runCli(["fit", "v2", "--max-macs", "150M", "--format", "csv"])).out);
    expect(rows[0]).toEqual([
      "model",
      "alpha",
      "resolution",
      "convention",
      "params",
      "macs",
      "next_wider_alpha",
      "next_wider_params",
      "next_wider_macs",
    ]);
    for (const cell of rows[1]!.slice(1)) expect(cell).toMatch(/^[\w.-]+$/);
  });

  test("compare --by resolution is one row per spec and output resolution, with each spec's total", async () => {
    const rows = csvRows(
      (await runCli(["compare", "v1@0.5", "fd@1", "--by", "resolution", "--format", "csv"])).out,
    );
    expect(rows[0]).toEqual([
      "spec",
      "resolution",
      "macs",
      "macs_pct",
      "cumulative_macs",
      "cumulative_macs_pct",
    ]);
    const totals = rows.filter((r) => r[1] === "total");
    expect(totals.map((r) => [r[0], r[2]])).toEqual([
      ["v1@0.5", "149497088"],
      ["fd@1", "144489728"],
    ]);
    const sum = (spec: string) =>
      rows
        .slice(1)
        .filter((r) => r[0] === spec && r[1] !== "total")
        .reduce((a, r) => a + BigInt(r[2]!), 0n);
    expect(sum("v1@0.5")).toBe(149_497_088n);
  });
});
