/**
 * Two rules of the same liveness on a built network: the layer memory model (each op's input and
 * output, and the tensors saved for a later op) and the arena (every tensor from its writer to its last
 * reader) give the same peak, at one byte per element, on every built-in and at other widths and sizes.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { evaluateModel } from "../../src/evaluate/cost.js";
import { arenaPeak, peakMemory } from "../../src/evaluate/memory.js";
import { loadModel } from "../../src/io/read-model-spec.js";
import { BUILTIN_MODELS } from "../../src/model/builtin.js";
import { resolveConvention } from "../../src/model/conventions.js";

const models = await Promise.all(BUILTIN_MODELS.map((m) => loadModel(m.id, process.cwd())));

describe("the layer model and the arena agree on built networks", () => {
  test("ops a user's file names alike write tensors of their own (a repeated name gets #2, #3…)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mbn-names-"));
    const file = join(dir, "repeated.json");
    const conv = (out: number, kernel: number) => ({ kind: "conv", name: "a", kernel, stride: 1, out });
    writeFileSync(
      file,
      JSON.stringify({
        name: "repeated",
        input: { resolution: 32, channels: 3 },
        classes: 10,
        layers: [conv(8, 3), conv(16, 3), conv(4, 1)],
      }),
    );
    const { rows } = evaluateModel(await loadModel(file, process.cwd()), {
      alpha: { text: "1", value: 1 },
      convention: resolveConvention("paper"),
    });
    expect(rows.map((r) => r.tensors!.writes[0]!.name)).toEqual(["a", "a#2", "a#3"]);
    // the second conv holds its 32·32·8 input and its 32·32·16 output
    expect(arenaPeak(rows, { dtype: "int8" }).bytes).toBe(32n * 32n * 24n);
    expect(peakMemory(rows, "layer").elements).toBe(32n * 32n * 24n);
  });

  test("every built-in, at other widths and resolutions", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...models),
        fc.integer({ min: 20, max: 150 }),
        fc.integer({ min: 32, max: 320 }),
        (model, hundredths, side) => {
          const { rows } = evaluateModel(model, {
            alpha: { text: `${hundredths / 100}`, value: hundredths / 100 },
            resolution: side,
            convention: resolveConvention("paper"),
          });
          const layer = peakMemory(rows, "layer");
          const arena = arenaPeak(rows, { dtype: "int8" });
          expect([arena.bytes, arena.at]).toEqual([layer.elements, layer.at]);
        },
      ),
      { numRuns: 40 },
    );
  });
});
