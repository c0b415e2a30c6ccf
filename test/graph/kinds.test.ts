/**
 * Each op kind's shape rule on the cases the ONNX operator specs give (onnx/onnx docs/Operators.md,
 * their examples and formulas), and the refusals: a rule never guesses.
 */
import { describe, expect, test } from "vitest";
import type { OpKind } from "../../src/graph/op-kind.js";
import { type AttrsOf, type OpKindName, opKinds } from "../../src/graph/registry.js";
import type { Tensor } from "../../src/graph/tensor.js";

const t = (dims: number[], values?: number[], dtype: Tensor["dtype"] = "float32"): Tensor =>
  values ? { dims, dtype, values } : { dims, dtype };
const ints = (values: number[]) => t([values.length], values, "int64");

function out<K extends OpKindName>(kind: K, attrs: AttrsOf<K>, ...inputs: (Tensor | undefined)[]) {
  const result = (opKinds[kind] as OpKind<AttrsOf<K>>).infer(attrs, inputs);
  return typeof result === "string" ? result : result.map((r) => r.dims);
}
const values = <K extends OpKindName>(kind: K, attrs: AttrsOf<K>, ...inputs: (Tensor | undefined)[]) => {
  const result = (opKinds[kind] as OpKind<AttrsOf<K>>).infer(attrs, inputs);
  return typeof result === "string" ? result : result[0]!.values;
};

