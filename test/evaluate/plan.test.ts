/** The fast sweep path (double arithmetic, checked against 2^53) equals the exact evaluator. */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { costNetwork } from "../../src/evaluate/cost.js";
import { peakMemory } from "../../src/evaluate/memory.js";
import { costPlanned, planNetwork } from "../../src/evaluate/plan.js";
import { loadModel } from "../../src/io/read-model-spec.js";
import { buildNetwork, takesDepth } from "../../src/model/build.js";
import { BUILTIN_MODELS } from "../../src/model/builtin.js";
import { convOp, fcOp, poolOp } from "../../src/model/blocks/block-kind.js";
import { CONVENTION_NAMES, resolveConvention } from "../../src/model/conventions.js";
import { timmModelNames } from "../../src/io/timm-catalogue.js";

const models = await Promise.all(
  [
    "v1",
    "v2",
    "v3-large",
    "v3-small",
    "fd",
    "mobilenet-v2-cifar",
    "test/fixtures/configs/valid/tiny-net.json",
  ].map((m) => loadModel(m, process.cwd())),
);

describe("planned totals = exact totals", () => {
  test("for every model, convention, width and resolution; declined only where a formula leaves double-exact arithmetic", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...models),
        fc.constantFrom(...CONVENTION_NAMES),
        fc.integer({ min: 5, max: 400 }),
        fc.integer({ min: 32, max: 1024 }),
        (model, name, hundredths, resolution) => {
          const convention = resolveConvention(name);
          const ops = buildNetwork(model.spec, hundredths / 100, convention);
          const input = [resolution, resolution, model.spec.input.channels] as const;
          const plan = planNetwork(ops, convention);
          const exact = costNetwork(ops, input, convention);
          // grouped conv's D_K²·M·N/G is outside double-exact arithmetic: only then does the plan decline
          expect(plan === undefined).toBe(ops.some((op) => op.kind === "gconv"));
          if (plan === undefined) return;
          expect(costPlanned(plan, input)).toEqual({
            macs: exact.totals.macs,
            params: exact.totals.params,
            peakActivations: peakMemory(exact.rows, "block").elements,
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  test("one plan costed at a sequence of resolutions (as a sweep reuses it) equals the exact totals at each, in any order and with repeats", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...models),
        fc.constantFrom(...CONVENTION_NAMES),
        fc.array(fc.integer({ min: 32, max: 320 }), { minLength: 2, maxLength: 12 }),
        (model, name, resolutions) => {
          const convention = resolveConvention(name);
          const ops = buildNetwork(model.spec, 0.75, convention);
          const plan = planNetwork(ops, convention);
          if (plan === undefined) return;
          for (const r of [...resolutions, ...resolutions.reverse()]) {
            const input = [r, r, model.spec.input.channels] as const;
            const exact = costNetwork(ops, input, convention);
            expect(costPlanned(plan, input), `at ${r}`).toEqual({
              macs: exact.totals.macs,
              params: exact.totals.params,
              peakActivations: peakMemory(exact.rows, "block").elements,
            });
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  test("a plan that declined one input (too small for its strides) still counts the next", async () => {
    const model = await loadModel("v2", process.cwd());
    const convention = resolveConvention("paper");
    const ops = buildNetwork(model.spec, 1, convention);
    const plan = planNetwork(ops, convention)!;
    const exactAt = (r: number) => costNetwork(ops, [r, r, 3], convention).totals.macs;
    expect(costPlanned(plan, [224, 224, 3])?.macs).toBe(exactAt(224));
    expect(costPlanned(plan, [0, 0, 3])).toBeUndefined();
    expect(costPlanned(plan, [224, 224, 3])?.macs).toBe(exactAt(224));
    expect(costPlanned(plan, [160, 160, 3])?.macs).toBe(exactAt(160));
  });

  test("inputs that differ in one side only are costed afresh (the plan remembers whole shapes)", async () => {
    const model = await loadModel("v2", process.cwd());
    const convention = resolveConvention("paper");
    const ops = buildNetwork(model.spec, 1, convention);
    const plan = planNetwork(ops, convention)!;
    for (const [h, w] of [
      [224, 224],
      [224, 160],
      [160, 160],
      [160, 224],
      [224, 224],
    ] as const)
      expect(costPlanned(plan, [h, w, 3])?.macs, `${h}×${w}`).toBe(
        costNetwork(ops, [h, w, 3], convention).totals.macs,
      );
  });

  test("a fixed-window pool the input is too small for: declined, as the exact evaluator refuses it", async () => {
    // the CIFAR V2's 4×4 average pool needs a map of at least 4×4: an input of 24 leaves 3×3
    const model = await loadModel("mobilenet-v2-cifar", process.cwd());
    const convention = resolveConvention("paper");
    const ops = buildNetwork(model.spec, 1, convention);
    const plan = planNetwork(ops, convention)!;
    expect(costPlanned(plan, [32, 32, 3])?.macs).toBe(costNetwork(ops, [32, 32, 3], convention).totals.macs);
    expect(costPlanned(plan, [24, 24, 3])).toBeUndefined();
    expect(() => costNetwork(ops, [24, 24, 3], convention)).toThrow(/too small/);
    expect(costPlanned(plan, [24, 32, 3])).toBeUndefined();
  });

  test("counts exactly up to 2^53 − 1 and declines past it, for MACs, parameters and activations each", () => {
    const paper = resolveConvention("paper");
    const fc = fcOp({ name: "fc", block: "fc", out: 20_394_401, bias: false });
    // 441,650,591 × 20,394,401 = 2^53 − 1 (6361 · 69431 · 20394401): MACs and weights at the limit
    const atLimit = costPlanned(planNetwork([fc], paper)!, [1, 1, 441_650_591]);
    expect(atLimit).toEqual({
      macs: 2n ** 53n - 1n,
      params: 2n ** 53n - 1n,
      peakActivations: 441_650_591n + 20_394_401n,
    });
    // MACs alone past it: a 3×3 conv of 32 channels on a 2^20 × 2^20 map (weights and maps far below)
    const conv = convOp({ kind: "conv", name: "conv", block: "conv", kernel: 3, out: 32, act: "none" });
    expect(costPlanned(planNetwork([conv], paper)!, [2 ** 20, 2 ** 20, 32])).toBeUndefined();
    // activations alone past it: a pool of a 2^27 × 2^27 map (no MACs, no weights)
    const pool = poolOp({ name: "pool", block: "pool" });
    expect(costPlanned(planNetwork([pool], paper)!, [2 ** 27, 2 ** 27, 1])).toBeUndefined();
    expect(costPlanned(planNetwork([pool], paper)!, [2 ** 20, 2 ** 20, 1])).toEqual({
      macs: 0n,
      params: 0n,
      peakActivations: 2n ** 40n + 1n,
    });
  });

  test("declines past 2^53 instead of rounding", async () => {
    const model = await loadModel("test/fixtures/configs/valid/huge.json", process.cwd());
    const convention = resolveConvention("paper");
    const plan = planNetwork(buildNetwork(model.spec, 1, convention), convention)!;
    expect(costPlanned(plan, [16384, 16384, 3])).toBeUndefined();
  });
});

/** Every built-in model: the fast path must equal the exact one on each, not only on a sample. */
const builtins = await Promise.all(BUILTIN_MODELS.map((m) => loadModel(m.id, process.cwd())));

// (an ONNX graph is counted by the tensor-graph engine, whose sweeps are exact: no plan)
describe("planned totals = exact totals on every built-in, under every convention", () => {
  const grid = [
    { alpha: 1, depth: 1, side: undefined },
    { alpha: 0.5, depth: 1, side: 160 },
    { alpha: 0.75, depth: 1.3, side: 97 },
  ] as const;

  test.each(CONVENTION_NAMES)(
    "%s: each built-in at α 1, 0.5 and 0.75, depth 1 and 1.3, three resolutions",
    (name) => {
      const convention = resolveConvention(name);
      for (const model of builtins)
        for (const { alpha, depth: asked, side } of grid) {
          // a model with nothing to repeat refuses a depth: it is planned at depth 1
          const depth = takesDepth(model.spec) ? asked : 1;
          const ops = buildNetwork(model.spec, alpha, convention, depth);
          const r = side ?? model.spec.input.resolution;
          const input = [r, r, model.spec.input.channels] as const;
          const plan = planNetwork(ops, convention);
          const where = `${model.id} α ${alpha} depth ${depth} at ${r}`;
          expect(plan === undefined, where).toBe(ops.some((op) => op.kind === "gconv"));
          if (plan === undefined) continue;
          const exact = costNetwork(ops, input, convention);
          expect(costPlanned(plan, input), where).toEqual({
            macs: exact.totals.macs,
            params: exact.totals.params,
            peakActivations: peakMemory(exact.rows, "block").elements,
          });
        }
    },
  );
});

const catalogue = await Promise.all(timmModelNames().map((name) => loadModel(name, process.cwd())));

describe("planned totals = exact totals on timm's catalogue, under every convention", () => {
  test.each(CONVENTION_NAMES)("%s: each catalogue model at its size and at 97", (name) => {
    const convention = resolveConvention(name);
    for (const model of catalogue)
      for (const r of [model.spec.input.resolution, 97]) {
        const ops = buildNetwork(model.spec, 1, convention);
        const input = [r, r, model.spec.input.channels] as const;
        const plan = planNetwork(ops, convention)!;
        const exact = costNetwork(ops, input, convention);
        expect(costPlanned(plan, input), `${model.id} at ${r}`).toEqual({
          macs: exact.totals.macs,
          params: exact.totals.params,
          peakActivations: peakMemory(exact.rows, "block").elements,
        });
      }
  });
});
