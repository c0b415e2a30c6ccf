/**
 * The convention presets as reports describe them: what each does differently from the paper's, what
 * element-wise work it counts and ignores, how overrides rename it, and the factors the evaluators take
 * from it. (The counts themselves are pinned to the tools in test/published/peers.test.ts.)
 */
import { describe, expect, test } from "vitest";
import {
  bnParamsFactor,
  CONVENTION_NAMES,
  classesFor,
  conventionDifferences,
  describeWork,
  resolveConvention,
  workFactorsOf,
} from "../../src/model/conventions.js";

describe("what each preset does differently from the paper's", () => {
  test("each preset's differences, as the short convention line lists them", () => {
    expect(
      Object.fromEntries(CONVENTION_NAMES.map((n) => [n, conventionDifferences(resolveConvention(n))])),
    ).toEqual({
      paper: [],
      torchvision: ["+ biases", "+ BN", "torchvision widths"],
      "tf-slim": ["+ biases", "1001 classes"],
      fvcore: [
        "+ biases",
        "+ BN",
        "torchvision widths",
        "ops per element: bn 2, pool 1, norm 5, group-norm 5, upsample 1, upsample-linear 4",
      ],
      ptflops: [
        "+ biases",
        "+ BN",
        "torchvision widths",
        "ops per element: bias 1, bn 2, relu 2, relu6 1, silu 1, gelu 2, pool 2, softmax 1, max-pool 2, linear-bias 1, norm 1, group-norm 2, upsample 2, upsample-linear 2",
      ],
      "ptflops-aten": ["+ biases", "+ BN", "torchvision widths", "ops per element: bias 1"],
      thop: [
        "+ biases",
        "+ BN",
        "torchvision widths",
        "no attention matmuls",
        "ops per element: bn 4, pool 1, pool-divide 1, norm 4, group-norm 4",
      ],
      "torch-flops": ["+ biases", "+ BN", "torchvision widths"],
      keras: ["+ biases", "+ BN with moving statistics"],
      timm: ["+ biases", "+ BN", "timm widths"],
    });
  });
  test("overrides show among the differences: biases and BN as the paper's (nothing to say), no head, a class count", () => {
    expect(
      conventionDifferences(resolveConvention("torchvision", { bias: false, bn: false, head: false })),
    ).toEqual(["no head (backbone only)", "torchvision widths"]);
    expect(conventionDifferences(resolveConvention("paper", { classes: 0 }))).toEqual(["no classifier"]);
    expect(conventionDifferences(resolveConvention("paper", { classes: 10 }))).toEqual(["10 classes"]);
  });
});

describe("the element-wise work a preset counts and ignores", () => {
  test("ptflops: its factors, its functional pools' own, and what it ignores", () => {
    expect(describeWork(resolveConvention("ptflops"))).toBe(
      "element-wise work counted: bias adds ×1, BatchNorm ×2, ReLU ×2, ReLU6 ×1, SiLU ×1, GELU ×2, pooling (input elements) ×2, softmax (attention scores, a classifier's output) ×1, max pooling (input elements) ×2, linear biases added to maps of 4 or more dims ×1, LayerNorm ×1, GroupNorm and InstanceNorm ×2, nearest upsampling (output elements) ×2, linear and cubic upsampling (output elements) ×2; called as functions: pooling (input elements) ×1, pooling divides (output elements) ×0, max pooling (input elements) ×1, ReLU ×1, nearest upsampling (output elements) ×1, linear and cubic upsampling (output elements) ×1; average pools over a fixed window (not adaptive): functions pooling divides (output elements) ×1; ignored: h-swish, h-sigmoid, sigmoid, pooling divides (output elements), residual adds, SE scale multiplies, LayerScale multiplies, RMSNorm",
    );
  });
  test("an average pool over a fixed window: its pooling counts as the convention's fixed-window table says, its other work as the call's", () => {
    const fvcore = resolveConvention("fvcore");
    // MobileNetV5's resize: F.avg_pool2d where the sides divide (fvcore skips it), else F.interpolate bilinear
    const resize = workFactorsOf({ functional: true, fixedWindow: true }, fvcore);
    expect([resize.pool, resize["pool-divide"], resize["upsample-linear"]]).toEqual([
      undefined,
      undefined,
      4n,
    ]);
    expect(workFactorsOf({ functional: true }, fvcore).pool).toBe(1n);
    // ptflops: a functional fixed-window pool divides once per output element; its table has no module entry
    const ptflops = resolveConvention("ptflops");
    expect(workFactorsOf({ functional: true, fixedWindow: true }, ptflops)).toMatchObject({
      "pool-divide": 1n,
      "upsample-linear": 1n,
    });
    expect(workFactorsOf({ functional: true, fixedWindow: true }, ptflops).pool).toBeUndefined();
    expect(workFactorsOf({ fixedWindow: true }, ptflops)).toBe(ptflops.work);
  });
  test("paper: none counted, every category ignored", () => {
    expect(describeWork(resolveConvention("paper"))).toMatch(
      /^element-wise work counted: none; ignored: bias adds, BatchNorm, ReLU, /,
    );
  });
  test("the factors for an op called as a module, as a function, and as x.mean (which no tool counts)", () => {
    const ptflops = resolveConvention("ptflops");
    expect(workFactorsOf({}, ptflops).pool).toBe(2n);
    expect(workFactorsOf({ functional: true }, ptflops).pool).toBe(1n);
    expect(workFactorsOf({ functional: "mean" }, ptflops)).toEqual({});
    // a preset without functional factors counts a function as it counts a module
    expect(workFactorsOf({ functional: true }, resolveConvention("fvcore")).pool).toBe(1n);
    expect(workFactorsOf({ functional: true }, resolveConvention("thop"))).toEqual({});
  });
});

describe("overrides and factors", () => {
  test("an override renames the preset and says what changed; its fields follow", () => {
    const c = resolveConvention("torchvision", {
      bias: false,
      bn: false,
      classes: 0,
      head: false,
      unit: "flops",
    });
    expect(c.name).toBe("torchvision+no-bias+no-bn+classes=0+no-head");
    expect(c.summary).toMatch(
      /; overridden here: biases not counted, BatchNorm not counted, no classifier \(0 classes\), the backbone only \(cut at the global pool; no classifier\)$/,
    );
    expect([c.bias, c.bn, c.classes, c.head, c.unit]).toEqual([false, false, 0, false, "flops"]);
    expect(resolveConvention("paper", { bias: true, bn: true, classes: 7 }).name).toBe(
      "paper+bias+bn+classes=7",
    );
    // an override equal to the preset's own value changes nothing, the name included
    expect(resolveConvention("torchvision", { bias: true, bn: true })).toEqual(
      resolveConvention("torchvision"),
    );
  });
  test("BatchNorm parameters per γ-and-β pair: none, one, or two with the moving statistics (Keras)", () => {
    expect(
      ["paper", "torchvision", "keras"].map((n) => bnParamsFactor(resolveConvention(n as "paper"))),
    ).toEqual([0n, 1n, 2n]);
  });
  test("classes: the model's, plus TF-slim's background class, or the convention's own", () => {
    expect(classesFor(1000, resolveConvention("paper"))).toBe(1000);
    expect(classesFor(1000, resolveConvention("tf-slim"))).toBe(1001);
    expect(classesFor(1000, resolveConvention("tf-slim", { classes: 10 }))).toBe(10);
  });
});