describe("conv: ⌊(D + pads − ((K − 1)·d + 1)) / s⌋ + 1 per spatial axis, N and the weight's M kept", () => {
  const x = t([1, 1, 5, 5]);
  const w = t([1, 1, 3, 3]);
  test("the spec's examples: pads 1 keeps 5×5; no pads gives 3×3; stride 2 with pads gives 3×3", () => {
    expect(out("conv", { window: { pads: [1, 1, 1, 1] }, group: 1 }, x, w)).toEqual([[1, 1, 5, 5]]);
    expect(out("conv", { window: {}, group: 1 }, x, w)).toEqual([[1, 1, 3, 3]]);
    expect(
      out("conv", { window: { pads: [1, 1, 1, 1], strides: [2, 2] }, group: 1 }, t([1, 1, 7, 5]), w),
    ).toEqual([[1, 1, 4, 3]]);
  });
  test("asymmetric pads, rectangular kernels, dilation and the batch", () => {
    expect(
      out("conv", { window: { pads: [0, 1, 2, 3] }, group: 1 }, t([4, 3, 10, 10]), t([8, 3, 3, 1])),
    ).toEqual([[4, 8, 10, 14]]);
    expect(
      out("conv", { window: { dilations: [2, 2] }, group: 1 }, t([1, 3, 10, 10]), t([8, 3, 3, 3])),
    ).toEqual([[1, 8, 6, 6]]);
  });
  test("auto_pad: SAME gives ⌈D/s⌉ whatever the kernel; VALID gives ⌊(D − K)/s⌋ + 1", () => {
    const big = t([1, 3, 15, 16]);
    const k = t([4, 3, 5, 5]);
    for (const autoPad of ["SAME_UPPER", "SAME_LOWER"] as const)
      expect(out("conv", { window: { autoPad, strides: [2, 2] }, group: 1 }, big, k)).toEqual([[1, 4, 8, 8]]);
    expect(out("conv", { window: { autoPad: "VALID", strides: [2, 2] }, group: 1 }, big, k)).toEqual([
      [1, 4, 6, 6],
    ]);
  });
  test("groups: depthwise with a channel multiplier gives M = the weight's first dim", () => {
    expect(
      out("conv", { window: { pads: [1, 1, 1, 1] }, group: 8 }, t([1, 8, 7, 7]), t([16, 1, 3, 3])),
    ).toEqual([[1, 16, 7, 7]]);
  });
  test("1-d and 3-d convolutions", () => {
    expect(out("conv", { window: {}, group: 1 }, t([1, 2, 10]), t([4, 2, 3]))).toEqual([[1, 4, 8]]);
    expect(out("conv", { window: {}, group: 1 }, t([1, 2, 5, 6, 7]), t([4, 2, 1, 2, 3]))).toEqual([
      [1, 4, 5, 5, 5],
    ]);
  });
  test("refusals: channels that do not fit the groups, a kernel_shape that is not the weight's, a window larger than the map", () => {
    expect(out("conv", { window: {}, group: 2 }, t([1, 3, 8, 8]), t([4, 1, 3, 3]))).toMatch(
      /does not fit 3 input channels/,
    );
    expect(out("conv", { window: { kernel: [5, 5] }, group: 1 }, x, w)).toMatch(/not the weight's/);
    expect(out("conv", { window: {}, group: 1 }, t([1, 1, 2, 2]), w)).toMatch(/does not fit a 2×2 map/);
    expect(out("conv", { window: { strides: [0, 1] }, group: 1 }, x, w)).toMatch(/strides \[0, 1\]/);
    expect(out("conv", { window: {}, group: 0 }, x, w)).toMatch(/group 0/);
    expect(out("conv", { window: {}, group: 1 }, x, w, t([2]))).toMatch(
      /bias 2 is not one per output channel/,
    );
  });
});

describe("pool: the window rule, channels kept; ceil_mode counts a last partial window that starts inside", () => {
  test("MaxPool 3×3/2 on 112 (ResNet's stem, pads 1) gives 56; ceil_mode on 55 gives 28 (SqueezeNet)", () => {
    const window = { kernel: [3, 3], strides: [2, 2], pads: [1, 1, 1, 1] };
    expect(out("pool", { mode: "max", window }, t([1, 64, 112, 112]))).toEqual([
      [1, 64, 56, 56],
      [1, 64, 56, 56],
    ]);
    expect(
      out(
        "pool",
        { mode: "max", window: { kernel: [3, 3], strides: [2, 2], ceilMode: true } },
        t([1, 96, 55, 55]),
      )[0],
    ).toEqual([1, 96, 27, 27]);
    expect(
      out(
        "pool",
        { mode: "max", window: { kernel: [3, 3], strides: [2, 2], ceilMode: true } },
        t([1, 96, 54, 54]),
      )[0],
    ).toEqual([1, 96, 27, 27]);
    expect(
      out("pool", { mode: "max", window: { kernel: [3, 3], strides: [2, 2] } }, t([1, 96, 54, 54]))[0],
    ).toEqual([1, 96, 26, 26]);
  });
  test("ceil_mode drops a last window that would start in the end padding (PyTorch's rule)", () => {
    // 5 + 1 + 1 = 7 padded, kernel 2, stride 2: ⌈(7 − 2)/2⌉ + 1 = 4, but the 4th starts at 6 ≥ 5 + 1
    expect(
      out(
        "pool",
        { mode: "max", window: { kernel: [2], strides: [2], pads: [1, 1], ceilMode: true } },
        t([1, 1, 5]),
      )[0],
    ).toEqual([1, 1, 3]);
  });
  test("global pooling makes every spatial axis 1", () => {
    expect(out("pool", { mode: "average" }, t([2, 1280, 7, 9]))[0]).toEqual([2, 1280, 1, 1]);
  });
});

describe("matrix products", () => {
  test("Gemm with transB (a linear layer) and C broadcast", () => {
    expect(out("gemm", { transA: false, transB: true }, t([4, 512]), t([1000, 512]), t([1000]))).toEqual([
      [4, 1000],
    ]);
    expect(out("gemm", { transA: true, transB: false }, t([3, 5]), t([3, 2]))).toEqual([[5, 2]]);
    expect(out("gemm", { transA: false, transB: false }, t([4, 5]), t([6, 2]))).toMatch(/do not multiply/);
    expect(out("gemm", { transA: false, transB: false }, t([4, 5]), t([5, 2]), t([3]))).toMatch(
      /does not broadcast/,
    );
  });
  test("MatMul broadcasts batch axes and drops a 1-d operand's axis", () => {
    expect(out("matmul", {}, t([2, 12, 197, 64]), t([2, 12, 64, 197]))).toEqual([[2, 12, 197, 197]]);
    expect(out("matmul", {}, t([1, 197, 768]), t([768, 3072]))).toEqual([[1, 197, 3072]]);
    expect(out("matmul", {}, t([3]), t([3, 4]))).toEqual([[4]]);
    expect(out("matmul", {}, t([5, 3]), t([3]))).toEqual([[5]]);
    expect(out("matmul", {}, t([2, 5, 3]), t([4, 3, 2]))).toMatch(/batch axes/);
  });
  test("Einsum: explicit and implicit outputs, and the ellipsis", () => {
    expect(out("einsum", { equation: "bhqd,bhkd->bhqk" }, t([1, 8, 49, 32]), t([1, 8, 49, 32]))).toEqual([
      [1, 8, 49, 49],
    ]);
    expect(out("einsum", { equation: "ij,jk" }, t([2, 3]), t([3, 4]))).toEqual([[2, 4]]);
    expect(out("einsum", { equation: "...ij,...jk->...ik" }, t([5, 2, 3]), t([3, 4]))).toEqual([[5, 2, 4]]);
    expect(out("einsum", { equation: "ij,jk->ik" }, t([2, 3]), t([4, 4]))).toMatch(
      /'j' is 3 in one operand and 4/,
    );
  });
});

describe("element-wise ops broadcast NumPy's way", () => {
  test("Add of a map and a per-channel constant; Where of three", () => {
    expect(out("broadcast", { op: "Add" }, t([1, 64, 56, 56]), t([64, 1, 1]))).toEqual([[1, 64, 56, 56]]);
    expect(
      out("broadcast", { op: "Where" }, t([1, 1, 4, 4], undefined, "bool"), t([1, 8, 4, 4]), t([])),
    ).toEqual([[1, 8, 4, 4]]);
    expect(out("broadcast", { op: "Mul" }, t([2, 3]), t([4]))).toMatch(/do not broadcast/);
  });
  test("arithmetic on known values (shape arithmetic): an integer Div truncates, a float one does not", () => {
    expect(values("broadcast", { op: "Mul" }, ints([2, 3]), ints([4]))).toEqual([8, 12]);
    expect(values("broadcast", { op: "Div" }, ints([7]), ints([2]))).toEqual([3]);
    expect(values("broadcast", { op: "Mul" }, t([2], [1.5, 2]), t([1], [2]))).toEqual([3, 4]);
    expect(values("broadcast", { op: "Div" }, t([1], [7]), t([1], [2]))).toEqual([3.5]);
    expect(values("broadcast", { op: "Add" }, t([1], [1]), t([1]))).toBeUndefined();
    expect(values("broadcast", { op: "Pow" }, t([1], [2]), t([1], [2]))).toBeUndefined();
  });
  test("TF-style same padding as timm computes it at run time: Ceil, Clip to its bounds, Cast to int64 truncating", () => {
    expect(values("unary", { op: "Ceil" }, t([1], [111.5]))).toEqual([112]);
    expect(values("unary", { op: "Clip" }, t([2], [-1, 3]), t([], [0]))).toEqual([0, 3]);
    expect(values("unary", { op: "Clip" }, t([2], [-1, 9]), t([], [0]), t([], [6]))).toEqual([0, 6]);
    expect(values("unary", { op: "Clip", bounds: [0, 6] }, t([2], [-1, 9]))).toEqual([0, 6]);
    expect(values("unary", { op: "Clip" }, t([1], [-1]), t([]))).toBeUndefined();
    expect(values("unary", { op: "Cast", outputType: "int64" }, t([2], [0.5, -1.5]))).toEqual([0, -1]);
    expect(values("unary", { op: "Cast", outputType: "float32" }, t([1], [0.5]))).toEqual([0.5]);
  });
  test("Mod takes the divisor's sign (Python's %), or the dividend's with fmod", () => {
    expect(values("broadcast", { op: "Mod" }, ints([-5, 5, 56]), ints([7]))).toEqual([2, 5, 0]);
    expect(values("broadcast", { op: "Mod", fmod: true }, ints([-5, 5]), ints([7]))).toEqual([-5, 5]);
  });
  test("Dropout gives its mask as a second output", () => {
    expect(out("unary", { op: "Dropout" }, t([2, 3]))).toEqual([
      [2, 3],
      [2, 3],
    ]);
  });
  test("a unary op keeps the dims; Cast carries values", () => {
    expect(out("unary", { op: "Relu" }, t([1, 2, 3]))).toEqual([[1, 2, 3]]);
    expect(values("unary", { op: "Cast", outputType: "int64" }, ints([1, 2]))).toEqual([1, 2]);
  });
});

describe("data movement", () => {
  test("Reshape: 0 copies, −1 is inferred; allowzero keeps a 0", () => {
    expect(out("reshape", { op: "Reshape", allowzero: false }, t([2, 3, 4]), ints([0, -1]))).toEqual([
      [2, 12],
    ]);
    expect(out("reshape", { op: "Reshape", allowzero: false }, t([2, 3, 4]), ints([4, 2, 3]))).toEqual([
      [4, 2, 3],
    ]);
    expect(out("reshape", { op: "Reshape", allowzero: true }, t([0, 3]), ints([3, 0]))).toEqual([[3, 0]]);
    expect(out("reshape", { op: "Reshape", allowzero: false }, t([2, 3, 4]), ints([5, -1]))).toMatch(
      /cannot hold the 24/,
    );
    expect(out("reshape", { op: "Reshape", allowzero: false }, t([2, 3, 4]), ints([-1, -1]))).toMatch(
      /more than one −1/,
    );
    expect(out("reshape", { op: "Reshape", allowzero: false }, t([2, 3, 4]), t([2]))).toMatch(
      /not known before the model runs/,
    );
  });
  test("Flatten, Squeeze, Unsqueeze", () => {
    expect(out("reshape", { op: "Flatten", axis: 1 }, t([4, 512, 1, 1]))).toEqual([[4, 512]]);
    expect(out("reshape", { op: "Flatten", axis: 0 }, t([4, 5]))).toEqual([[1, 20]]);
    expect(out("reshape", { op: "Squeeze", axes: [2, 3] }, t([4, 512, 1, 1]))).toEqual([[4, 512]]);
    expect(out("reshape", { op: "Squeeze" }, t([1, 3, 1]), ints([-1]))).toEqual([[1, 3]]);
    expect(out("reshape", { op: "Squeeze", axes: [1] }, t([1, 3]))).toMatch(/is 3, not 1/);
    expect(out("reshape", { op: "Unsqueeze", axes: [0, -1] }, t([3, 4]))).toEqual([[1, 3, 4, 1]]);
    expect(values("reshape", { op: "Unsqueeze", axes: [0] }, t([], [7], "int64"))).toEqual([7]);
  });
  test("known values follow a Transpose and an N-d Slice (the pads torch computes for Swin's windows)", () => {
    expect(values("transpose", { perm: [1, 0] }, t([2, 3], [1, 2, 3, 4, 5, 6], "int64"))).toEqual([
      1, 4, 2, 5, 3, 6,
    ]);
    // rows reversed: Slice(starts −1, ends −∞, axes 0, steps −1) on a 3×2
    const pairs = t([3, 2], [1, 2, 3, 4, 5, 6], "int64");
    expect(values("slice", {}, pairs, ints([-1]), ints([-1000]), ints([0]), ints([-1]))).toEqual([
      5, 6, 3, 4, 1, 2,
    ]);
  });
  test("Transpose: a permutation, by default the reverse", () => {
    expect(out("transpose", { perm: [0, 3, 1, 2] }, t([1, 224, 224, 3]))).toEqual([[1, 3, 224, 224]]);
    expect(out("transpose", {}, t([2, 3, 4]))).toEqual([[4, 3, 2]]);
    expect(out("transpose", { perm: [0, 0, 1] }, t([2, 3, 4]))).toMatch(/not a permutation/);
  });
  test("Concat of any number of inputs, one input included; values joined", () => {
    expect(out("concat", { axis: 1 }, t([1, 64, 8, 8]), t([1, 32, 8, 8]), t([1, 32, 8, 8]))).toEqual([
      [1, 128, 8, 8],
    ]);
    expect(out("concat", { axis: 1 }, t([1, 64, 8, 8]))).toEqual([[1, 64, 8, 8]]);
    expect(out("concat", { axis: -1 }, t([1, 2]), t([2, 2]))).toMatch(/does not join/);
    expect(values("concat", { axis: 0 }, ints([1]), ints([-1, 7]))).toEqual([1, -1, 7]);
  });
  test("Split: given sizes, equal parts, and opset 18's num_outputs", () => {
    expect(out("split", { axis: 1, outputs: 2 }, t([1, 116, 28, 28]))).toEqual([
      [1, 58, 28, 28],
      [1, 58, 28, 28],
    ]);
    expect(out("split", { axis: 0, outputs: 2, split: [1, 3] }, t([4, 2]))).toEqual([
      [1, 2],
      [3, 2],
    ]);
    expect(out("split", { axis: 0, outputs: 3 }, t([7]), ints([2, 2, 3]))).toEqual([[2], [2], [3]]);
    expect(out("split", { axis: 0, outputs: 3, numOutputs: 3 }, t([7]))).toEqual([[3], [3], [1]]);
    expect(out("split", { axis: 0, outputs: 2 }, t([7]))).toMatch(/does not split into 2 equal parts/);
  });
  test("Slice clamps as the operator says: negative indices, ends past the axis, negative steps", () => {
    const x = t([20, 10, 5]);
    expect(out("slice", {}, x, ints([0, 0]), ints([3, 10]), ints([0, 1]), ints([1, 1]))).toEqual([
      [3, 10, 5],
    ]);
    expect(out("slice", {}, x, ints([1]), ints([1000]), ints([0]))).toEqual([[19, 10, 5]]);
    expect(out("slice", {}, x, ints([-1]), ints([-1000]), ints([0]), ints([-2]))).toEqual([[10, 10, 5]]);
    expect(out("slice", {}, x, ints([0]), ints([-1]), ints([1]))).toEqual([[20, 9, 5]]);
    expect(out("slice", { starts: [0], ends: [2], axes: [2] }, x)).toEqual([[20, 10, 2]]);
    expect(values("slice", {}, ints([4, 3, 224, 224]), ints([2]), ints([4]))).toEqual([224, 224]);
    expect(out("slice", {}, x, ints([0]), ints([1]), ints([0]), ints([0]))).toMatch(/step 0/);
  });
  test("Pad: begin and end per axis, negative pads crop; opset 18's axes", () => {
    expect(out("pad", { mode: "constant" }, t([1, 3, 224, 224]), ints([0, 0, 1, 1, 0, 0, 1, 1]))).toEqual([
      [1, 3, 226, 226],
    ]);
    expect(out("pad", { mode: "constant", pads: [0, 0, -1, 0, 0, 0, 0, 2] }, t([1, 3, 4, 4]))).toEqual([
      [1, 3, 3, 6],
    ]);
    expect(
      out("pad", { mode: "reflect" }, t([1, 3, 4, 4]), ints([1, 2, 3, 4]), undefined, ints([2, 3])),
    ).toEqual([[1, 3, 8, 10]]);
  });
  test("Resize: sizes, or ⌊D × scale⌋; an empty scales tensor stands for none", () => {
    expect(out("resize", { mode: "nearest" }, t([1, 8, 7, 7]), t([4], [1, 1, 2, 2]))).toEqual([
      [1, 8, 14, 14],
    ]);
    expect(out("resize", { mode: "linear" }, t([1, 8, 7, 7]), t([0]), ints([1, 8, 20, 21]))).toEqual([
      [1, 8, 20, 21],
    ]);
    expect(out("resize", { mode: "nearest" }, t([1, 8, 7, 7]), t([4], [1, 1, 1.5, 1.5]))).toEqual([
      [1, 8, 10, 10],
    ]);
    expect(out("resize", { mode: "nearest", scales: [1, 1, 2, 2] }, t([1, 8, 7, 7]))).toEqual([
      [1, 8, 14, 14],
    ]);
  });
  test("Gather: the axis replaced by the indices' dims; values gathered (Shape → Gather)", () => {
    expect(out("gather", { op: "Gather", axis: 0 }, t([1000, 768]), t([1, 5], undefined, "int64"))).toEqual([
      [1, 5, 768],
    ]);
    expect(out("gather", { op: "Gather", axis: 1 }, t([2, 197, 768]), t([], [0], "int64"))).toEqual([
      [2, 768],
    ]);
    expect(values("gather", { op: "Gather", axis: 0 }, ints([4, 3, 224, 224]), t([], [-1], "int64"))).toEqual(
      [224],
    );
    expect(out("gather", { op: "Gather", axis: 0 }, ints([4, 3]), t([], [2], "int64"))).toMatch(
      /outside axis 0/,
    );
  });
  test("Shape (with opset 15's start and end) and Size", () => {
    expect(values("shape", { op: "Shape" }, t([4, 3, 224, 224]))).toEqual([4, 3, 224, 224]);
    expect(values("shape", { op: "Shape", start: -2 }, t([4, 3, 224, 224]))).toEqual([224, 224]);
    expect(values("shape", { op: "Size" }, t([4, 3, 2]))).toEqual([24]);
  });
  test("Expand, Tile, Range, ConstantOfShape, DepthToSpace", () => {
    expect(out("expand", { op: "Expand" }, t([1, 1, 768]), ints([4, 1, 768]))).toEqual([[4, 1, 768]]);
    expect(out("expand", { op: "Tile" }, t([2, 3]), ints([2, 2]))).toEqual([[4, 6]]);
    expect(values("range", {}, t([], [0], "int64"), t([], [5], "int64"), t([], [2], "int64"))).toEqual([
      0, 2, 4,
    ]);
    expect(out("constant", { op: "ConstantOfShape" }, ints([2, 3]))).toEqual([[2, 3]]);
    expect(out("depth-to-space", { op: "DepthToSpace", blocksize: 2 }, t([1, 8, 3, 3]))).toEqual([
      [1, 2, 6, 6],
    ]);
    expect(out("depth-to-space", { op: "SpaceToDepth", blocksize: 2 }, t([1, 2, 6, 6]))).toEqual([
      [1, 8, 3, 3],
    ]);
  });
  test("reductions: axes to 1 with keepdims, gone without; no axes: all", () => {
    expect(out("reduce", { op: "ReduceMean", axes: [2, 3], keepdims: true }, t([1, 64, 7, 7]))).toEqual([
      [1, 64, 1, 1],
    ]);
    expect(out("reduce", { op: "ReduceMean", axes: [-1], keepdims: false }, t([1, 197, 768]))).toEqual([
      [1, 197],
    ]);
    expect(out("reduce", { op: "ReduceSum", axesFromInput: true, keepdims: true }, t([2, 3]))).toEqual([
      [1, 1],
    ]);
    expect(
      out(
        "reduce",
        { op: "ReduceSum", axesFromInput: true, keepdims: true, noopWithEmptyAxes: true },
        t([2, 3]),
      ),
    ).toEqual([[2, 3]]);
    expect(out("reduce", { op: "ReduceMax", axes: [1, -1], keepdims: true }, t([2, 3]))).toMatch(
      /given twice/,
    );
  });
  test("norms and softmax keep the dims; GroupNormalization's groups divide the channels", () => {
    expect(out("norm", { mode: "layer", axis: -1 }, t([1, 197, 768]))).toEqual([[1, 197, 768]]);
    expect(out("norm", { mode: "group", groups: 3 }, t([1, 32, 4, 4]))).toMatch(
      /3 groups do not divide the 32 channels/,
    );
    expect(out("softmax", { op: "Softmax", axis: -1 }, t([1, 12, 197, 197]))).toEqual([[1, 12, 197, 197]]);
    expect(out("softmax", { op: "Softmax", axis: 4 }, t([1, 12, 197, 197]))).toMatch(
      /axis 4 is outside a rank-4 tensor/,
    );
  });
});

describe("what each kind refuses (one line, never a guess)", () => {
  const refusals: [string, string | readonly (readonly number[])[], RegExp][] = [
    [
      "Expand to an unknown shape",
      out("expand", { op: "Expand" }, t([3]), t([2])),
      /shape are not known before the model runs/,
    ],
    [
      "Expand to a negative size",
      out("expand", { op: "Expand" }, t([3]), ints([-1])),
      /\[-1\] is not a shape/,
    ],
    [
      "Expand that does not broadcast",
      out("expand", { op: "Expand" }, t([3]), ints([4])),
      /do not broadcast/,
    ],
    [
      "Tile with too few repeats",
      out("expand", { op: "Tile" }, t([2, 3]), ints([2])),
      /repeats \[2\] for the 2 axes/,
    ],
    ["Expand without its shape", out("expand", { op: "Expand" }, t([3])), /needs its data and its shape/],
    [
      "GatherElements of another rank",
      out("gather", { op: "GatherElements", axis: 0 }, t([2, 3]), t([2])),
      /not of the data's rank/,
    ],
    [
      "Gather on an axis past the rank",
      out("gather", { op: "Gather", axis: 2 }, t([2, 3]), ints([0])),
      /axis 2 is outside a rank-2 tensor/,
    ],
    ["Pad with unknown pads", out("pad", { mode: "constant" }, t([2, 3]), t([4])), /pads are not known/],
    [
      "Pad with unknown axes",
      out("pad", { mode: "constant" }, t([2, 3]), ints([1, 1]), undefined, t([1])),
      /axes are not known/,
    ],
    [
      "Pad with too few pads",
      out("pad", { mode: "constant" }, t([2, 3]), ints([1, 1])),
      /a begin and an end pad for each of 2 axes/,
    ],
    [
      "Pad cropping below nothing",
      out("pad", { mode: "constant" }, t([2, 3]), ints([-2, 0, -1, 0])),
      /crop 2×3 below nothing/,
    ],
    ["Pad without pads", out("pad", { mode: "constant" }, t([2, 3])), /needs its pads/],
    [
      "Resize without scales or sizes",
      out("resize", { mode: "nearest" }, t([1, 3, 4, 4])),
      /needs its scales or its sizes/,
    ],
    [
      "Resize with unknown sizes",
      out("resize", { mode: "nearest" }, t([1, 3, 4, 4]), undefined, t([4])),
      /not known before the model runs/,
    ],
    [
      "Resize with too few scales",
      out("resize", { mode: "nearest" }, t([1, 3, 4, 4]), t([2], [2, 2])),
      /scales \[2, 2\] for 4 axes/,
    ],
    [
      "Resize to a negative size",
      out("resize", { mode: "nearest" }, t([1, 3, 4, 4]), t([4], [1, 1, -1, 1])),
      /not a shape/,
    ],
    [
      "Reshape with a bad target",
      out("reshape", { op: "Reshape", allowzero: false }, t([2, 3]), ints([-2, 3])),
      /is not a shape for 2×3/,
    ],
    [
      "Reshape of other elements",
      out("reshape", { op: "Reshape", allowzero: false }, t([2, 3]), ints([4, 2])),
      /does not hold the 6 elements/,
    ],
    [
      "Reshape without its target",
      out("reshape", { op: "Reshape", allowzero: false }, t([2, 3])),
      /needs its target shape/,
    ],
    ["Flatten past the rank", out("reshape", { op: "Flatten", axis: 3 }, t([2, 3])), /axis 3 is outside 0…2/],
    [
      "Unsqueeze with no axes",
      out("reshape", { op: "Unsqueeze", axes: [] }, t([2, 3])),
      /needs the axes to insert/,
    ],
    [
      "Unsqueeze an axis twice",
      out("reshape", { op: "Unsqueeze", axes: [0, 0] }, t([2, 3])),
      /axis 0 is given twice/,
    ],
    [
      "Einsum that is not an equation",
      out("einsum", { equation: "ab-c" }, t([2, 3])),
      /is not an Einsum equation/,
    ],
    [
      "Einsum with too many operands",
      out("einsum", { equation: "ab" }, t([2, 3]), t([2, 3])),
      /has 1 operands, the node 2/,
    ],
    [
      "Einsum whose operand does not fit",
      out("einsum", { equation: "abc->a" }, t([2, 3])),
      /does not match 'abc'/,
    ],
    [
      "Einsum with an unknown output letter",
      out("einsum", { equation: "ab->z" }, t([2, 3])),
      /output letter 'z' is not in any operand/,
    ],
    [
      "a reduction with unknown axes",
      out("reduce", { op: "ReduceSum", axesFromInput: true, keepdims: true }, t([2, 3]), t([1])),
      /axes are not known/,
    ],
    [
      "a LayerNormalization axis past the rank",
      out("norm", { mode: "layer", axis: 3 }, t([2, 3])),
      /axis 3 is outside/,
    ],
    ["a BatchNormalization of a vector", out("norm", { mode: "batch" }, t([3])), /reads N×C×…/],
    ["a MatMul of scalars", out("matmul", {}, t([]), t([3])), /does not take scalars/],
    ["a MatMul without B", out("matmul", {}, t([3])), /needs A and B/],
    [
      "a Gemm of vectors",
      out("gemm", { transA: false, transB: false }, t([3]), t([3, 2])),
      /Gemm multiplies two matrices/,
    ],
    [
      "a conv of a vector",
      out("conv", { window: {}, group: 1 }, t([3]), t([1, 1, 1])),
      /a convolution reads N×C×spatial/,
    ],
    [
      "a conv with a weight of another rank",
      out("conv", { window: {}, group: 1 }, t([1, 3, 4, 4]), t([1, 3, 1])),
      /same rank/,
    ],
    ["a pool of a vector", out("pool", { mode: "max" }, t([3])), /a pool reads N×C×spatial/],
    [
      "a window of the wrong rank",
      out("pool", { mode: "max", window: { kernel: [2] } }, t([1, 3, 4, 4])),
      /a 1-axis kernel on a map with 2 spatial axes/,
    ],
    [
      "a window with a zero kernel",
      out("pool", { mode: "max", window: { kernel: [0, 2] } }, t([1, 3, 4, 4])),
      /kernel 0×2/,
    ],
    [
      "a window with bad dilations",
      out("pool", { mode: "max", window: { kernel: [2, 2], dilations: [0, 1] } }, t([1, 3, 4, 4])),
      /dilations \[0, 1\]/,
    ],
    [
      "a window with odd pads",
      out("pool", { mode: "max", window: { kernel: [2, 2], pads: [1, 1] } }, t([1, 3, 4, 4])),
      /pads \[1, 1\]/,
    ],
    [
      "a dilated window too large",
      out("pool", { mode: "max", window: { kernel: [3, 3], dilations: [3, 3] } }, t([1, 3, 4, 4])),
      /\(dilations 3, 3\) does not fit a 4×4 map/,
    ],
    [
      "a Split with too few sizes",
      out("split", { axis: 0, outputs: 3 }, t([4]), ints([2, 2])),
      /does not give 3 sizes/,
    ],
    [
      "a Split whose sizes do not add up",
      out("split", { axis: 0, outputs: 2 }, t([4]), ints([1, 2])),
      /does not add up to 4/,
    ],
    [
      "a Split with unknown sizes",
      out("split", { axis: 0, outputs: 2 }, t([4]), t([2])),
      /sizes are not known/,
    ],
    [
      "a Slice of different lengths",
      out("slice", {}, t([4]), ints([0]), ints([1, 2])),
      /of different lengths/,
    ],
    ["a Slice without its ends", out("slice", {}, t([4]), ints([0])), /needs its starts and ends/],
    ["a Slice with unknown starts", out("slice", {}, t([4]), t([1]), ints([1])), /starts are not known/],
    ["a Range of unknowns", out("range", {}, t([]), t([]), t([])), /not known before the model runs/],
    ["a Range with no step", out("range", {}, t([], [0]), t([], [4]), t([], [0])), /a delta of 0/],
    [
      "a ConstantOfShape of unknown dims",
      out("constant", { op: "ConstantOfShape" }, t([2])),
      /shape is not known/,
    ],
    [
      "a ConstantOfShape of a negative dim",
      out("constant", { op: "ConstantOfShape" }, ints([-1])),
      /\[-1\] is not a shape/,
    ],
    [
      "a DepthToSpace of odd channels",
      out("depth-to-space", { op: "DepthToSpace", blocksize: 2 }, t([1, 6, 2, 2])),
      /6 channels do not divide into blocks of 2×2/,
    ],
    [
      "a SpaceToDepth of odd sides",
      out("depth-to-space", { op: "SpaceToDepth", blocksize: 2 }, t([1, 6, 3, 2])),
      /3×2 does not divide/,
    ],
    [
      "a DepthToSpace of a 3-d tensor",
      out("depth-to-space", { op: "DepthToSpace", blocksize: 2 }, t([1, 8, 2])),
      /N×C×H×W expected/,
    ],
    [
      "a DepthToSpace with blocksize 0",
      out("depth-to-space", { op: "DepthToSpace", blocksize: 0 }, t([1, 8, 2, 2])),
      /blocksize 0/,
    ],
    ["a Concat missing an input", out("concat", { axis: 0 }, t([2]), undefined), /needs every input/],
    ["a broadcast missing an input", out("broadcast", { op: "Add" }, t([2]), undefined), /needs every input/],
  ];
  test.each(refusals)("%s", (_, result, message) => {
    expect(typeof result).toBe("string");
    expect(result).toMatch(message);
  });
});
