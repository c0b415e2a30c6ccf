/**
 * What the reports print for each layer kind: its `type` is the key of the
 * by-type breakdown (a value of the CSV/JSON `type` column, part of the data
 * contract), its title names it in explain and formula, and each element-wise
 * work category has the title explain and the convention line print.
 */
import { describe, expect, test } from "vitest";
import { WORK_CATEGORIES, WORK_TITLES } from "../../src/layers/define-layer-kind.js";
import { layerKinds } from "../../src/layers/registry.js";

describe("layer kinds' labels", () => {
  test("each kind's registry key, kind, breakdown type and title", () => {
    expect(Object.entries(layerKinds).map(([key, k]) => [key, k.kind, k.type, k.title])).toEqual([
      ["conv", "conv", "conv", "standard convolution"],
      ["depthwise", "depthwise", "depthwise", "depthwise convolution"],
      ["pointwise", "pointwise", "pointwise", "pointwise convolution"],
      ["gconv", "gconv", "gconv", "grouped convolution"],
      ["fc", "fc", "fc", "fully connected"],
      ["avgpool", "avgpool", "pool", "average pooling"],
      ["add", "add", "add", "residual add"],
      ["scale", "scale", "se", "channel scale (squeeze-excite)"],
      ["attention", "attention", "attention", "multi-query attention matmuls (Q·Kᵀ and A·V)"],
      ["norm", "norm", "norm", "batch normalisation"],
      ["layerscale", "layerscale", "layerscale", "LayerScale"],
      ["upsample", "upsample", "upsample", "nearest upsampling"],
      ["concat", "concat", "concat", "channel concatenation"],
      ["resample", "resample", "pool", "resampling to a side"],
      ["mixconv", "mixconv", "mixconv", "mixed convolution (a kernel per channel group)"],
      ["blurpool", "blurpool", "blurpool", "blur pooling (a fixed-filter depthwise conv)"],
    ]);
  });

  test("each element-wise work category's title", () => {
    expect(WORK_CATEGORIES.map((c) => `${c}: ${WORK_TITLES[c]}`)).toEqual([
      "bias: bias adds",
      "bn: BatchNorm",
      "relu: ReLU",
      "relu6: ReLU6",
      "hswish: h-swish",
      "hsigmoid: h-sigmoid",
      "sigmoid: sigmoid",
      "silu: SiLU",
      "gelu: GELU",
      "pool: pooling (input elements)",
      "pool-divide: pooling divides (output elements)",
      "add: residual adds",
      "scale: SE scale multiplies",
      "layer-scale: LayerScale multiplies",
      "softmax: softmax (attention scores, a classifier's output)",
      "max-pool: max pooling (input elements)",
      "linear-bias: linear biases added to maps of 4 or more dims",
      "norm: LayerNorm",
      "group-norm: GroupNorm and InstanceNorm",
      "upsample: nearest upsampling (output elements)",
      "upsample-linear: linear and cubic upsampling (output elements)",
      "rms-norm: RMSNorm",
    ]);
  });
});
