/**
 * The tensors a built network's rows read and write (the layer memory model and the arena count their
 * lifetimes) hold what its ops say: each op's input and output, and the tensors an op saves for a later
 * residual add or scale, alive until the op reading them. An independent rule over the ops' own save and
 * read labels gives the same peak and place on every built-in, at other widths and sizes.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { evaluateModel, type LayerRow } from "../../src/evaluate/cost.js";
import { arenaPeak, peakMemory } from "../../src/evaluate/memory.js";
import { loadModel } from "../../src/io/read-model-spec.js";
import { BUILTIN_MODELS } from "../../src/model/builtin.js";
import { resolveConvention } from "../../src/model/conventions.js";

/** The layer model by the ops' labels: input + output + what is saved and not yet read. */
function peakBySavedLabels(rows: readonly LayerRow[]): { elements: bigint; at: string } {
  const lastRead = new Map<string, number>();
  rows.forEach(({ spec: op }, i) => {
    const operands = op!.kind === "attention" ? [op!.keys, op!.values] : [op!.reads];
    for (const label of [op!.inputFrom, ...operands]) if (label !== undefined) lastRead.set(label, i);
  });
  const alive: { label: string; until: number; elements: bigint }[] = [];
  let best = { elements: 0n, at: "" };
  rows.forEach((row, i) => {
    const op = row.spec!;
    const size = (shape: readonly number[]) => shape.reduce((a, d) => a * BigInt(d), 1n);
    if (op.saveInputAs !== undefined)
      alive.push({
        label: op.saveInputAs,
        until: lastRead.get(op.saveInputAs) ?? -1,
        elements: size(row.input),
      });
    if (op.saveOutputAs !== undefined)
      alive.push({
        label: op.saveOutputAs,
        until: lastRead.get(op.saveOutputAs) ?? -1,
        elements: size(row.output),
      });
    const own = new Set([op.saveInputAs, op.inputFrom, op.saveOutputAs]);
    const held = alive.filter((t) => t.until >= i && !own.has(t.label)).reduce((a, t) => a + t.elements, 0n);
    const live = size(row.input) + size(row.output) + held;
    if (live > best.elements) best = { elements: live, at: row.name };
  });
  return best;
}

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
          const labels = peakBySavedLabels(rows);
          const layer = peakMemory(rows, "layer");
          const arena = arenaPeak(rows, { dtype: "int8" });
          expect([layer.elements, layer.at]).toEqual([labels.elements, labels.at]);
          expect([arena.bytes, arena.at]).toEqual([labels.elements, labels.at]);
        },
      ),
      { numRuns: 40 },
    );
  });
});
