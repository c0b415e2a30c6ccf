/**
 * An .onnx file wherever a model is accepted: the main report, compare,
 * sweep, explain, check budgets, the HTML report and the roofline; and the
 * refusals, one line each.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { runCli, unwrapped } from "../helpers/io.js";
import { encodeOnnx, type GraphSketch } from "../helpers/onnx.js";

const V2 = "test/fixtures/onnx/mobilenet-v2-opset17.onnx";
const dir = mkdtempSync(join(tmpdir(), "mbn-onnx-cli-"));
const write = (name: string, sketch: GraphSketch) => {
  const file = join(dir, name);
  writeFileSync(file, encodeOnnx(sketch));
  return file;
};
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const same = { pads: { ints: [1, 1, 1, 1] } };

describe("an ONNX file as the model", () => {
  test("the main report counts it and states how the file was read", async () => {
    const r = await runCli([V2, "-c", "torchvision", "--exact"]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^mobilenet-v2-opset17\n/);
    expect(r.out).toContain("3,504,872 params · 300,774,272 MACs");
    expect(r.out).toContain("source: ONNX file mobilenet-v2-opset17.onnx (pytorch 1.13.0, opset 17)");
    expect(r.out).toMatch(/note: 52 convs hold a folded BatchNorm/);
  });

  test("a batch of 4: the headline, --totals (text, CSV) and JSON say it; --per-image divides MACs by it", async () => {
    const file = "test/fixtures/onnx/torchvision/alexnet-b4-opset17.onnx";
    const shown = await runCli([file, "--exact"]);
    expect(shown.code, shown.err).toBe(0);
    expect(shown.out).toContain("batch 4 · 224×224 input · 61,090,496 params · 2,856,753,920 MACs");
    expect(shown.out).toContain("note: batch 4, as the file declares: every count is for 4 images");
    const csv = (await runCli([file, "--totals", "-f", "csv"])).out.split("\r\n");
    expect(csv.slice(0, 2)).toEqual([
      "model,alpha,depth,resolution,batch,convention,params,macs,flops",
      "alexnet-b4-opset17,1,1,224,4,paper,61090496,2856753920,5713507840",
    ]);
    const json = JSON.parse((await runCli([file, "--totals", "-f", "json", "--per-image"])).out);
    expect([json.batch, json.per_image, json.totals.macs]).toEqual([4, true, 2856753920 / 4]);
    expect((await runCli([file, "--totals", "--per-image"])).out).toBe(
      "alexnet-b4-opset17 batch 4, per image 224×224: 61.09M params · 714.19M MACs · 1.43G FLOPs (paper)\n",
    );
    expect((await runCli(["v2", "--totals", "-f", "json"])).out).toContain('"batch": 1');
    // its parameters as the file stores them: float32, 4 bytes each
    const full = JSON.parse((await runCli([file, "-f", "json"])).out);
    expect(full.stored_weights).toEqual({ bytes: 61100840 * 4, types: ["float32"] });
    expect(shown.out).toContain("weights as stored: 244.40MB (float32)");
    const layers = (await runCli([file, "-f", "csv"])).out.split("\r\n");
    expect(layers[0]).toBe(
      "index,name,block,op,type,input_dims,output_dims,params,macs,input_elements,output_elements",
    );
    expect(layers[1]).toBe(
      `1,/features/features.0/Conv,features.0,Conv,conv,4x3x224x224,4x64x55x55,23232,${4 * 23232 * 55 * 55},602112,774400`,
    );
  });

  test("--folded-bn none counts the folded convs' biases as biases: 17,056 bias values instead of 34,112 BN γ and β", async () => {
    const r = await runCli([V2, "-c", "torchvision", "--folded-bn", "none", "--totals", "--exact"]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("3,487,816 params · 300,774,272 MACs");
  });

  test("compare it with a built-in model: exact ratios", async () => {
    const r = await runCli(["compare", V2, "v2@1.0", "-c", "torchvision", "--format", "csv"]);
    expect(r.code, r.err).toBe(0);
    const rows = r.out.trim().split("\r\n").slice(1);
    expect(rows.map((l) => l.split(",").slice(6).join(","))).toEqual([
      "3504872,300774272,1.000000,1.000000",
      "3504872,300774272,1.000000,1.000000",
    ]);
  });

  test("sweep over resolution (its widths are fixed: --alpha other than 1 is refused)", async () => {
    const r = await runCli(["sweep", V2, "--resolution", "160,224", "-c", "torchvision"]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("mobilenet-v2-opset17,1,1,160,torchvision,3504872,154083200");
    const fit = await runCli(["fit", V2, "--max-macs", "100M"]);
    expect(fit.code).toBe(2);
    expect(fit.err).toMatch(/fit searches the width multiplier, and a graph file's widths are fixed/);
    const refused = await runCli(["sweep", V2, "--alpha", "0.5,1"]);
    expect(refused.code).toBe(2);
    expect(refused.err).toBe(
      "error: mobilenet-v2-opset17.onnx: an ONNX graph's widths are fixed; --alpha takes 1 only\n",
    );
  });

  test("check: a budget on an .onnx artifact passes or fails by its counts", async () => {
    const budgets = join(dir, "budgets.json");
    const model = join(process.cwd(), V2);
    writeFileSync(
      budgets,
      JSON.stringify({
        budgets: [{ model, convention: "torchvision", max_macs: "301M", max_params: "3.6M" }],
      }),
    );
    expect((await runCli(["check", budgets])).code).toBe(0);
    writeFileSync(
      budgets,
      JSON.stringify({ budgets: [{ model, convention: "torchvision", max_macs: "300M" }] }),
    );
    const over = await runCli(["check", budgets]);
    expect(over.code).toBe(1);
  });

  test("explain, the HTML report and the roofline take it", async () => {
    expect((await runCli(["explain", V2, "--from", "paper", "--to", "ptflops"])).code).toBe(0);
    const html = await runCli(["report", V2]);
    expect(html.code, html.err).toBe(0);
    expect(html.out).toContain("<title>mobilenet-v2-opset17");
    const roofline = await runCli([V2, "--hardware", "pixel8-edgetpu", "--totals"]);
    expect(roofline.code, roofline.err).toBe(0);
  });

  test("operators not counted: a standard one is refused; --allow-unknown passes one outside the standard domain whose output dims the file declares", async () => {
    const sketch = (op: string, domain: string, declared?: Record<string, number[]>) => ({
      constants: { w: [8, 3, 3, 3], p: [4, 8, 1, 1] },
      nodes: [
        { op: "Conv", in: ["input", "w"], out: "c", attrs: same },
        { op, domain, in: ["c"], out: "m", name: "/n1/custom" },
        { op: "Conv", in: ["m", "p"], out: "y" },
      ],
      ...(declared && { declared }),
    });
    const standard = write("nms.onnx", sketch("NonMaxSuppression", ""));
    for (const args of [[standard], [standard, "--allow-unknown"]]) {
      const refused = await runCli(args);
      expect(refused.code).toBe(2);
      expect(refused.err).toBe(
        "error: nms.onnx: NonMaxSuppression '/n1/custom': the operator NonMaxSuppression is not counted\n",
      );
      expect(refused.out).toBe("");
    }
    const custom = write("custom.onnx", sketch("Fancy", "com.example", { m: [1, 8, 16, 16] }));
    const refused = await runCli([custom]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("the operator com.example.Fancy is not counted (--allow-unknown lets");
    const allowed = await runCli([custom, "--allow-unknown"]);
    expect(allowed.code, allowed.err).toBe(0);
    expect(unwrapped(allowed.out)).toContain(
      "counted as zero with the output shapes the file declares (--allow-unknown): Fancy",
    );
    expect(allowed.out).toMatch(/custom +│ Fancy +│ 1×8×32×32 +│ 1×8×16×16/);
    const undeclared = await runCli([
      write("undeclared.onnx", sketch("Fancy", "com.example")),
      "--allow-unknown",
    ]);
    expect(undeclared.code).toBe(2);
    expect(undeclared.err).toContain("does not declare the shape of its output 'm'");
  });

  test("node names are data: no control sequence reaches the terminal, no formula a spreadsheet", async () => {
    const file = write("hostile.onnx", {
      constants: { w: [8, 3, 3, 3] },
      nodes: [{ op: "Conv", in: ["input", "w"], out: "c", attrs: same, name: "=cmd|' /C calc'!A0\u001b[2J" }],
    });
    const table = await runCli([file]);
    expect(table.code, table.err).toBe(0);
    expect(table.out).not.toMatch(CONTROL);
    expect(table.out).toContain("\\x1B[2J");
    const csv = await runCli([file, "--format", "csv"]);
    expect(csv.out.split("\r\n")[1]).toMatch(/^1,'=cmd/);
    const bad = write("hostile-stride.onnx", {
      constants: { w: [8, 3, 3, 3] },
      nodes: [
        {
          op: "Conv",
          in: ["input", "w"],
          out: "c",
          name: "\u001b]0;pwned\u0007",
          attrs: { strides: { ints: [0, 0] } },
        },
      ],
    });
    const refused = await runCli([bad]);
    expect(refused.code).toBe(2);
    expect(refused.err).not.toMatch(CONTROL);
    expect(refused.err).toContain("Conv '\\x1B]0;pwned\\x07': strides [0, 0]");
  });

  test("bidi controls and line breaks in names are shown escaped in tables, CSV, Markdown and SVG", async () => {
    const name = "evil\u202Egnp.exe\r\nnote: 0 MACs\u2066x\u2069";
    const file = write("bidi.onnx", {
      constants: { w: [8, 3, 3, 3] },
      nodes: [{ op: "Conv", in: ["input", "w"], out: "c", attrs: same, name }],
    });
    const unsafe = /[\u202e\u2066\u2069]|\nnote: 0 MACs/;
    for (const format of ["table", "csv", "markdown"]) {
      const r = await runCli([file, "--format", format]);
      expect(r.code, r.err).toBe(0);
      expect(r.out, format).not.toMatch(unsafe);
      const shown = "evil\\u202Egnp.exe\\x0D\\x0Anote: 0 MACs\\u2066x\\u2069";
      // Markdown escapes the backslash itself, so that the escape renders as written
      expect(r.out, format).toContain(format === "markdown" ? shown.replace(/\\/g, "\\\\") : shown);
    }
    for (const by of [[], ["--by", "layer"]]) {
      const svg = await runCli([file, ...by, "--format", "svg"]);
      expect(svg.code, svg.err).toBe(0);
      expect(svg.out).not.toMatch(unsafe);
      expect(svg.out).toContain("evil\\u202Egnp.exe");
    }
  });

  test("an --out path is echoed with its control characters escaped", async () => {
    const out = join(dir, "x\u001b]0;t\u0007\u202E.csv");
    const r = await runCli(["v2", "--out", out]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).not.toMatch(CONTROL);
    expect(r.err).not.toContain("\u202e");
    expect(r.err).toContain("x\\x1B]0;t\\x07\\u202E.csv");
  });

  test("--classes and --depth are refused in one line", async () => {
    for (const args of [
      ["--classes", "10"],
      ["--depth", "1.2"],
    ]) {
      const r = await runCli([V2, ...args]);
      expect(r.code).toBe(2);
      expect(r.err.trim().split("\n")).toHaveLength(1);
    }
  });

  test("a non-square input is counted at its own size; a sweep asks for square sides", async () => {
    const wide = write("wide.onnx", {
      input: [1, 3, 32, 64],
      constants: { w: [8, 3, 3, 3] },
      nodes: [{ op: "Conv", in: ["input", "w"], out: "c", attrs: same }],
    });
    const r = await runCli([wide, "--totals", "--exact"]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe("wide 32×64: 216 params · 442,368 MACs · 884,736 FLOPs (paper)\n");
    expect((await runCli(["sweep", wide])).err).toBe(
      "error: wide.onnx: its input is not square, and a sweep takes square sides: give --resolution\n",
    );
  });
});
