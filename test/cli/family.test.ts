/**
 * The family as people use it, from the command line: MobileNetV5 by its timm names, read by stage
 * and by block; timm's mobile catalogue by name; `models` listing both, by family; a name timm
 * registers that mbn-cost does not build says why, and an unknown name is one short line.
 */
import { describe, expect, test } from "vitest";
import { runCli } from "../helpers/io.js";

describe("MobileNetV5", () => {
  test("mobilenetv5_300m under fvcore: timm's published 294.13M params and 435.74G MACs, exactly 435,744,948,224", async () => {
    const r = await runCli(["mobilenetv5_300m", "-c", "fvcore", "--format", "json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.totals).toEqual({ params: 294126912, macs: 435744948224 });
    expect(json.resolution).toBe(768);
  });

  test("--by stage: the stem, four stages, the fusion adapter and the pool, summing to the total", async () => {
    const r = await runCli(["mobilenetv5_300m", "-c", "timm", "--by", "stage", "--format", "json"]);
    const json = JSON.parse(r.out);
    expect(json.by_stage.map((g: { stage: string }) => g.stage)).toEqual([
      "conv_1",
      "stage 1",
      "stage 2",
      "stage 3",
      "stage 4",
      "msfa",
      "pool_1",
    ]);
    const sum = json.by_stage.reduce((a: number, g: { macs: number }) => a + g.macs, 0);
    expect(sum).toBe(json.totals.macs);
  });

  test("--by block names blocks as timm's modules, with UIB's instantiation", async () => {
    const r = await runCli(["mobilenetv5_base", "--by", "block"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("blocks.1.0 ExtraDW");
    expect(r.out).toContain("blocks.2.3 FFN");
    expect(r.out).toMatch(/│ msfa\s+│\s+6 │/);
  });

  test("report shows where the MACs go by stage", async () => {
    const r = await runCli(["report", "mobilenetv5_300m", "-c", "timm"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("<h2>mobilenetv5_300m: by stage</h2>");
    expect(r.out).toContain("<h2>mobilenetv5_300m: published figures</h2>");
  });
});

describe("timm's catalogue by name", () => {
  test("lcnet_100 -c timm counts at timm's default size", async () => {
    const r = await runCli(["lcnet_100", "-c", "timm", "--totals"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^lcnet_100 α 1 224×224: 2\.95M params · 155\.70M MACs/);
  });

  test("models --family lists a family; an unknown family names those there are", async () => {
    const r = await runCli(["models", "--family", "tinynet", "--format", "json"]);
    expect(JSON.parse(r.out).timm.map((m: { id: string }) => m.id)).toEqual([
      "tinynet_a",
      "tinynet_b",
      "tinynet_c",
      "tinynet_d",
      "tinynet_e",
    ]);
    const v5 = JSON.parse((await runCli(["models", "--family", "v5", "--format", "json"])).out);
    expect(v5.models.map((m: { aliases: string[] }) => m.aliases[0])).toEqual([
      "mobilenetv5_300m",
      "mobilenetv5_300m_enc",
      "mobilenetv5_base",
    ]);
    const bad = await runCli(["models", "--family", "xx"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^error: --family 'xx': expected one of v1, v2, .*tinynet\n$/);
  });

  test("the anti-aliased MobileNetV4s: the strided convs at stride 1, then a 2×2 average pool or a blur pool; an unknown name is one short line", async () => {
    const blur = await runCli([
      "mobilenetv4_conv_blur_medium",
      "-c",
      "timm",
      "--by",
      "type",
      "--format",
      "json",
    ]);
    expect(blur.code).toBe(0);
    const types = JSON.parse(blur.out).by_type.map((g: { type: string }) => g.type);
    expect(types).toContain("blurpool");
    const aa = await runCli(["mobilenetv4_conv_aa_medium", "--by", "layer"]);
    expect(aa.out).toMatch(/middle_dw\/aa /);
    const unknown = await runCli(["mobilenetv6"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err.length).toBeLessThan(260);
    expect(unknown.err).toMatch(/^error: unknown model 'mobilenetv6': .*`mbn-cost models` lists both/);
  });
});
