/**
 * The peer presets equal what the peer tools themselves print. The fixture
 * was made by scripts/peer-counts.py, which ran each tool from its own
 * repository (commit recorded in the file) on torchvision's V2, V3-Large and
 * V3-Small at 6 widths × 5 resolutions (odd ones included); these tests never
 * need torch.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { type CostReport, evaluateModel } from "../../src/evaluate/cost.js";
import { loadModel } from "../../src/io/read-model-spec.js";
import { CONVENTIONS, type Convention, type ConventionName } from "../../src/model/conventions.js";
import { costOf } from "../helpers/models.js";

interface Observed {
  readonly macs: number;
  readonly params: number;
}
interface Tool {
  readonly repository: string;
  readonly commit: string;
  readonly version: string;
  readonly call: string;
}
type Row = { readonly model: string; readonly alpha: string; readonly resolution: number } & Record<
  string,
  Observed
>;
const fixture = JSON.parse(
  readFileSync(new URL("../fixtures/peers/counts.json", import.meta.url), "utf8"),
) as {
  readonly torchvision: string;
  readonly tools: Record<string, Tool>;
  readonly counts: readonly Row[];
};

/** Which preset reproduces which tool (both thops count alike). */
const PRESET_OF_TOOL: Record<string, ConventionName> = {
  ptflops: "ptflops",
  "ptflops-aten": "ptflops-aten",
  fvcore: "fvcore",
  thop: "thop",
  "thop-lyken17": "thop",
};

test("the fixture records every tool's repository, commit and version, and covers 0.35–1.4 and odd resolutions", () => {
  expect(Object.keys(fixture.tools).sort()).toEqual(Object.keys(PRESET_OF_TOOL).sort());
  for (const tool of Object.values(fixture.tools)) expect(tool.commit).toMatch(/^[0-9a-f]{40}$/);
  expect(new Set(fixture.counts.map((c) => c.alpha))).toEqual(
    new Set(["0.35", "0.5", "0.75", "1.0", "1.3", "1.4"]),
  );
  expect(
    fixture.counts.some((c) => c.resolution === 225) && fixture.counts.some((c) => c.resolution === 331),
  ).toBe(true);
});

describe.each(Object.entries(PRESET_OF_TOOL))(
  "%s as observed, reproduced by --convention %s",
  (tool, preset) => {
    const info = fixture.tools[tool]!;
    test.each(
      fixture.counts.map(
        (c) =>
          [
            `${c.model} α=${c.alpha} ${c.resolution}px: ${c[tool]!.macs} MACs, ${c[tool]!.params} params — ${info.repository} ${info.version} (${info.commit.slice(0, 7)})`,
            c,
          ] as const,
      ),
    )("%s", async (_title, c) => {
      const r = await costOf(c.model, c.alpha, c.resolution, preset);
      expect(r.totals.macs).toBe(BigInt(c[tool]!.macs));
      expect(r.totals.params).toBe(BigInt(c[tool]!.params));
    });
  },
);

const torchFlops = JSON.parse(
  readFileSync(new URL("../fixtures/peers/torch-flops.json", import.meta.url), "utf8"),
) as {
  readonly torch: string;
  readonly counts: readonly {
    model: string;
    alpha: string;
    resolution: number;
    flops: number;
    params: number;
  }[];
};

describe(`torch ${torchFlops.torch} FlopCounterMode as observed (scripts/torch-flops-counts.py), reproduced by --convention torch-flops`, () => {
  test.each(
    torchFlops.counts.map(
      (c) => [`${c.model} α=${c.alpha} ${c.resolution}px: ${c.flops} FLOPs, ${c.params} params`, c] as const,
    ),
  )("%s", async (_title, c) => {
    const r = await costOf(c.model, c.alpha, c.resolution, "torch-flops");
    expect(CONVENTIONS["torch-flops"].unit).toBe("flops");
    expect(2n * r.totals.macs).toBe(BigInt(c.flops));
    expect(r.totals.params).toBe(BigInt(c.params));
  });
});

const torchFlopsFamily = JSON.parse(
  readFileSync(new URL("../fixtures/peers/torch-flops-family.json", import.meta.url), "utf8"),
) as typeof torchFlops & { readonly timm: string };

