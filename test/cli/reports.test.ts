import { describe, expect, test } from "vitest";
import { PUBLISHED_FIGURES } from "../../src/published/figures.js";
import { runCli, unwrapped } from "../helpers/io.js";

const json = async (argv: string[]) => {
  const r = await runCli([...argv, "--format", "json"]);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out);
};

describe("mbn-cost <model> --by", () => {
  test("v1 --by type: Table 2's shares, the first conv printed as 1.91 with the paper's 1.19 noted — Howard et al. 2017, Table 2", async () => {
    const data = await json(["v1", "--by", "type"]);
    const share = (key: string) => data.by_type.find((r: { type: string }) => r.type === key);
    expect(share("pointwise")).toMatchObject({ macs_pct: 94.86, params_pct: 74.59 });
    expect(share("depthwise")).toMatchObject({ macs_pct: 3.06, params_pct: 1.06 });
    expect(share("conv")).toMatchObject({ macs_pct: 1.91, params_pct: 0.02 });
    expect(share("fc")).toMatchObject({ macs_pct: 0.18, params_pct: 24.33 });
    expect(data.notes.join(" ")).toMatch(/prints 1\.19%; the arithmetic gives 1\.91%/);
    const text = (await runCli(["v1", "--by", "type"])).out;
    expect(text).toMatch(/│ conv\s+│\s+1 │\s+10\.84M │\s+1\.91 │/);
    expect(text).toContain("1.19%");
  });

  test("--by resolution keys rows by the output side; --by block and --by layer sum to the totals", async () => {
    const data = await json(["v1", "--alpha", "0.5", "--by", "resolution"]);
    expect(data.by_resolution.map((r: { resolution: number }) => r.resolution)).toEqual([
      112, 56, 28, 14, 7, 1,
    ]);
    for (const by of ["block", "layer"]) {
      const d = await json(["v2", "--by", by]);
      expect(d[`by_${by}`].reduce((a: number, g: { macs: number }) => a + g.macs, 0)).toBe(d.totals.macs);
    }
  });

  test("--by type CSV has one header row, exact integers, and the totals row keyed total", async () => {
    const r = await runCli(["v1", "--by", "type", "--format", "csv"]);
    const lines = r.out.split("\r\n");
    expect(lines.slice(0, 2)).toEqual([
      "type,layers,macs,macs_pct,params,params_pct",
      "pointwise,13,539492352,94.86,3139584,74.59",
    ]);
    expect(lines.at(-2)).toBe("total,28,568740352,100.00,4209088,100.00");
  });

  test("memory: peak in elements and bytes at the chosen dtype, with the model stated", async () => {
    const data = await json(["v1", "--dtype", "fp16"]);
    expect(data.memory).toMatchObject({
      model: "block",
      dtype: "fp16",
      peak_elements: 1204224,
      peak_bytes: 2408448,
      at: "ds_1",
    });
    expect((await runCli(["v1"])).out).toMatch(
      /peak activations: 1,204,224 elements = 4\.82MB at fp32, at ds_1 \(block model/,
    );
  });
});

describe("mbn-cost compare", () => {
  test("v1@0.5 fd@1 --by resolution: 129M vs 59M at the four largest resolutions, with shares — Qin et al. 2018, Section 3.1", async () => {
    const r = await runCli(["compare", "v1@0.5", "fd@1", "--by", "resolution"]);
    expect(r.code).toBe(0);
    expect(unwrapped(r.out)).toContain(
      "v1@0.5 129.38M (≈ 129M, 86.54% of its total), fd@1 58.73M (≈ 59M, 40.65% of its total)",
    );
    const data = await json(["compare", "v1@0.5", "fd@1", "--by", "resolution"]);
    const at14 = data.by_resolution.find((r: { resolution: number }) => r.resolution === 14);
    // independently: the main command's layers whose output side is 112, 56, 28 or 14
    const big4 = async (argv: string[]) =>
      (await json(argv)).layers
        .filter((l: { output: number[] }) => [112, 56, 28, 14].includes(l.output[0]!))
        .reduce((a: number, l: { macs: number }) => a + l.macs, 0);
    expect(at14.values.map((v: { cumulative_macs: number }) => v.cumulative_macs)).toEqual([
      await big4(["v1", "--alpha", "0.5"]),
      await big4(["fd"]),
    ]);
  });

  test("totals side by side with exact ratios to the first", async () => {
    const data = await json(["compare", "v2@1.0/224", "v2@0.5/224"]);
    expect(data.models[1].totals).toEqual({ params: 1949136, macs: 97131840 });
    expect(data.models[1].ratio_to_first.macs.fraction).toBe("1517685/4699598");
    expect(data.models[0].ratio_to_first.macs.fraction).toBe("1/1");
  });

  test("--by type aligns the types of different families", async () => {
    const data = await json(["compare", "v1", "v3-large", "--by", "type"]);
    const se = data.by_type.find((r: { type: string }) => r.type === "se");
    expect(se.values[0].macs).toBe(0);
    expect(se.values[1].macs).toBeGreaterThan(0);
  });

  test.each([
    [["compare", "v1@0"], /spec 'v1@0': width multiplier '0' must be a number > 0/],
    [["compare", "v1@abc"], /width multiplier 'abc'/],
    [["compare", "v1@0.5/0"], /resolution 0 must be a positive integer from 1/],
    [["compare", "v7@1"], /unknown model 'v7'/],
  ])("%j exits 2", async (argv, message) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});

describe("mbn-cost sweep", () => {
  test("v2 over 0.10:2.00:0.01 × 32:512:8 is 11,651 CSV rows, α printed as written", async () => {
    const r = await runCli(["sweep", "v2", "--alpha", "0.10:2.00:0.01", "--resolution", "32:512:8"]);
    expect(r.code).toBe(0);
    const lines = r.out.split("\r\n");
    expect(lines[0]).toBe(
      "model,alpha,depth,resolution,convention,params,macs,peak_activations,peak_activation_bytes",
    );
    expect(lines).toHaveLength(11_651 + 2);
    expect(lines[1]).toMatch(/^v2,0\.10,1,32,/);
    expect(lines.at(-2)).toMatch(/^v2,2\.00,1,512,/);
  });

  test("a sweep row equals the main command's totals at that configuration", async () => {
    const r = await runCli(["sweep", "v2", "--alpha", "0.5", "--resolution", "224", "--format", "jsonl"]);
    const row = JSON.parse(r.out.trim());
    expect(row).toMatchObject({ model: "v2", alpha: 0.5, resolution: 224, macs: 97131840, params: 1949136 });
  });

  test("json, table and markdown agree with CSV", async () => {
    const argv = ["sweep", "v1", "--alpha", "0.25:1:0.25", "--resolution", "128,224"];
    const csv = (await runCli(argv)).out
      .split("\r\n")
      .slice(1, -1)
      .map((l) => l.split(","));
    const data = JSON.parse((await runCli([...argv, "--format", "json"])).out);
    const MACS = 6; // model, alpha, depth, resolution, convention, params, macs
    expect(data.rows.map((r: { macs: number }) => String(r.macs))).toEqual(csv.map((c) => c[MACS]));
    const md = (await runCli([...argv, "--format", "markdown", "--exact"])).out;
    for (const c of csv) expect(md).toContain(BigInt(c[MACS]!).toLocaleString("en-US"));
    expect((await runCli([...argv, "--format", "table"])).out).toContain("568.74M");
  });

  test("--out's extension chooses the format, as on every other command; --format wins", async () => {
    const json = await runCli(["sweep", "v1", "--alpha", "0.5,1", "--out", "s.json"]);
    expect(JSON.parse(json.files.get("s.json")!).rows).toHaveLength(2);
    const csv = await runCli(["sweep", "v1", "--alpha", "0.5,1", "--out", "s.json", "--format", "csv"]);
    expect(csv.files.get("s.json")).toMatch(/^model,alpha/);
  });

  test("--out streams to a file and reports the count", async () => {
    const r = await runCli([
      "sweep",
      "v1",
      "--alpha",
      "0.5,1",
      "--resolution",
      "96:224:32",
      "--out",
      "s.csv",
    ]);
    expect(r.err).toContain("wrote s.csv: 10 configurations (2 α × 5 resolutions)");
    expect(r.files.get("s.csv")!.split("\r\n")).toHaveLength(12);
  });
});

describe("mbn-cost paper", () => {
  test.each(["v1", "v2", "v3", "fd"])(
    "paper %s: a figure is reported as differing exactly when its source says why, with that reason",
    async (family) => {
      const data = await json(["paper", family]);
      const figures = PUBLISHED_FIGURES.filter((f) => f.family === family);
      expect(data.figures.map((f: { label: string }) => f.label)).toEqual(figures.map((f) => f.label));
      data.figures.forEach(
        (shown: { status: string; reason?: string; computed: string; printed: string }, i: number) => {
          const figure = figures[i]!;
          expect([shown.status, shown.reason]).toEqual(
            figure.differs ? ["differs", figure.differs] : ["reproduced", undefined],
          );
          expect(shown.computed === shown.printed).toBe(!figure.differs);
        },
      );
      expect(data.reproduced).toBe(figures.filter((f) => !f.differs).length);
    },
  );

  test("paper v1 table: Table 2's 1.19 shown as differing, with the reason", async () => {
    const r = await runCli(["paper", "v1"]);
    const markdown = (await runCli(["paper", "v1", "--format", "markdown"])).out;
    expect(markdown).toMatch(
      /\| conv share of Mult-Adds \| .* \| 1\.19% \| 1\.91% \| 1\.9056 \| differs \\\[\d+\\\] \|/,
    );
    expect(r.out).toContain("digit transposition");
    expect(unwrapped(r.out)).toMatch(/MACs without conv_1 gives 317M, the printed figure/);
  });
});

describe("truthful notes", () => {
  test("--by type says which types it left out, as the convention counts them (ptflops counts pooling)", async () => {
    const paper = (await runCli(["v2", "--by", "type"])).out;
    expect(paper).toContain(
      "note: Left out, having neither MACs nor params under this convention: add, pool.",
    );
    const ptflops = (await runCli(["v2", "-c", "ptflops", "--by", "type"])).out;
    expect(ptflops).toMatch(/│ pool +│/);
    expect(ptflops).toContain("note: Left out, having neither MACs nor params under this convention: add.");
  });

  test("overrides are said in the convention's description, not only in its name", async () => {
    const data = JSON.parse(
      (await runCli(["v2", "-c", "torchvision", "--no-bn", "--no-bias", "--format", "json"])).out,
    );
    expect(data.convention).toBe("torchvision+no-bias+no-bn");
    expect(data.convention_summary).toMatch(/overridden here: biases not counted, BatchNorm not counted$/);
  });
});

describe("--alpha and --resolution on compare and report", () => {
  test("apply to every spec that gives none; a spec's own values win", async () => {
    const data = await json(["compare", "v1", "v2@1", "fd/224", "--alpha", "0.5", "--resolution", "160"]);
    expect(data.models.map((m: { alpha: number; resolution: number }) => [m.alpha, m.resolution])).toEqual([
      [0.5, 160],
      [1, 160],
      [0.5, 224],
    ]);
  });

  test("report v1 --alpha 0.5 is report v1@0.5", async () => {
    const flag = (await runCli(["report", "v1", "--alpha", "0.5"])).out;
    expect(flag).toContain("<title>MobileNet V1 (v1) · α 0.5 · 224×224</title>");
  });
});

describe("depth everywhere a width is", () => {
  test("sweep --depth takes a list or a range; each row equals the main command at that depth", async () => {
    const r = await runCli([
      "sweep",
      "efficientnet-b0",
      "--alpha",
      "0.5,1",
      "--depth",
      "1:2:0.5",
      "--format",
      "jsonl",
    ]);
    const rows = r.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(rows.map((row: { depth: number; alpha: number }) => [row.depth, row.alpha])).toEqual([
      [1, 0.5],
      [1, 1],
      [1.5, 0.5],
      [1.5, 1],
      [2, 0.5],
      [2, 1],
    ]);
    const at = JSON.parse(
      (await runCli(["efficientnet-b0", "--depth", "1.5", "--totals", "-f", "json"])).out,
    );
    expect(rows[3].macs).toBe(at.totals.macs);
    expect(rows[3].params).toBe(at.totals.params);
  });

  test("a budget may give a depth", async () => {
    const r = await runCli(["check", "test/fixtures/budgets/depth.json", "--format", "json"]);
    const data = JSON.parse(r.out);
    const macs = data.budgets[0].checks.find((c: { metric: string }) => c.metric === "macs").value;
    const at = JSON.parse((await runCli(["efficientnet-b0", "--depth", "2", "--totals", "-f", "json"])).out);
    expect(macs).toBe(at.totals.macs);
  });
});
