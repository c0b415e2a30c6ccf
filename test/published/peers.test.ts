/**
 * Peer-compatible presets on torchvision's MobileNetV2 and V3-Large 1.0 at
 * 224: the totals ../shared/reference/peers.md (sections 3 and 7.3) derives
 * from each tool's counting rules, read from the tool's own source file.
 */
import { describe, expect, test } from "vitest";
import { CONVENTIONS } from "../../src/model/conventions.js";
import { costOf } from "../helpers/models.js";

const cases = [
  ["v2", "fvcore", 314_193_216n, "fvcore FlopCountAnalysis — fvcore/nn/jit_handles.py (batchnorm_flop_jit: 2·numel eval affine; adaptive_avg_pool2d: input numel)"],
  ["v2", "ptflops", 320_300_008n, "ptflops pytorch backend — ptflops/pytorch_ops.py (bias, BN 2·numel, ReLU6 numel, pool input numel)"],
  ["v2", "thop", 327_486_720n, "thop — thop/vision/basic_hooks.py count_normalization (4·numel); V2's functional pool unseen"],
  ["v2", "torch-flops", 601_548_544n, "torch FlopCounterMode — torch/utils/flop_counter.py (2 FLOPs per MAC)"],
  ["v3-large", "fvcore", 226_033_824n, "fvcore FlopCountAnalysis — fvcore/nn/jit_handles.py"],
  ["v3-large", "ptflops", 228_356_576n, "ptflops pytorch backend — ptflops/pytorch_ops.py (h-swish, h-sigmoid unhooked)"],
  ["v3-large", "torch-flops", 433_179_520n, "torch FlopCounterMode — torch/utils/flop_counter.py"],
] as const;

describe("peer presets reproduce peers.md's derived totals (torchvision 1.0 at 224)", () => {
  test.each(cases.map(([model, preset, total, source]) => [`${model} under ${preset}: ${total} — ${source}`, model, preset, total] as const))(
    "%s",
    async (_title, model, preset, total) => {
      const r = await costOf(model, "1.0", 224, preset);
      const reported = CONVENTIONS[preset].unit === "flops" ? 2n * r.totals.macs : r.totals.macs;
      expect(reported).toBe(total);
    },
  );

  test("parameters as fvcore's parameter_count and torchvision's sum(p.numel()): V2 3,504,872, V3-Large 5,483,032", async () => {
    for (const preset of ["fvcore", "ptflops", "thop", "torch-flops"] as const) {
      expect((await costOf("v2", "1.0", 224, preset)).totals.params).toBe(3_504_872n);
      expect((await costOf("v3-large", "1.0", 224, preset)).totals.params).toBe(5_483_032n);
    }
  });

  test("the parts peers.md lists for V2: BN 6,678,112 elements, ReLU6 6,105,792, residual adds 216,384, pool input 62,720", async () => {
    const r = await costOf("v2", "1.0", 224, "torchvision");
    const total = (k: "bn" | "relu6" | "add" | "pool") => r.rows.reduce((a, row) => a + (row.work[k] ?? 0n), 0n);
    expect([total("bn"), total("relu6"), total("add"), total("pool")]).toEqual([6_678_112n, 6_105_792n, 216_384n, 62_720n]);
  });

  test("the parts peers.md lists for V3-Large: SE pool input and SE multiply 597,408, residual adds 423,360, SE conv biases 5,080", async () => {
    const r = await costOf("v3-large", "1.0", 224, "torchvision");
    const se = r.rows.filter((row) => row.type === "se");
    expect(se.reduce((a, row) => a + (row.work.pool ?? 0n), 0n)).toBe(597_408n);
    expect(se.reduce((a, row) => a + (row.work.scale ?? 0n), 0n)).toBe(597_408n);
    expect(r.rows.reduce((a, row) => a + (row.work.add ?? 0n), 0n)).toBe(423_360n);
    expect(se.reduce((a, row) => a + row.paramParts.bias, 0n)).toBe(5_080n);
  });
});
