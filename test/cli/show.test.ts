import { describe, expect, test } from "vitest";
import { runCli } from "../helpers/io.js";

const fixture = (path: string) => `test/fixtures/configs/${path}`;

describe("mbn-cost <model>", () => {
  test("v2 --alpha 0.5: per-layer table with totals 97.13M MACs, 1.95M params, naming the convention", async () => {
    const r = await runCli(["v2", "--alpha", "0.5"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/│ total .*│\s+1\.95M │\s+97\.13M │/);
    expect(r.out).toContain("convention: paper");
    expect(r.out).toContain("ir_17/project");
  });

  test("JSON contract: model, alpha, resolution, convention, totals as integers, layers", async () => {
    const r = await runCli(["v1", "--format", "json"]);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({
      model: "v1",
      alpha: 1,
      resolution: 224,
      convention: "paper",
      totals: { params: 4209088, macs: 568740352 },
    });
    expect(json.layers[0]).toMatchObject({
      name: "conv_1",
      op: "conv",
      input: [224, 224, 3],
      output: [112, 112, 32],
      params: 864,
      macs: 10838016,
    });
    const sum = json.layers.reduce((a: number, l: { macs: number }) => a + l.macs, 0);
    expect(sum).toBe(json.totals.macs);
  });

  test("the show subcommand and the default command are the same", async () => {
    expect((await runCli(["show", "fd"])).out).toBe((await runCli(["fd"])).out);
  });

  test("--exact prints integers; --unit flops doubles and says so", async () => {
    expect((await runCli(["v1", "--exact"])).out).toContain("568,740,352");
    const flops = await runCli(["v1", "--unit", "flops", "--format", "json"]);
    const json = JSON.parse(flops.out);
    expect(json.totals).toEqual({ params: 4209088, macs: 568740352, flops: 1137480704 });
    expect((await runCli(["v1", "--unit", "flops"])).out).toContain("FLOPs (2×MACs)");
  });

  test("CSV: RFC 4180, one header row, exact integers", async () => {
    const r = await runCli(["v1", "--format", "csv"]);
    const lines = r.out.split("\r\n");
    expect(lines[0]).toBe(
      "index,name,block,op,type,input_h,input_w,input_c,output_h,output_w,output_c,params,macs,input_elements,output_elements",
    );
    expect(lines[1]).toBe("1,conv_1,conv_1,conv,conv,224,224,3,112,112,32,864,10838016,150528,401408");
    expect(lines.at(-1)).toBe("");
  });

  test("Markdown table with a bold total", async () => {
    const r = await runCli(["v1", "--format", "markdown"]);
    expect(r.out).toMatch(/^\| # \| layer \|/m);
    expect(r.out).toContain("**568.74M**");
  });

  test("convention presets and overrides are named in the report", async () => {
    const tv = JSON.parse((await runCli(["v2", "--convention", "torchvision", "--format", "json"])).out);
    expect(tv.totals.params).toBe(3504872);
    const over = JSON.parse((await runCli(["v2", "--bn", "--classes", "10", "--format", "json"])).out);
    expect(over.convention).toBe("paper+bn+classes=10");
    const slim = JSON.parse((await runCli(["v2", "-c", "tf-slim", "--no-bias", "--format", "json"])).out);
    expect(slim.convention).toBe("tf-slim+no-bias");
  });

  test("--out writes the file (format from its extension) and says so on stderr", async () => {
    const r = await runCli(["v1", "--out", "budget.csv"]);
    expect(r.code).toBe(0);
    expect(r.out).toBe("");
    expect(r.files.get("budget.csv")).toMatch(/^index,name/);
    expect(r.err).toContain("wrote budget.csv");
  });

  test("a user's own JSON architecture runs, with every layer kind", async () => {
    const r = await runCli([fixture("valid/tiny-net.json"), "--format", "json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.layers.map((l: { op: string }) => l.op)).toEqual(
      expect.arrayContaining(["conv", "depthwise", "pointwise", "gconv", "fc", "avgpool", "add", "scale"]),
    );
  });
});

describe("one configuration syntax", () => {
  test("mbn-cost v2@0.5/160 is mbn-cost v2 --alpha 0.5 --resolution 160 (the spec syntax of compare and report)", async () => {
    const spec = await runCli(["v2@0.5/160", "--format", "json"]);
    const flags = await runCli(["v2", "--alpha", "0.5", "--resolution", "160", "--format", "json"]);
    expect(spec.code, spec.err).toBe(0);
    expect(JSON.parse(spec.out)).toEqual(JSON.parse(flags.out));
    expect(JSON.parse(spec.out)).toMatchObject({ model: "v2", alpha: 0.5, resolution: 160 });
  });

  test("a spec and a flag that agree are fine; a resolution alone works (v2/160)", async () => {
    expect((await runCli(["v2@0.5", "--alpha", "0.5"])).code).toBe(0);
    const r = JSON.parse((await runCli(["v2/160", "--format", "json"])).out);
    expect([r.alpha, r.resolution]).toEqual([1, 160]);
  });
});

describe("--totals: the short answer", () => {
  test("one line with params, MACs and FLOPs (= 2 × MACs) and the convention", async () => {
    const r = await runCli(["v2@0.5/160", "--totals"]);
    expect(r.out).toBe("v2 α 0.5 160×160: 1.95M params · 50.18M MACs · 100.37M FLOPs (paper)\n");
    const exact = await runCli(["v2", "--totals", "--exact"]);
    expect(exact.out).toBe(
      "v2 α 1 224×224: 3,469,760 params · 300,774,272 MACs · 601,548,544 FLOPs (paper)\n",
    );
  });

  test("CSV is one row with the setting; JSON has params, macs and flops", async () => {
    const csv = (await runCli(["v2", "--totals", "--format", "csv", "-c", "torchvision"])).out.split("\r\n");
    expect(csv.slice(0, 2)).toEqual([
      "model,alpha,depth,resolution,batch,convention,params,macs,flops",
      "v2,1,1,224,1,torchvision,3504872,300774272,601548544",
    ]);
    const json = JSON.parse((await runCli(["v2", "--totals", "--format", "json"])).out);
    expect(json.totals).toEqual({ params: 3469760, macs: 300774272, flops: 601548544 });
  });
});

describe("mbn-cost models", () => {
  test("lists every built-in model with its aliases, family, default resolution and source", async () => {
    const { BUILTIN_MODELS } = await import("../../src/model/builtin.js");
    const data = JSON.parse((await runCli(["models", "--format", "json"])).out);
    expect(data.models.map((m: { id: string }) => m.id)).toEqual(BUILTIN_MODELS.map((m) => m.id));
    expect(data.models[1]).toMatchObject({
      id: "mobilenet-v2",
      aliases: ["v2"],
      family: "v2",
      resolution: 224,
    });
    expect(data.models[7]).toMatchObject({ id: "mobilenet-v2-cifar", resolution: 32 });
    expect(data.models[0].source).toMatch(/arXiv 1704\.04861/);
    const table = (await runCli(["models"])).out;
    for (const m of BUILTIN_MODELS) expect(table).toContain(m.id);
  });
});

describe("your own architecture, gently", () => {
  test("a minimal file needs no source or width_rule: the defaults are said in the notes", async () => {
    const r = await runCli(["test/fixtures/configs/valid/minimal.json", "--format", "json"]);
    expect(r.code, r.err).toBe(0);
    const data = JSON.parse(r.out);
    expect(data.source).toBe("not given");
    expect(data.notes).toEqual([
      'This file gives no "source": add the paper and table it comes from.',
      'This file gives no "width_rule": make-divisible-8 (nearest multiple of 8, as V2 and V3) is assumed.',
    ]);
    // conv 3×3 3→16 at 16×16, then a 16→10 classifier
    expect(data.totals).toEqual({
      params: 3 * 3 * 3 * 16 + 16 * 10,
      macs: 3 * 3 * 3 * 16 * 16 * 16 + 16 * 10,
    });
  });
});

describe("--exact reaches the headline; act and nl spell activations alike", () => {
  test("the headline's params and MACs are exact with --exact", async () => {
    const r = await runCli(["v2", "--exact"]);
    expect(r.out.split("\n")[1]).toBe("α 1 · 224×224 input · 3,469,760 params · 300,774,272 MACs");
  });

  test("bneck's nl takes act's spellings too (hswish = HS)", async () => {
    const { modelSpecSchema } = await import("../../src/model/schema.js");
    const entry = { kind: "bneck", kernel: 3, exp: 64, out: 24, se: false, stride: 1 };
    const file = (nl: string) => ({
      name: "n",
      input: { resolution: 32, channels: 16 },
      classes: 10,
      layers: [{ ...entry, nl }],
    });
    expect(modelSpecSchema.safeParse(file("hswish")).success).toBe(true);
    const { buildNetwork } = await import("../../src/model/build.js");
    const { resolveConvention } = await import("../../src/model/conventions.js");
    const acts = (nl: string) =>
      buildNetwork(
        { ...modelSpecSchema.parse(file(nl)), source: "t", width_rule: "make-divisible-8" },
        1,
        resolveConvention("paper"),
      ).map((o) => o.act);
    expect(acts("hswish")).toEqual(acts("HS"));
    expect(acts("relu")).toEqual(acts("RE"));
    expect(acts("HS")).toContain("hswish");
  });
});

describe("non-square inputs: --resolution HEIGHTxWIDTH", () => {
  test("v2 -r 320x240 is a 320×240 input, everywhere a resolution is written", async () => {
    const r = await runCli(["v2", "--resolution", "320x240"]);
    expect(r.out).toContain("α 1 · 320×240 input");
    expect(r.out).toMatch(/│ conv_1\s+│ conv\s+│ 320×240×3\s+│ 160×120×32 │/);
    const data = JSON.parse((await runCli(["v2", "-r", "320×240", "--format", "json"])).out);
    expect(data.resolution).toBe("320x240");
    // torchvision 0.14 on a 1×3×320×240 tensor measures the same (test/evaluate/torchvision.test.ts)
    expect(data.totals.macs).toBe(467_729_920);
    expect(data.totals.macs).not.toBe(
      JSON.parse((await runCli(["v2", "-r", "320", "-f", "json"])).out).totals.macs,
    );
  });

  test("the spec syntax takes it too, in the main command, compare and --totals CSV", async () => {
    expect((await runCli(["v2@0.5/320x240", "--totals"])).out).toBe(
      "v2 α 0.5 320×240: 1.95M params · 150.55M MACs · 301.11M FLOPs (paper)\n",
    );
    const csv = (await runCli(["compare", "v2/320x240", "v2/240x320", "--format", "csv"])).out.split("\r\n");
    expect(csv[1]).toMatch(/^v2\/320x240,v2,1,1,320x240,paper,/);
    expect(csv[2]).toMatch(/^v2\/240x320,v2,1,1,240x320,paper,/);
  });

  test("sweep and fit take square sides, and say where a non-square input goes", async () => {
    for (const args of [
      ["sweep", "v2", "-r", "320x240"],
      ["fit", "v2", "--max-macs", "100M", "-r", "320x240"],
    ]) {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(
        /a grid takes square sides .* non-square input \(320x240\) is for the main command/,
      );
    }
  });
});

describe("backbone-only counts: --no-head and --classes 0", () => {
  const totals = async (args: string[]) =>
    JSON.parse((await runCli([...args, "--totals", "--format", "json"])).out).totals;

  test("--no-head leaves out the global pool and everything after it, and says so", async () => {
    const r = await runCli(["v2", "--no-head"]);
    expect(r.out).toContain("convention: paper+no-head — vs paper no head (backbone only)");
    expect(r.out).not.toMatch(/fc_1|avgpool/);
    expect(r.out).toMatch(/│ pw_1\s+│ pointwise │ 7×7×320\s+│ 7×7×1280\s+│/);
    // the whole model less its pool and classifier (1280·1000 weights + 1000 biases under torchvision)
    const whole = await totals(["v2", "-c", "torchvision"]);
    expect(await totals(["v2", "-c", "torchvision", "--no-head"])).toEqual({
      params: whole.params - 1_281_000,
      macs: whole.macs - 1_280_000,
      flops: 2 * (whole.macs - 1_280_000),
    });
  });

  test("--classes 0 leaves out only the classifier: V3 keeps its 1280 layer, as timm's num_classes=0", async () => {
    const noClassifier = await totals(["v3-large", "-c", "torchvision", "--classes", "0"]);
    const noHead = await totals(["v3-large", "-c", "torchvision", "--no-head"]);
    expect(noClassifier.params - noHead.params).toBe(960 * 1280 + 1280);
    expect((await runCli(["v3-large", "--classes", "0"])).out).toContain("no classifier");
  });

  test("a model without an average pool has no head to cut, and says so", async () => {
    const r = await runCli([fixture("valid/no-pool.json"), "--no-head"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--no-head cuts at the last average pool, and this model has none/);
  });

  test("sweep and compare take them too", async () => {
    const sweep = (await runCli(["sweep", "v2", "--no-head"])).out.split("\r\n")[1];
    expect(sweep).toMatch(/^v2,1,1,224,paper\+no-head,2189760,299494272,/);
    const compare = (await runCli(["compare", "v2", "v1", "--classes", "0", "-f", "csv"])).out;
    expect(compare).toContain("paper+classes=0");
  });
});

describe("descriptions from the effective settings", () => {
  test("a file with width_rule floor is described by its own rounding, never as TF-slim's", async () => {
    const r = await runCli([fixture("valid/floor-widths.json"), "--verbose"]);
    expect(r.out).toContain("channels: c·α rounded to floor(c·α), at least 1 (width_rule floor)");
    expect(r.out).not.toMatch(/TF-slim width rules/i);
    const data = JSON.parse((await runCli([fixture("valid/floor-widths.json"), "--format", "json"])).out);
    expect(data.width_rule).toBe("floor");
    expect((await runCli(["v2", "-v"])).out).toContain("(width_rule make-divisible-8)");
  });
});

describe("--depth: EfficientNet's compound scaling of depth", () => {
  test("each stage's n blocks become ⌈n·d⌉: B0 at depth 1.5 has ⌈1.5⌉+⌈3⌉+⌈3⌉+⌈4.5⌉+⌈4.5⌉+⌈6⌉+⌈1.5⌉ = 26 MBConv blocks", async () => {
    const data = JSON.parse((await runCli(["efficientnet-b0", "--depth", "1.5", "--format", "json"])).out);
    const blocks = new Set(
      data.layers
        .filter((l: { block: string }) => l.block.startsWith("mb_"))
        .map((l: { block: string }) => l.block),
    );
    expect(blocks.size).toBe(2 + 3 + 3 + 5 + 5 + 6 + 2);
    expect(data.depth).toBe(1.5);
    expect((await runCli(["efficientnet-b0", "-d", "1.5", "--totals"])).out).toMatch(
      /^efficientnet-b0 α 1 depth 1\.5 224×224:/,
    );
  });

  test("compare applies it to every spec; a bad depth is refused", async () => {
    const csv = (await runCli(["compare", "efficientnet-b0", "mnasnet", "--depth", "2", "-f", "csv"])).out;
    expect(csv.split("\r\n")[1]).toMatch(/^efficientnet-b0,efficientnet-b0,1,2,224,paper,/);
    const bad = await runCli(["efficientnet-b0", "--depth", "0"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/'0' is invalid\. Depth multiplier must be a number > 0 and ≤ 10/);
  });
});
