/** `model@α/res` wherever a model is taken (#26): explain, sweep, fit and budgets read it as show does. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { runCli } from "../helpers/io.js";

const dir = mkdtempSync(join(tmpdir(), "mbn-spec-"));
const budgets = (entry: Record<string, unknown>) => {
  const file = join(dir, `b-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify({ budgets: [{ max_macs: "100M", ...entry }] }));
  return file;
};
const json = async (args: string[]) => JSON.parse((await runCli([...args, "--format", "json"])).out);

describe("a spec wherever a model is taken", () => {
  test("explain v2@0.5/160 explains α 0.5 at 160, as explain v2 --alpha 0.5 --resolution 160", async () => {
    const spec = await runCli(["explain", "v2@0.5/160", "--to", "torchvision"]);
    const flags = await runCli(["explain", "v2", "--alpha", "0.5", "-r", "160", "--to", "torchvision"]);
    expect(spec.code).toBe(0);
    expect(spec.out).toBe(flags.out);
  });

  test("sweep v2@0.5 sweeps resolutions at α 0.5; v2/160 sweeps widths at 160; a grid given both ways is refused", async () => {
    const rows = (await runCli(["sweep", "v2@0.5", "-r", "160,224"])).out.trim().split("\r\n").slice(1);
    expect(rows.map((r) => r.split(",").slice(1, 4).join(","))).toEqual(["0.5,1,160", "0.5,1,224"]);
    const widths = (await runCli(["sweep", "v2/160", "--alpha", "0.5,1"])).out.trim().split("\r\n").slice(1);
    expect(widths.map((r) => r.split(",")[3])).toEqual(["160", "160"]);
    const both = await runCli(["sweep", "v2@0.5", "--alpha", "0.5,1"]);
    expect(both.code).toBe(2);
    expect(both.err).toContain("'v2@0.5' gives α 0.5 and --alpha a grid");
  });

  test("fit v2/160 fits at 160; fit v2@0.5 is refused: α is what fit finds", async () => {
    const spec = await json(["fit", "v2/160", "--max-macs", "100M"]);
    const flags = await json(["fit", "v2", "-r", "160", "--max-macs", "100M"]);
    expect(spec).toEqual(flags);
    const r = await runCli(["fit", "v2@0.5", "--max-macs", "100M"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("fit finds the widest α within the budget; give v2");
  });

  test("a budget's model v2@0.5/160 is α 0.5 at 160; an alpha field that disagrees is refused", async () => {
    const spec = await json(["check", budgets({ model: "v2@0.5/160" })]);
    const fields = await json(["check", budgets({ model: "v2", alpha: 0.5, resolution: 160 })]);
    expect(spec.budgets[0].metrics).toEqual(fields.budgets[0].metrics);
    const clash = await runCli(["check", budgets({ model: "v2@0.5/160", alpha: 1 })]);
    expect(clash.code).toBe(2);
    expect(clash.err).toMatch(
      /budgets\[0\]\.model: 'v2@0\.5\/160' gives α 0\.5 and .*budgets\[0\]\.alpha gives 1: give one/,
    );
  });
});

describe("names as files spell them", () => {
  test("formula fused_ib is formula fused-ib", async () => {
    const file = await runCli(["formula", "fused_ib", "--format", "json"]);
    expect(file.code).toBe(0);
    expect(file.out).toBe((await runCli(["formula", "fused-ib", "--format", "json"])).out);
  });

  test("paper's help names every family it takes", async () => {
    const help = (await runCli(["paper", "--help"])).out.replace(/\s+/g, " ");
    expect(help).toContain("v1, v2, v3, fd, v4, v5, efficientnet, mnasnet, timm");
  });
});

describe("did you mean", () => {
  test.each([
    [["v2", "--res", "160"], "error: unknown option '--res' (did you mean --resolution?)\n"],
    [["v2", "--alpah", "0.5"], "error: unknown option '--alpah' (did you mean --alpha?)\n"],
    [
      ["fit", "v2", "--resol", "160", "--max-macs", "1M"],
      "error: unknown option '--resol' (did you mean --resolution?)\n",
    ],
  ])("%j", async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.err).toBe(message);
  });

  test("--hardware pixel6 suggests pixel6-cpu; pixel3 begins several devices: no guess", async () => {
    expect((await runCli(["v2", "--hardware", "pixel6"])).err).toContain("did you mean 'pixel6-cpu'?");
    expect((await runCli(["v2", "--hardware", "pixel3"])).err).not.toContain("did you mean");
  });
});

describe("a file's widths are its own: no α where it has none to give", () => {
  test("the headline, --totals and a budget's default name of an ONNX file carry no α; convs hold", async () => {
    const file = "test/fixtures/onnx/mobilenet-v2-opset17.onnx";
    expect((await runCli([file])).out.split("\n")[1]).toMatch(/^224×224 input · /);
    expect((await runCli([file, "--totals"])).out).toMatch(/^mobilenet-v2-opset17 224×224: /);
    // a budget's model is relative to its file: here, an absolute path
    const absolute = join(process.cwd(), file);
    const d = await json(["check", budgets({ model: absolute })]);
    expect(d.budgets[0].name).toBe(`${absolute}/224`);
    expect((await runCli([file, "--by", "type"])).out).toContain("note: 52 convs hold a folded BatchNorm");
  });
});

describe("numbers in one style", () => {
  test("times in 3 significant figures in every command (18.1, 5.13, 0.705, 0.0523 ms); to the nanosecond with exact", async () => {
    const { milliseconds } = await import("../../src/report/numbers.js");
    const { rational } = await import("../../src/algebra/rational.js");
    expect(
      [18.146, 5.128, 0.70520896, 0.05234, 123.4].map((v) =>
        milliseconds(rational(BigInt(Math.round(v * 1e8)), 100_000_000n)),
      ),
    ).toEqual(["18.1", "5.13", "0.705", "0.0523", "123"]);
    expect(milliseconds(rational(0n))).toBe("0");
    expect(milliseconds(rational(70520896n, 100_000_000n), true)).toBe("0.705209");
    const fit = (
      await runCli(["fit", "v2", "--max-latency-ms", "12", "--hardware", "pixel3-cpu-fp32", "-r", "224"])
    ).out;
    // a fit compares with a limit of up to 3 decimals: its times keep 3 decimals (11.987 fits, 12.010 does not)
    expect(fit).toMatch(/12\.010 ms │ +11\.987 │/);
    expect((await runCli(["v2", "--hardware", "pixel3-cpu-fp32"])).out).toContain("· 18.1 ms ·");
  });

  test("a sweep table on hardware heads 'roofline MACs' and 'time (ms)', in human units (exact with --exact)", async () => {
    const table = (await runCli(["sweep", "v2", "--hardware", "pixel3-cpu-fp32", "-f", "table", "-r", "224"]))
      .out;
    const markdown = (
      await runCli(["sweep", "v2", "--hardware", "pixel3-cpu-fp32", "-f", "markdown", "-r", "224"])
    ).out;
    expect(markdown).toContain("| bytes | roofline MACs | time (ms) |");
    expect(table).toMatch(/│ +520\.61M │ +18\.1 │/);
    const exact = (
      await runCli(["sweep", "v2", "--hardware", "pixel3-cpu-fp32", "-f", "table", "-r", "224", "--exact"])
    ).out;
    expect(exact).toMatch(/│ +520,605,40[34] │/);
  });
});

describe("output that fits", () => {
  test("a wide terminal gets wide tables: a calibrated per-layer table in one part at 200 columns, in two through a pipe", async () => {
    const args = ["v2", "--hardware", "pixel3-cpu-fp32"];
    const wide = await runCli(args, {}, 200);
    expect(wide.out).not.toContain("(part 1 of");
    expect(
      Math.max(
        ...wide.out
          .split("\n")
          .filter((l) => l.startsWith("│"))
          .map((l) => l.length),
      ),
    ).toBeGreaterThan(100);
    const piped = await runCli(args);
    expect(piped.out).toContain("(part 1 of 2)");
  });
});

describe("help that says only what applies", () => {
  test("ratio takes N and D_K alone (the other symbols cancel); formula and ratio take -f", async () => {
    const help = (await runCli(["ratio", "--help"])).out;
    expect(help).toContain("--N <n>");
    expect(help).toContain("--DK <n>");
    expect(help).not.toContain("--DHkv");
    expect((await runCli(["ratio", "--M", "3"])).err).toMatch(/unknown option '--M'/);
    expect(JSON.parse((await runCli(["ratio", "--N", "1024", "--DK", "3", "-f", "json"])).out)).toBeTruthy();
    expect(JSON.parse((await runCli(["formula", "conv", "-f", "json"])).out).kind).toBe("conv");
  });

  test("models offers neither --exact nor --verbose: a list of models has no counts and no convention", async () => {
    const help = (await runCli(["models", "--help"])).out;
    expect(help).not.toContain("--exact");
    expect(help).not.toContain("--verbose");
  });
});

describe("ONNX rows on one line", () => {
  test("a table shows PyTorch's scope path without the parents its modules repeat; JSON and CSV keep the whole name", async () => {
    const file = "test/fixtures/onnx/mobilenet-v2-opset17.onnx";
    const table = (await runCli([file])).out;
    expect(table).toMatch(/│ +3 │ features\.1\/conv\.0\.0\/Conv +│ Conv +│/);
    const layers = (await json([file])).layers as { name: string }[];
    expect(layers[2]!.name).toBe("/features/features.1/conv/conv.0/conv.0.0/Conv");
    const { tableName } = await import("../../src/report/layers.js");
    const graph = { model: { spec: { graph: {} } } } as never;
    expect(tableName(graph, "/features/features.1/conv/conv.0/conv.0.0/Conv")).toBe(
      "features.1/conv.0.0/Conv",
    );
    expect(tableName(graph, "/classifier/classifier.1/Gemm")).toBe("classifier.1/Gemm");
    expect(tableName({ model: { spec: {} } } as never, "ir_1/dw")).toBe("ir_1/dw");
  });
});
