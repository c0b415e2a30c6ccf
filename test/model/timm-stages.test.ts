/**
 * Stages in timm's block-string grammar: strings decode as timm's _decode_block_str reads them (and
 * what timm would ignore is refused, naming the string, the token and what is allowed); a stage's
 * repeats scale as timm's _scale_stage_depth scales them (test/fixtures/timm/stage-depths.json, made by
 * scripts/timm-stage-depths.py from timm itself); only a stage's first block strides; widths round as
 * round_channels; each stage's output is saved for a fusion adapter.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { evaluateModel } from "../../src/evaluate/cost.js";
import { loadModel } from "../../src/io/read-model-spec.js";
import { scaleStageDepth } from "../../src/model/blocks/timm-stages.js";
import { buildNetwork } from "../../src/model/build.js";
import { resolveConvention } from "../../src/model/conventions.js";
import { decodeBlockString } from "../../src/model/timm-block-string.js";
import { refusalOf } from "../helpers/refusal.js";

const depths = JSON.parse(
  readFileSync(new URL("../fixtures/timm/stage-depths.json", import.meta.url), "utf8"),
) as {
  timm_commit: string;
  cases: { repeats: number[]; multiplier: number; trunc: "ceil" | "round"; scaled: number[] }[];
};

const dir = mkdtempSync(join(tmpdir(), "mbn-stages-"));
let files = 0;
/** An architecture file with a stem and these stages (and any further entries). */
function architecture(stages: unknown, extra: Record<string, unknown> = {}, after: unknown[] = []) {
  const file = join(dir, `net-${++files}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      name: "staged",
      input: { resolution: 64, channels: 3 },
      classes: 10,
      layers: [
        { kind: "conv", kernel: 3, stride: 2, out: 16 },
        { kind: "stages", stages, ...extra },
        ...after,
      ],
    }),
  );
  return file;
}
const ONE = { text: "1", value: 1 };
const timm = resolveConvention("timm");
const evaluate = async (file: string) =>
  evaluateModel(await loadModel(file, process.cwd()), { alpha: ONE, convention: timm });
/** The one-line refusal of counting this file. */
const refusalOfFile = async (file: string) => {
  const model = await loadModel(file, process.cwd());
  return refusalOf(() => evaluateModel(model, { alpha: ONE, convention: timm }));
};

describe("block strings, as timm decodes them", () => {
  test("options in any order: type first, then r, k, s, e, c and the rest", () => {
    expect(decodeBlockString("uir_r2_a3_k5_s2_e6_c256")).toEqual({
      type: "uir",
      repeat: 2,
      start: 3,
      kernel: 5,
      stride: 2,
      e: 6,
      out: 256,
      noskip: false,
      skip: false,
    });
    expect(decodeBlockString("mqa_r1_k3_h12_v2_s1_d64_c640")).toMatchObject({
      type: "mqa",
      heads: 12,
      kvStride: 2,
      keyDim: 64,
      out: 640,
    });
    expect(decodeBlockString("ir_se0.25_c24_e6_s2_k3_r2")).toMatchObject({
      type: "ir",
      se: 0.25,
      e: 6,
    });
    expect(decodeBlockString("er_r1_k3_s1_e4_c48_nhs_noskip")).toMatchObject({ act: "hswish", noskip: true });
    expect(decodeBlockString("cn_r1_k1_s1_c960_skip")).toMatchObject({ type: "cn", skip: true });
  });

  test("what timm would ignore or fail on is refused, naming the token and what the type allows", () => {
    expect(decodeBlockString("xx_r1_k3_s1_c8")).toBe(
      "'xx' is not a timm block type; expected one of ir, ds, dsa, er, cn, uir, mqa, mha",
    );
    expect(decodeBlockString("ir_r1_k3_s1_e6_c8_zz1")).toBe(
      "token 'zz1' is not an option of ir blocks; allowed: r, k, a, p, s, e, c, se, n (re, r6, hs, sw), noskip",
    );
    expect(decodeBlockString("ir_r1_k3_s1_c8")).toBe(
      "ir blocks need e; allowed: r, k, a, p, s, e, c, se, n (re, r6, hs, sw), noskip",
    );
    expect(decodeBlockString("ir_r1_k3_s3_e6_c8")).toBe(
      "token 's3': timm's builder takes a stride of 1 or 2",
    );
    expect(decodeBlockString("ir_r1_k3_s1_e6_c8_nmi")).toBe(
      "token 'nmi': the activations are nre, nr6, nhs and nsw",
    );
    expect(decodeBlockString("er_r1_k3.5.7_s1_e4_c8")).toBe(
      "token 'k3.5.7': mixed kernels (k3.5.7) are for ir, ds and dsa blocks",
    );
    expect(decodeBlockString("ir_r1_k3.5.7_a1.1_p1.1_s2_e6_c40")).toMatchObject({
      kernel: 3,
      kernels: [3, 5, 7],
      expKernels: [1, 1],
      pwKernels: [1, 1],
    });
    expect(decodeBlockString("ir_r1_k3_s1_e6_c8_cc4")).toBe(
      "token 'cc4': CondConv experts are not built by mbn-cost yet",
    );
    expect(decodeBlockString("ir_r1_k3_s1_e6_c8_se2")).toBe("token 'se2': expected a ratio at most 1");
    expect(decodeBlockString("ir_r0_k3_s1_e6_c8")).toBe("token 'r0': expected a positive whole number");
    expect(decodeBlockString("ir_r1_k3_s1_e6_c8_c16")).toBe("token 'c16': option c is given twice");
    expect(decodeBlockString("er_r1_k0_s1_e4_c8")).toMatch(
      /^token 'k0': er blocks need a kernel of at least 1/,
    );
    expect(decodeBlockString("uir_r1_a0_k0_s1_e2_c8")).toMatchObject({ kernel: 0, start: 0 });
    expect(decodeBlockString("cn_r1_k1_s1_c8_skip")).toMatchObject({ skip: true });
    expect(decodeBlockString("ir_r1_k1_s1_e1_c8_skip")).toMatch(
      /^token 'skip' is not an option of ir blocks/,
    );
  });

  test("a file's bad string is refused before any work: the string, the token, what is allowed", async () => {
    const file = architecture([["uir_r1_a3_k5_s2_e6_c32_zz1"]]);
    await expect(loadModel(file, process.cwd())).rejects.toThrow(
      "'uir_r1_a3_k5_s2_e6_c32_zz1': token 'zz1' is not an option of uir blocks; allowed: r, a, k, p, s, e, c, se, n (re, r6, hs, sw), noskip",
    );
  });
});

describe(`stage depths, as timm ${depths.timm_commit.slice(0, 7)} scales them`, () => {
  test.each(depths.cases.map((c) => [`${c.repeats.join("+")} × ${c.multiplier} (${c.trunc})`, c] as const))(
    "%s",
    (_name, c) => {
      expect(scaleStageDepth(c.repeats, c.multiplier, c.trunc)).toEqual(c.scaled);
    },
  );
});

describe("stages built as timm's EfficientNetBuilder builds them", () => {
  test("only a stage's first block strides; each stage's output is saved; blocks are named as timm's modules", async () => {
    const file = architecture([["er_r2_k3_s2_e4_c32"], ["uir_r1_a3_k5_s2_e4_c64", "uir_r1_a0_k0_s2_e2_c64"]]);
    const { rows } = await evaluate(file);
    // 64 → stem 32 → stage 1 16 (its second er at stride 1) → stage 2 8 (its second uir at stride 1)
    expect([...new Set(rows.map((r) => `${r.block} ${r.output.slice(0, 2).join("×")}`))]).toEqual([
      "conv_1 32×32",
      "blocks_1.0.0 FusedIB 16×16",
      "blocks_1.0.1 FusedIB 16×16",
      // the start depthwise conv keeps the size; the middle one strides
      "blocks_1.1.0 ExtraDW 16×16",
      "blocks_1.1.0 ExtraDW 8×8",
      "blocks_1.1.1 FFN 8×8",
    ]);
    expect(rows.filter((r) => r.stage !== undefined).map((r) => r.stage)).toContain("stage 2");
    const model = await loadModel(file, process.cwd());
    const ops = buildNetwork(model.spec, 1, timm);
    expect(
      ops
        .filter((op) => op.saveOutputAs?.endsWith(":stage1") || op.saveOutputAs?.endsWith(":stage2"))
        .map((op) => op.name),
    ).toEqual(["blocks_1.0.1 FusedIB/add", "blocks_1.1.1 FFN/add"]);
  });

  test("er keeps its 1×1 projection as EdgeResidual does, even when the expansion leaves the width; noskip drops the residual", async () => {
    const { rows } = await evaluate(architecture([["er_r1_k3_s1_e1_c16", "er_r1_k3_s1_e1_c16_noskip"]]));
    expect(rows.filter((r) => r.block.startsWith("blocks")).map((r) => r.name)).toEqual([
      "blocks_1.0.0 FusedIB/expand",
      "blocks_1.0.0 FusedIB/project",
      "blocks_1.0.0 FusedIB/add",
      "blocks_1.0.1 FusedIB/expand",
      "blocks_1.0.1 FusedIB/project",
    ]);
  });

  test("widths: make_divisible(c · multiplier, 8) for every block, at multiplier 1 too; depth by the multiplier", async () => {
    const plain = await evaluate(architecture([["uir_r1_a0_k3_s1_e2_c20"]]));
    expect(plain.rows.at(-1)!.output[2]).toBe(24);
    const half = await evaluate(architecture([["uir_r1_a0_k3_s1_e2_c64"]], { channel_multiplier: 0.5 }));
    expect(half.rows.at(-1)!.output[2]).toBe(32);
    const deep = await evaluate(architecture([["uir_r2_a0_k3_s1_e2_c16"]], { depth_multiplier: 1.6 }));
    expect(new Set(deep.rows.filter((r) => r.stage).map((r) => r.block)).size).toBe(Math.ceil(2 * 1.6));
  });

  test("blocks it does not build yet are refused, naming the stage and block", async () => {
    const refused = (stages: string[][]) => refusalOfFile(architecture(stages));
    expect(await refused([["uir_r1_a0_k3_s1_e2_c16"], ["mha_r1_k3_h4_s1_d16_c16"]])).toBe(
      "blocks_1, stage 2, block 1: mha blocks (multi-head attention) are not built by mbn-cost yet",
    );
    expect(await refused([["mqa_r1_k3_h4_s1_d16_c32"]])).toBe(
      "blocks_1, stage 1, block 1: an mqa block keeps its 16 channels, at stride 1 with its residual (c32, s1 are not built by mbn-cost yet)",
    );
    expect(await refused([["er_r1_k3_s1_e4_c16_se0.25"]])).toBe(
      "blocks_1, stage 1, block 1: squeeze-and-excite in er and uir blocks is not built by mbn-cost yet",
    );
  });

  test("a fusion adapter reads the stages saved before it, and refuses one that is not there", async () => {
    const fused = architecture([["uir_r1_a3_k3_s2_e2_c16"], ["uir_r1_a3_k3_s2_e2_c32"]], {}, [
      { kind: "msfa", out: 24, side: 4 },
    ]);
    const { rows } = await evaluate(fused);
    const msfa = rows.filter((r) => r.block === "msfa");
    expect(msfa.map((r) => `${r.name} ${r.output.join("×")}`)).toEqual([
      "msfa/upsample 16×16×32",
      "msfa/concat 16×16×48",
      "msfa/expand 16×16×96",
      "msfa/project 16×16×24",
      "msfa/resize 4×4×24",
      "msfa/norm 4×4×24",
    ]);
    const three = architecture(
      [["uir_r1_a3_k3_s2_e2_c16"], ["uir_r1_a3_k3_s2_e2_c32"], ["uir_r1_a3_k3_s2_e2_c64"]],
      {},
      [{ kind: "msfa", out: 24, side: 4, stages: [-3, -2, -1] }],
    );
    const fusedThree = (await evaluate(three)).rows.filter((r) => r.block === "msfa");
    // every smaller map upsampled to the first's size, then each concatenation onto the one before
    expect(fusedThree.slice(0, 4).map((r) => `${r.name} ${r.output.join("×")}`)).toEqual([
      "msfa/upsample1 16×16×32",
      "msfa/upsample2 16×16×64",
      "msfa/concat1 16×16×48",
      "msfa/concat2 16×16×112",
    ]);
    const missing = architecture([["uir_r1_a3_k3_s2_e2_c16"]], {}, [
      { kind: "msfa", out: 24, stages: [-2, -1] },
    ]);
    expect(await refusalOfFile(missing)).toBe(
      "msfa: fuses stage -2, and 1 stage output is saved before it (a 'stages' entry saves its own)",
    );
  });
});

describe("timm's own modules, op by op", () => {
  test("ds: a residual at stride 1 and in = out unless noskip; dsa: never; ir: at stride 1 and in = out", async () => {
    const { rows } = await evaluate(
      architecture([["ds_r1_k3_s1_c16", "ds_r1_k3_s1_c16_noskip", "dsa_r1_k3_s1_c16", "ir_r2_k3_s1_e2_c16"]]),
    );
    const adds = rows.filter((r) => r.op === "add").map((r) => r.block);
    expect(adds).toEqual(["blocks_1.0.0", "blocks_1.0.3", "blocks_1.0.4"]);
    // dsa's 1×1 keeps the activation, ds's is linear
    expect(rows.filter((r) => r.name.endsWith("/conv_pw")).map((r) => [r.block, r.spec?.act])).toEqual([
      ["blocks_1.0.0", "none"],
      ["blocks_1.0.1", "none"],
      ["blocks_1.0.2", "relu"],
      ["blocks_1.0.3", "relu"],
      ["blocks_1.0.4", "relu"],
    ]);
  });

  test("ir's expansion: a k×k conv where a gives one kernel, split 1×1 convs where it lists several; types as the breakdown reads them", async () => {
    const { rows } = await evaluate(
      architecture([["ir_r1_k3_a3_s1_e2_c16"], ["ir_r1_k3.5_a1.1_p1.1_s2_e2_c24"]]),
    );
    const row = (name: string) => rows.find((r) => r.name === name)!;
    const wide = row("blocks_1.0.0/conv_pw");
    expect([wide.op, wide.type]).toEqual(["conv", "conv"]);
    expect(wide.macs).toBe(9n * 16n * 32n * 32n * 32n);
    expect(
      ["conv_pw", "conv_dw", "conv_pwl"].map((p) => [
        row(`blocks_1.1.0/${p}`).op,
        row(`blocks_1.1.0/${p}`).type,
      ]),
    ).toEqual([
      ["mixconv", "pointwise"],
      ["mixconv", "depthwise"],
      ["mixconv", "pointwise"],
    ]);
  });
});

describe("the fusion adapter's own edges", () => {
  const twoStages = [["uir_r1_a3_k3_s2_e2_c16"], ["uir_r1_a3_k3_s2_e2_c32"]];
  test("its feed-forward never adds a residual (timm's noskip), even where the widths would allow one", async () => {
    const { rows } = await evaluate(architecture(twoStages, {}, [{ kind: "msfa", out: 48, side: 4 }]));
    expect(rows.filter((r) => r.block === "msfa").map((r) => r.op)).not.toContain("add");
  });
  test("one stage alone: its feed-forward reads that stage where it was saved, not the tensor before it", async () => {
    const { rows } = await evaluate(
      architecture(twoStages, {}, [{ kind: "msfa", out: 24, side: 4, stages: [-2] }]),
    );
    const expand = rows.find((r) => r.name === "msfa/expand")!;
    expect(expand.input).toEqual([16, 16, 16]);
  });
  test("a stage it asks for that is not there: the count of those saved, in words", async () => {
    const missing = architecture(twoStages, {}, [{ kind: "msfa", out: 24, stages: [-3, -1] }]);
    expect(await refusalOfFile(missing)).toBe(
      "msfa: fuses stage -3, and 2 stage outputs are saved before it (a 'stages' entry saves its own)",
    );
  });
});

describe("timm's blocks: the choices a string makes", () => {
  test("round_channels: the multiplier scales before rounding, the divisor is the one given (8 by default)", async () => {
    const { roundChannels } = await import("../../src/model/blocks/timm-blocks.js");
    expect(roundChannels(32, { multiplier: 0.5 })).toBe(16);
    expect(roundChannels(26, { divisor: 4 })).toBe(28);
    expect(roundChannels(26)).toBe(24);
  });

  test("a mixed expansion with a k×k group is a conv by type, an all-1×1 one pointwise", async () => {
    const expansion = (rows: readonly { name: string; type: string; op: string }[]) =>
      rows.find((r) => r.name === "blocks_1.0.0/conv_pw")!;
    const mixed = await evaluate(architecture([["ir_r1_k3_s1_e6_c16_a1.3"]]));
    expect(expansion(mixed.rows)).toMatchObject({ op: "mixconv", type: "conv" });
    const pointwise = await evaluate(architecture([["ir_r1_k3_s1_e6_c16_a1.1"]]));
    expect(expansion(pointwise.rows)).toMatchObject({ op: "mixconv", type: "pointwise" });
  });

  test("ConvBnAct: a 1×1 at stride 1 is pointwise by type; strided or k×k, a conv", async () => {
    const typeOf = async (s: string) => (await evaluate(architecture([[s]]))).rows[1]!.type;
    expect(await typeOf("cn_r1_k1_s1_c32")).toBe("pointwise");
    expect(await typeOf("cn_r1_k1_s2_c32")).toBe("conv");
    expect(await typeOf("cn_r1_k3_s1_c32")).toBe("conv");
  });
});

describe("stages: each refusal and option on its own", () => {
  test("squeeze-excite in a uir block, an mqa block at stride 2 or without its residual: each refused", async () => {
    const refused = (stages: string[][]) => refusalOfFile(architecture(stages));
    expect(await refused([["uir_r1_a0_k3_s1_e2_c16_se0.25"]])).toBe(
      "blocks_1, stage 1, block 1: squeeze-and-excite in er and uir blocks is not built by mbn-cost yet",
    );
    expect(await refused([["mqa_r1_k3_h4_s2_d16_c16"]])).toBe(
      "blocks_1, stage 1, block 1: an mqa block keeps its 16 channels, at stride 1 with its residual (c16, s2 are not built by mbn-cost yet)",
    );
    expect(await refused([["mqa_r1_k3_h4_s1_d16_c16_noskip"]])).toBe(
      "blocks_1, stage 1, block 1: an mqa block keeps its 16 channels, at stride 1 with its residual (c16, s1, noskip are not built by mbn-cost yet)",
    );
  });

  test("a string's own activation (nre) reaches a lowered uir block over the model's", async () => {
    const relu = await evaluate(architecture([["uir_r1_a0_k3_s1_e2_c16_nre"]], {}, []));
    const expand = relu.rows.find((r) => r.name.endsWith("/expand"))!;
    expect(Object.keys(expand.work)).toContain("relu");
  });

  test("lowered blocks carry no layer scale unless the entry asks for one", async () => {
    const plain = await evaluate(architecture([["uir_r1_a0_k3_s1_e2_c16"]]));
    expect(plain.rows.some((r) => r.type === "layerscale")).toBe(false);
    const scaled = await evaluate(architecture([["uir_r1_a0_k3_s1_e2_c16"]], { layer_scale: true }));
    expect(scaled.rows.some((r) => r.type === "layerscale")).toBe(true);
  });

  test("depth_trunc round rounds the scaled repeats (ceil by default); the model's depth multiplies the entry's", async () => {
    const blocksOf = (report: Awaited<ReturnType<typeof evaluate>>) =>
      new Set(report.rows.filter((r) => r.stage).map((r) => r.block)).size;
    // 3 repeats × 1.5 = 4.5: ceil 5, round 4 (timm's round: half to even)
    const ceil = await evaluate(architecture([["uir_r3_a0_k3_s1_e2_c16"]], { depth_multiplier: 1.5 }));
    expect(blocksOf(ceil)).toBe(5);
    const round = await evaluate(
      architecture([["uir_r3_a0_k3_s1_e2_c16"]], { depth_multiplier: 1.5, depth_trunc: "round" }),
    );
    expect(blocksOf(round)).toBe(4);
    const model = await loadModel(
      architecture([["uir_r3_a0_k3_s1_e2_c16"]], { depth_multiplier: 1.5 }),
      process.cwd(),
    );
    const deeper = evaluateModel(model, { alpha: ONE, convention: timm, depth: 2 });
    expect(blocksOf(deeper)).toBe(9);
  });
});