describe(`torch ${torchFlopsFamily.torch} FlopCounterMode on the rest of the family (timm ${torchFlopsFamily.timm}'s MobileNetV4, attention through scaled-dot-product attention), reproduced by --convention torch-flops`, () => {
  test.each(
    torchFlopsFamily.counts.map(
      (c) => [`${c.model} ${c.resolution}px: ${c.flops} FLOPs, ${c.params} params`, c] as const,
    ),
  )("%s", async (_title, c) => {
    const r = await costOf(c.model, c.alpha, c.resolution, "torch-flops");
    expect(2n * r.totals.macs).toBe(BigInt(c.flops));
    expect(r.totals.params).toBe(BigInt(c.params));
  });
});

test("ptflops' V3 excess is nn.ReLU and module pools counted twice (module hook + patched functional); V2's functional pool once", async () => {
  const observed = (model: string) =>
    BigInt(
      fixture.counts.find((c) => c.model === model && c.alpha === "1.0" && c.resolution === 224)!.ptflops!
        .macs,
    );
  const once: Convention = {
    ...CONVENTIONS.ptflops,
    work: { ...CONVENTIONS.ptflops.work, relu: 1n, pool: 1n },
  };
  const elements = (r: CostReport, k: "relu" | "pool") =>
    r.rows.reduce((a, row) => a + (row.work[k] ?? 0n), 0n);
  const v3 = evaluateModel(await loadModel("v3-large", process.cwd()), {
    alpha: { text: "1", value: 1 },
    convention: once,
  });
  expect(observed("v3-large") - v3.totals.macs).toBe(elements(v3, "relu") + elements(v3, "pool"));
  const v2 = evaluateModel(await loadModel("v2", process.cwd()), {
    alpha: { text: "1", value: 1 },
    convention: once,
  });
  expect(observed("v2") - v2.totals.macs).toBe(0n);
});

/**
 * The rest of the family (scripts/peer-counts.py --family): torchvision's
 * EfficientNet-B0, EfficientNetV2-S and MnasNet, and timm's MobileNetV4 Conv-S
 * and Hybrid-M, at α 1. What the tools were seen to do with the new ops:
 * ptflops counts SiLU once per element (the patched F.silu), nn.GELU twice
 * (its module hook and the patched F.gelu; a probe of a 1×1 conv and a GELU) and
 * sigmoid not at all; thop does not see attention matmuls (no module) while fvcore and
 * ptflops' aten backend count them; no tool counts MnasNet's x.mean pool.
 */
const family = JSON.parse(
  readFileSync(new URL("../fixtures/peers/family.json", import.meta.url), "utf8"),
) as {
  readonly timm_commit: string;
  readonly tools: Record<string, Tool>;
  readonly counts: readonly Row[];
};

/**
 * Rows the presets do not claim, with why: the presets model the tools on torchvision's modules,
 * and timm's MobileNetV4 is built from timm's own (BatchNormAct2d is not a type ptflops's table
 * keys on; Lyken17's thop does not count its parameters).
 */
const NOT_CLAIMED: Record<string, readonly string[]> = {
  ptflops: ["mnv4-conv-s", "mnv4-hybrid-m"],
  "thop-lyken17": ["mnv4-conv-s", "mnv4-hybrid-m"],
};

describe.each(Object.entries(PRESET_OF_TOOL))(
  "the family under %s, reproduced by --convention %s",
  (tool, preset) => {
    const info = family.tools[tool]!;
    const rows = family.counts.filter((c) => !(NOT_CLAIMED[tool] ?? []).includes(c.model));
    test.each(
      rows.map(
        (c) =>
          [
            `${c.model} ${c.resolution}px: ${c[tool]!.macs} MACs, ${c[tool]!.params} params — ${info.repository} (${info.commit.slice(0, 7)})`,
            c,
          ] as const,
      ),
    )("%s", async (_title, c) => {
      const r = await costOf(c.model, c.alpha, c.resolution, preset);
      expect(r.totals.macs).toBe(BigInt(c[tool]!.macs));
      expect(r.totals.params).toBe(BigInt(c[tool]!.params));
    });
  },
);

test("thop leaves out exactly the attention matmuls of MobileNetV4 Hybrid-M, which fvcore counts", async () => {
  const attentionOf = (r: CostReport) =>
    r.rows.filter((row) => row.type === "attention").reduce((a, row) => a + row.macs, 0n);
  const thop = await costOf("mnv4-hybrid-m", "1.0", 224, "thop");
  const fvcore = await costOf("mnv4-hybrid-m", "1.0", 224, "fvcore");
  expect(attentionOf(thop)).toBe(0n);
  expect(attentionOf(fvcore)).toBe(24_586_240n); // 4 blocks at 14², 4 at 7²: 2·h·N·M·d each
  expect(thop.rows.reduce((a, r) => a + r.matmulMacs, 0n)).toBe(24_586_240n);
});
