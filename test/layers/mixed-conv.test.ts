/**
 * The mixed convolution (MixNet's MixConv, timm's MixedConv2d) on its own: channels split as timm's
 * _split_channels splits them, a kernel per group, weights and MACs summed over the groups.
 */
import { describe, expect, test } from "vitest";
import { compileCount } from "../../src/algebra/evaluate.js";
import type { LayerKind, OpBase } from "../../src/layers/define-layer-kind.js";
import { mixedGroups, splitChannels } from "../../src/layers/mixed-conv.js";
import { layerKinds } from "../../src/layers/registry.js";

const base: OpBase = { name: "op", block: "b", bias: false, bn: false, act: "none" };
const kind = layerKinds.mixconv as unknown as LayerKind<OpBase & Record<string, unknown>>;

describe("mixed convolution", () => {
  test("channels split in equal parts, the first taking what is left", () => {
    expect(splitChannels(40, 3)).toEqual([14, 13, 13]);
    expect(splitChannels(120, 4)).toEqual([30, 30, 30, 30]);
    expect(splitChannels(7, 2)).toEqual([4, 3]);
    expect(mixedGroups({ kernels: [1, 1], out: 48, stride: 1, depthwise: false }, 24)).toEqual([
      { kernel: 1, in: 12, out: 24 },
      { kernel: 1, in: 12, out: 24 },
    ]);
  });

  test("depthwise: Σ k²·c over the groups, at the stride with 'same' sides; split pointwise: Σ in·out", () => {
    const dw = { ...base, kernels: [3, 5, 7], out: 40, stride: 2, depthwise: true };
    const output = kind.outputShape(dw, [15, 15, 40]);
    expect(output).toEqual([8, 8, 40]);
    const b = kind.bind(dw, [15, 15, 40], output);
    const weights = 9 * 14 + 25 * 13 + 49 * 13;
    expect(compileCount(kind.params)(b)).toBe(BigInt(weights));
    expect(compileCount(kind.macs)(b)).toBe(BigInt(weights * 64));
    const pw = { ...base, kernels: [1, 1], out: 48, stride: 1, depthwise: false };
    expect(compileCount(kind.params)(kind.bind(pw, [7, 7, 24], [7, 7, 48]))).toBe(2n * 12n * 24n);
  });

  test("a depthwise one keeps its channels", () => {
    const dw = { ...base, kernels: [3, 5], out: 32, stride: 1, depthwise: true };
    expect(kind.check!(dw, [8, 8, 16], [8, 8, 32])).toBe(
      "a depthwise mixed convolution keeps its 16 channels, not 32",
    );
  });
});
