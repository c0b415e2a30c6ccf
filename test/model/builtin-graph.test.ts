/**
 * The built-ins on the tensor-graph engine: every built-in model (and timm catalogue models of every
 * block timm's strings build), lowered onto the engine's op kinds,
 * counts op for op what the built-in evaluator's layer formulas count, under every convention, at
 * other widths, resolutions and depths; and the kinds' shape rules give the layer kinds' shapes.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { costGraph } from "../../src/evaluate/graph-cost.js";
import { costNetwork } from "../../src/evaluate/cost.js";
import { measureGraph } from "../../src/graph/cost.js";
import { loadModel } from "../../src/io/read-model-spec.js";
import { buildNetwork, takesDepth } from "../../src/model/build.js";
import { BUILTIN_MODELS } from "../../src/model/builtin.js";
import { builtinGraph } from "../../src/model/builtin-graph.js";
import { CONVENTION_NAMES, resolveConvention, type ConventionName } from "../../src/model/conventions.js";
import type { ModelRef } from "../../src/evaluate/cost.js";

const models = await Promise.all(
  [
    ...BUILTIN_MODELS.map((m) => m.id),
    "test/fixtures/configs/valid/tiny-net.json",
    // timm's own blocks from its catalogue: MixConv, ds, dsa, ir, cn and its squeeze-and-excites
    ...["mixnet_m", "lcnet_100", "efficientnet_b0", "mobilenetv3_large_100", "fbnetv3_b", "hardcorenas_a"],
    // timm's anti-aliased MobileNetV4s: a 2×2 average pool, a blur pool (a fixed-filter depthwise conv)
    ...["mobilenetv4_conv_aa_medium", "mobilenetv4_conv_blur_medium"],
  ].map((m) => loadModel(m, process.cwd())),
);

/** Each op's count on both paths, and each op's output as the layer kind gives it and as the engine does. */
function bothPaths(model: ModelRef, name: ConventionName, alpha: number, side?: number, depth?: number) {
  const convention = resolveConvention(name);
  // a model with nothing to repeat refuses a depth: it is counted at depth 1
  const ops = buildNetwork(model.spec, alpha, convention, takesDepth(model.spec) ? depth : 1);
  const resolution = side ?? model.spec.input.resolution;
  const input = [resolution, resolution, model.spec.input.channels] as const;
  const layers = costNetwork(ops, input, convention);
  const lowered = builtinGraph(ops, input);
  const graph = costGraph(measureGraph(lowered.graph, lowered.tensors), convention);
  const perOp = ops.map(() => ({ macs: 0n, params: 0n }));
  for (const [at, row] of graph.rows.entries()) {
    const op = perOp[lowered.origin[at]!]!;
    op.macs += row.macs;
    op.params += row.params;
  }
  return {
    layers: layers.rows.map((r) => ({ name: r.name, macs: r.macs, params: r.params })),
    graph: perOp.map((c, i) => ({ name: ops[i]!.name, ...c })),
    totals: [layers.totals, graph.totals],
    shapes: [
      layers.rows.map((r) => [1, r.output[2], r.output[0], r.output[1]]),
      lowered.outputs.map((t) => lowered.tensors.get(t)!.dims),
    ],
  };
}

describe("built-in models on the tensor-graph engine", () => {
  for (const model of models)
    test(`${model.ref}: under every convention, each op counts as its layer kind's formulas do`, () => {
      for (const name of CONVENTION_NAMES) {
        const { layers, graph, totals, shapes } = bothPaths(model, name, 1);
        expect(graph, name).toEqual(layers);
        expect(totals[1], name).toEqual(totals[0]);
        expect(shapes[1], name).toEqual(shapes[0]);
      }
    });

  test("and at other widths, resolutions and depths", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...models),
        fc.constantFrom(...CONVENTION_NAMES),
        fc.integer({ min: 10, max: 200 }),
        fc.integer({ min: 32, max: 400 }),
        fc.constantFrom(0.5, 1, 1.4),
        (model, name, hundredths, side, depth) => {
          const { totals, shapes } = bothPaths(model, name, hundredths / 100, side, depth);
          expect(totals[1]).toEqual(totals[0]);
          expect(shapes[1]).toEqual(shapes[0]);
        },
      ),
      { numRuns: 60 },
    );
  });
});
