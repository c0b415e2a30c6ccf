/** `mbn-cost calibrate`: measurements in, a report and a --hardware profile out; its refusals. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { runCli, unwrapped } from "../helpers/io.js";

const dir = mkdtempSync(join(tmpdir(), "mbn-calibrate-"));
const csv = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const PIXEL3 = "data/latency/pixel3-cpu-fp32.csv";

describe("calibrate", () => {
  test("prints each row measured, fitted and left out, beside a MACs-linear fit, with the fit's errors", async () => {
    const r = await runCli(["calibrate", PIXEL3]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      "Latency calibration: pixel3-cpu-fp32, from data/latency/pixel3-cpu-fp32.csv (16 measurements)",
    );
    expect(unwrapped(r.out)).toMatch(
      /error of the fit: mean \d+\.\d%, max \d+\.\d%; leave-one-out .*: mean \d+\.\d%/,
    );
    expect(unwrapped(r.out)).toMatch(/a MACs-linear fit \(a·MACs \+ b\) on the same rows: mean/);
    expect(r.out).toContain("v1@0.25/128");
  });

  test("--out writes a profile that --hardware reads: milliseconds per layer with compute, memory and overhead", async () => {
    const profile = join(dir, "p3.json");
    const r = await runCli(["calibrate", PIXEL3, "--out", profile, "--format", "json"]);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`wrote ${profile}`);
    const written = JSON.parse(r.files.get(profile)!);
    expect(Object.keys(written.macs_per_s)).toEqual(["dense", "depthwise", "pointwise"]);
    expect(written.calibration.measurements).toBe(16);
    writeFileSync(profile, r.files.get(profile)!);
    const report = JSON.parse(r.out);
    const shown = await runCli(["v1", "--hardware", profile, "--format", "json"]);
    expect(shown.code).toBe(0);
    const d = JSON.parse(shown.out);
    // v1 at 224 is a measured row: the report's time is the fit's
    const row = report.rows.find((x: { model: string }) => x.model === "v1@1.0/224");
    expect(d.totals.latency_ms).toBeCloseTo(row.predicted_ms, 6);
  });

  test("fit --max-latency-ms works on a calibrated profile", async () => {
    const profile = join(dir, "fit.json");
    const r = await runCli(["calibrate", PIXEL3, "--out", profile]);
    writeFileSync(profile, r.files.get(profile)!);
    const fit = await runCli(["fit", "v1", "--max-latency-ms", "5", "--hardware", profile]);
    expect(fit.code).toBe(0);
    expect(fit.out).toMatch(/α/);
  });

  test("refuses: fewer than 4 rows, mixed dtypes, a bad spec (naming its line), unknown columns, a bad latency", async () => {
    const few = await runCli(["calibrate", csv("few.csv", "model,latency_ms\nv1,24\nv1@0.5,8\n")]);
    expect(few.code).toBe(2);
    expect(few.err).toContain("2 measurements; calibrate needs at least 4");
    const mixed = await runCli([
      "calibrate",
      csv(
        "mixed.csv",
        "model,latency_ms,dtype\nv1,24,fp32\nv1@0.5,8,int8\nv1@0.75,14,fp32\nv1@0.25,3,fp32\n",
      ),
    ]);
    expect(mixed.err).toMatch(/line 3 is int8 and line 2 fp32; .*one dtype at a time/);
    const spec = await runCli([
      "calibrate",
      csv("spec.csv", "model,latency_ms\nv1,24\nv1@0.5,8\nnope@1,14\nv1@0.25,3\n"),
    ]);
    expect(spec.code).toBe(2);
    expect(spec.err).toMatch(/spec\.csv line 4: .*nope/);
    const column = await runCli(["calibrate", csv("col.csv", "model,latency_ms,device\nv1,24,p3\n")]);
    expect(column.err).toContain("column 'device' is not one calibrate reads");
    const latency = await runCli(["calibrate", csv("lat.csv", "model,latency_ms\nv1,-3\n")]);
    expect(latency.err).toContain("line 2: latency_ms '-3' must be milliseconds above 0");
    for (const r of [few, mixed, spec, column, latency]) {
      expect(r.code).toBe(2);
      expect(r.err.trim().split("\n")).toHaveLength(1);
    }
  });

  test("reads a BOM, CRLF line ends, comments and quoted fields", async () => {
    const r = await runCli([
      "calibrate",
      csv(
        "ok.csv",
        '\uFEFF# a comment\r\nmodel,latency_ms,note\r\nv1,24,"4 threads, big core"\r\nv1@0.5,8,\r\nv1@0.75,14,\r\nv1@0.25,3,\r\n',
      ),
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("(4 measurements)");
    expect(r.out).toMatch(/│ 3 +│ v1 +│/);
  });
});

describe("--dtype means one thing: the memory peak and the roofline at the same element size", () => {
  test("on an int8 profile without --dtype, the peak is at int8 (never fp32 beside int8); --dtype fp32 moves both", async () => {
    const int8 = await runCli(["v2", "--hardware", "pixel3-cpu-int8"]);
    expect(int8.out).toContain("602,112 elements = 602.11KB at int8");
    expect(int8.out).not.toMatch(/\bfp32\b/);
    const fp32 = await runCli(["v2", "--hardware", "pixel3-cpu-int8", "--dtype", "fp32"]);
    expect(fp32.out).toContain("602,112 elements = 2.41MB at fp32");
    expect(fp32.out).toMatch(/hardware: pixel3-cpu-int8 — .*, fp32 \(/);
    const sweep = (await runCli(["sweep", "v2", "--hardware", "pixel3-cpu-int8", "-r", "224"])).out.split(
      "\r\n",
    );
    expect(sweep[1]!.split(",")[8]).toBe("602112");
    const html = await runCli(["report", "v2", "--hardware", "pixel3-cpu-int8"]);
    expect(html.out).toContain("peak activations (int8)");
    expect(html.out).not.toContain("peak activations (fp32)");
  });
});

describe("a calibrated device explains each layer's time", () => {
  test("--by layer: compute, memory and overhead ms and the bound per layer; the time is max(compute, memory) + overhead", async () => {
    const table = await runCli(["v2", "--hardware", "pixel1-cpu-fp32", "--by", "layer"]);
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/compute[\s│]+.*memory ms[\s│]+.*overhead/s);
    const d = JSON.parse(
      (await runCli(["v2", "--hardware", "pixel1-cpu-fp32", "--by", "layer", "--format", "json"])).out,
    );
    for (const l of d.layers) {
      const slower = Math.max(l.compute_ms, l.memory_ms);
      expect(l.latency_ms).toBeCloseTo(slower + l.overhead_ms, 9);
      expect(l.bound).toBe(l.memory_ms > l.compute_ms ? "memory" : "compute");
    }
    expect(d.layers.find((l: { name: string }) => l.name === "ir_1/dw").compute_class).toBe("depthwise");
  });
});

describe("calibrate reads any model the tool reads", () => {
  test("rows of built-ins, a JSON architecture, ONNX and TensorFlow Lite files: each costed from its own graph", async () => {
    const file = csv(
      "files.csv",
      [
        "model,latency_ms",
        "test/fixtures/onnx/mobilenet-v2-opset17.onnx,17.5",
        "test/fixtures/onnx/mobilenet-v2-0.5-opset17.onnx,8.1",
        "test/fixtures/onnx/mobilenet-v3-small-opset17.onnx,6.2",
        "test/fixtures/tflite/person_detect.tflite,0.9",
        "configs/mobilenet-v1.json,24",
        "v1@0.5/160,4.4",
      ].join("\n"),
    );
    const r = await runCli(["calibrate", file, "--format", "json"]);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out);
    expect(d.rows.map((x: { model: string }) => x.model)).toContain(
      "test/fixtures/tflite/person_detect.tflite",
    );
    expect(d.rows).toHaveLength(6);
    for (const row of d.rows) expect(row.predicted_ms).toBeGreaterThan(0);
  });
});

describe("hostile measurement files", () => {
  test.each([
    [
      "__proto__ as a column",
      "model,latency_ms,__proto__\nv1,24,x\n",
      /column '__proto__' is not one calibrate reads/,
    ],
    [
      "constructor as a column",
      "constructor,latency_ms\nv1,24\n",
      /column 'constructor' is not one calibrate reads/,
    ],
    ["an empty file", "", /no 'model' column/],
    ["a ragged row", "model,latency_ms\nv1,24,3\n", /not a valid CSV \(line 2\)/],
    ["an unclosed quote", 'model,latency_ms\n"v1,24\n', /not a valid CSV/],
    ["a latency of 1e3", "model,latency_ms\nv1,1e3\n", /latency_ms '1e3' must be milliseconds/],
    ["an hour and more", "model,latency_ms\nv1,3600001\n", /at most 3600000/],
    ["threads 0", "model,latency_ms,threads\nv1,24,0\n", /threads '0' must be a whole number from 1 to 9999/],
    [
      "a dtype of int4",
      "model,latency_ms,dtype\nv1,24,int4\n",
      /dtype 'int4' must be one of fp32, fp16, int8/,
    ],
    ["no model", "model,latency_ms\n,24\n", /line 2: no model/],
    [
      "two thread counts",
      "model,latency_ms,threads\nv1,24,4\nv1@0.5,8,4\nv1@0.75,14,1\nv1@0.25,3,4\n",
      /line 4 ran on 1 threads and line 2 on 4; .*one at a time/,
    ],
  ])("%s: one line, exit 2", async (_title, text, message) => {
    const r = await runCli(["calibrate", csv("hostile.csv", text)]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split("\n")).toHaveLength(1);
  });
});
