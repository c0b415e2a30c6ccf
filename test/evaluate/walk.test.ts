/** The exact evaluator's walk, in-process: what it refuses, and what each row records. */
import { describe, expect, test } from "vitest";
import { checkNetwork, costNetwork, walkNetwork } from "../../src/evaluate/cost.js";
import type { OpSpec } from "../../src/layers/define-layer-kind.js";
import { loadModel } from "../../src/io/read-model-spec.js";
import { buildNetwork } from "../../src/model/build.js";
import { resolveConvention } from "../../src/model/conventions.js";
import { refusalOf } from "../helpers/refusal.js";

const base = { block: "b", bias: false, bn: false, act: "none" } as const;
const conv = (name: string, stride: number, out: number, extra: Partial<OpSpec> = {}) =>
  ({ ...base, kind: "conv", name, kernel: 3, stride, out, groups: 1, ...extra }) as OpSpec;

describe("walkNetwork", () => {
  test("an input too small for the strides is refused, naming the layer and the sizes", () => {
    const ops = [conv("c1", 2, 8), conv("c2", 2, 8)];
    expect(walkNetwork(ops, [4, 4, 3])).toEqual([1, 1, 8]);
    expect(
      refusalOf(() =>
        walkNetwork([{ ...base, kind: "avgpool", name: "p", kernel: 7, stride: 7 } as OpSpec], [4, 4, 8]),
      ),
    ).toBe("layer p: its 4×4 input is too small for it (output 0×0); use a larger --resolution");
  });
  test("a kind's own refusal is the layer's", () => {
    const g = { ...base, kind: "gconv", name: "g", kernel: 3, stride: 1, out: 8, groups: 3 } as OpSpec;
    expect(refusalOf(() => walkNetwork([g], [8, 8, 6]))).toBe(
      "layer g: 3 groups must divide its 6 input and 8 output channels",
    );
  });
  test("a saved input or output is read by name later; an op that reads one never saved is a bug, not bad input", () => {
    const ops = [
      conv("c1", 1, 4, { saveInputAs: "x", saveOutputAs: "y" }),
      conv("c2", 1, 4, { inputFrom: "x" }),
      { ...base, kind: "add", name: "a", reads: "y" } as OpSpec,
    ];
    const seen: string[] = [];
    walkNetwork(ops, [8, 8, 3], (op, i, source, output) =>
      seen.push(`${i} ${op.name} ${source.join("×")}→${output.join("×")}`),
    );
    expect(seen).toEqual(["0 c1 8×8×3→8×8×4", "1 c2 8×8×3→8×8×4", "2 a 8×8×4→8×8×4"]);
    expect(() => walkNetwork([conv("c", 1, 4, { inputFrom: "z" })], [8, 8, 3])).toThrow(
      "op c reads 'z', which no earlier op saved",
    );
    expect(() => walkNetwork([{ ...base, kind: "add", name: "a", reads: "z" } as OpSpec], [8, 8, 3])).toThrow(
      "op a reads 'z', which no earlier op saved",
    );
  });
  test("checkNetwork refuses bindings past 2^53 − 1 before any work", () => {
    expect(refusalOf(() => checkNetwork([conv("c", 1, 2 ** 54)], [16, 16, 3]))).toMatch(
      /^layer c: N = 18014398509481984 is past 2\^53 − 1; mbn-cost refuses rather than round it$/,
    );
    expect(() => checkNetwork([conv("c", 1, 8)], [16, 16, 3])).not.toThrow();
  });
});

describe("costNetwork rows", () => {
  test("each row's activations, and its bias, BatchNorm and activation work on its output elements", async () => {
    const ops = [conv("c", 2, 8, { bias: true, bn: true, act: "relu6" })];
    const [row] = costNetwork(ops, [8, 8, 3], resolveConvention("paper")).rows;
    expect(row!.activations).toBe(4n * 4n * 8n);
    expect(row!.work).toEqual({ bias: 128n, bn: 128n, relu6: 128n });
    expect(row!.index).toBe(1);
  });
  test("a report's depth is 1 unless asked", async () => {
    const model = await loadModel("v2", process.cwd());
    const convention = resolveConvention("paper");
    expect(buildNetwork(model.spec, 1, convention)).toEqual(buildNetwork(model.spec, 1, convention, 1));
  });
});
