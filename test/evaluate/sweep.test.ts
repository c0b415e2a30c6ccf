/**
 * sweep in-process: every point equals the exact evaluator at its setting — on the fast plan's path
 * (block memory, no hardware), on the exact path (layer memory, or hardware), with the roofline's totals
 * on hardware — in the grid's order: depth, then α, then resolution.
 */
import { describe, expect, test } from "vitest";
import { costNetwork } from "../../src/evaluate/cost.js";
import { peakMemory } from "../../src/evaluate/memory.js";
import { roofline } from "../../src/evaluate/roofline.js";
import { samePlainData, sweep } from "../../src/evaluate/sweep.js";
import { loadModel } from "../../src/io/read-model-spec.js";
import { buildNetwork } from "../../src/model/build.js";
import { resolveConvention } from "../../src/model/conventions.js";
import { BUILTIN_HARDWARE } from "../../src/published/hardware.js";

const setting = (text: string) => ({ text, value: Number(text) });
const grid = {
  alphas: [setting("0.5"), setting("1.0")],
  depths: [setting("1"), setting("1.5")],
  resolutions: [96, 160],
};

describe("sweep", () => {
  test.each(["block", "layer"] as const)(
    "each point = the exact evaluator, %s memory, in the grid's order",
    async (memoryModel) => {
      const model = await loadModel("v2", process.cwd());
      const convention = resolveConvention("ptflops");
      const points = [...sweep(model, grid, { convention, memoryModel })];
      expect(points.map((p) => `${p.depth.text} ${p.alpha.text} ${p.resolution}`)).toEqual(
        grid.depths.flatMap((d) =>
          grid.alphas.flatMap((a) => grid.resolutions.map((r) => `${d.text} ${a.text} ${r}`)),
        ),
      );
      for (const p of points) {
        const ops = buildNetwork(model.spec, p.alpha.value, convention, p.depth.value);
        const exact = costNetwork(ops, [p.resolution, p.resolution, 3], convention);
        expect([p.macs, p.params, p.peakActivations]).toEqual([
          exact.totals.macs,
          exact.totals.params,
          peakMemory(exact.rows, memoryModel).elements,
        ]);
        expect(p.roofline).toBeUndefined();
      }
    },
  );

  test("a fine α grid: neighbours that build the same network share its counts, each point still the exact evaluator's", async () => {
    const model = await loadModel("v2", process.cwd());
    const convention = resolveConvention("paper");
    // 1.000–1.012: make_divisible(c·α, 8) gives the same channels for some neighbours, not for others
    const alphas = Array.from({ length: 13 }, (_, i) => setting((1 + i / 1000).toFixed(3)));
    const networks = alphas.map((a) => buildNetwork(model.spec, a.value, convention, 1));
    const shared = networks.filter((ops, i) => i > 0 && samePlainData(ops, networks[i - 1]));
    expect(shared.length).toBeGreaterThan(0);
    expect(shared.length).toBeLessThan(alphas.length - 1);
    const points = [
      ...sweep(
        model,
        { alphas, depths: [setting("1")], resolutions: [96, 224] },
        { convention, memoryModel: "block" },
      ),
    ];
    expect(points.map((p) => `${p.alpha.text} ${p.resolution}`)).toEqual(
      alphas.flatMap((a) => [`${a.text} 96`, `${a.text} 224`]),
    );
    for (const p of points) {
      const exact = costNetwork(
        networks[alphas.indexOf(p.alpha)]!,
        [p.resolution, p.resolution, 3],
        convention,
      );
      expect([p.macs, p.params, p.peakActivations]).toEqual([
        exact.totals.macs,
        exact.totals.params,
        peakMemory(exact.rows, "block").elements,
      ]);
    }
    const hardware = {
      profile: BUILTIN_HARDWARE["pixel6-cpu"],
      fusion: "block" as const,
      dtype: "int8" as const,
    };
    const onHardware = [
      ...sweep(
        model,
        { alphas, depths: [setting("1")], resolutions: [160] },
        { convention, memoryModel: "block", hardware },
      ),
    ];
    onHardware.forEach((p, i) => {
      const exact = costNetwork(networks[i]!, [160, 160, 3], convention);
      expect(p.alpha).toBe(alphas[i]);
      expect(p.roofline).toEqual(roofline({ rows: exact.rows }, hardware.profile, "block", "int8").totals);
    });
  });

  test("plain data compared field by field: numbers, strings, flags, lists, own keys only", () => {
    const op = { kind: "mixconv", kernels: [3, 5], out: 24, bias: false, name: "b/dw" };
    expect(samePlainData(op, { ...op, kernels: [3, 5] })).toBe(true);
    expect(samePlainData(op, { ...op, kernels: [3, 7] })).toBe(false);
    expect(samePlainData(op, { ...op, kernels: [3] })).toBe(false);
    expect(samePlainData(op, { ...op, out: 32 })).toBe(false);
    expect(samePlainData(op, { ...op, bias: true })).toBe(false);
    expect(samePlainData(op, { ...op, extra: 1 })).toBe(false);
    const { name: _, ...unnamed } = op;
    expect(samePlainData(op, { ...unnamed, other: "b/dw" })).toBe(false);
    expect(samePlainData([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(samePlainData(null, {})).toBe(false);
    expect(samePlainData({}, null)).toBe(false);
    expect(samePlainData([op], [{ ...op }])).toBe(true);
  });

  test("on hardware, each point carries the roofline's bytes, cost and time", async () => {
    const model = await loadModel("v1", process.cwd());
    const convention = resolveConvention("paper");
    const profile = BUILTIN_HARDWARE["pixel6-cpu"];
    const hardware = { profile, fusion: "block" as const, dtype: "int8" as const };
    const [p] = [
      ...sweep(
        model,
        { ...grid, depths: [setting("1")], alphas: [setting("0.5")], resolutions: [128] },
        { convention, memoryModel: "block", hardware },
      ),
    ];
    const exact = costNetwork(buildNetwork(model.spec, 0.5, convention, 1), [128, 128, 3], convention);
    expect(p!.roofline).toEqual(roofline({ rows: exact.rows }, profile, "block", "int8").totals);
    expect(p!.macs).toBe(exact.totals.macs);
  });
});
