/** Blur pooling (timm's BlurPool2d) on its own: a fixed 3×3 filter per channel at the stride, MACs but no weights. */
import { describe, expect, test } from "vitest";
import { compileCount } from "../../src/algebra/evaluate.js";
import type { LayerKind, OpBase } from "../../src/layers/define-layer-kind.js";
import { layerKinds } from "../../src/layers/registry.js";
import { antiAliased, convOp } from "../../src/model/blocks/block-kind.js";

const base: OpBase = { name: "op", block: "b", bias: false, bn: false, act: "none" };
const kind = layerKinds.blurpool as unknown as LayerKind<OpBase & Record<string, unknown>>;

describe("blur pooling", () => {
  test("9 multiply-accumulates per channel and output position, no parameters; 'same' sides at the stride", () => {
    const op = { ...base, kernel: 3, stride: 2 };
    const output = kind.outputShape(op, [15, 15, 8]);
    expect(output).toEqual([8, 8, 8]);
    const b = kind.bind(op, [15, 15, 8], output);
    expect([compileCount(kind.params)(b), compileCount(kind.macs)(b)]).toEqual([0n, 9n * 8n * 64n]);
    expect(kind.check!({ ...op, kernel: 5 }, [15, 15, 8], output)).toBe(
      "a blur pool of 5×5: mbn-cost builds timm's 3×3",
    );
  });

  test("anti-aliasing moves a conv's stride to the pool after it; a conv at stride 1 is left alone", () => {
    const conv = convOp({
      kind: "depthwise",
      name: "dw",
      block: "b",
      kernel: 3,
      stride: 2,
      out: 8,
      groups: 8,
      act: "relu",
    });
    expect(antiAliased(conv, "blur").map((op) => [op.kind, op.name, "stride" in op && op.stride])).toEqual([
      ["depthwise", "dw", 1],
      ["blurpool", "dw/aa", 2],
    ]);
    expect(antiAliased(conv, "avg")[1]).toMatchObject({
      kind: "avgpool",
      kernel: 2,
      stride: 2,
      fixedWindow: true,
    });
    expect(antiAliased({ ...conv, stride: 1 }, "avg")).toEqual([{ ...conv, stride: 1 }]);
    expect(antiAliased(conv, undefined)).toEqual([conv]);
  });
});
