/**
 * Each ONNX operator handler's branches (src/model/onnx/node-handlers.ts): the
 * attribute forms the ONNX spec allows (auto_pad, Clip's bounds as attributes
 * or inputs, Gemm's transposes, ReduceMean's axes, Constant's value fields,
 * the exporters' shape arithmetic), and what is refused or left unmapped.
 */
import { describe, expect, test } from "vitest";
import { graphToNetwork, type OnnxNetwork } from "../../src/model/onnx/to-ops.js";
import { type GraphSketch, type NodeSketch, sketchGraph } from "../helpers/onnx.js";
import { refusalOf } from "../helpers/refusal.js";

const same = { pads: { ints: [1, 1, 1, 1] } };
const stemConv: NodeSketch = { op: "Conv", in: ["input", "w"], out: "c", attrs: same };
/** input 1×3×32×32 → 3×3 conv to 8 channels → the given nodes. */
const net = (
  nodes: NodeSketch[],
  constants: GraphSketch["constants"] = {},
  allowUnknown = false,
): OnnxNetwork =>
  graphToNetwork(sketchGraph({ constants: { w: [8, 3, 3, 3], ...constants }, nodes: [stemConv, ...nodes] }), {
    allowUnknown,
  });
const refusal = (nodes: NodeSketch[], constants: GraphSketch["constants"] = {}): string =>
  refusalOf(() => net(nodes, constants));
const unsupported = (nodes: NodeSketch[], constants: GraphSketch["constants"] = {}) => [
  ...net(nodes, constants, true).unsupported.keys(),
];
const conv = (attrs: NodeSketch["attrs"], weight = "w3"): NodeSketch => ({
  op: "Conv",
  in: ["c", weight],
  out: "k",
  ...(attrs && { attrs }),
});
const w3 = { w3: [8, 8, 3, 3] };

describe("Conv padding and geometry", () => {
  test("auto_pad SAME_UPPER and SAME_LOWER give ⌈H/s⌉; VALID is taken only on a 1×1 kernel", () => {
    for (const autoPad of ["SAME_UPPER", "SAME_LOWER"])
      expect(net([conv({ auto_pad: { s: autoPad }, strides: { ints: [2, 2] } })], w3).ops[1]).toMatchObject({
        kind: "conv",
        stride: 2,
      });
    expect(net([conv({ auto_pad: { s: "VALID" } }, "w1")], { w1: [8, 8, 1, 1] }).ops[1]!.kind).toBe(
      "pointwise",
    );
    expect(refusal([conv({ auto_pad: { s: "VALID" } })], w3)).toMatch(
      /padding VALID with a 3×3 kernel at stride 1 on 32×32 does not give ⌈H\/s⌉×⌈W\/s⌉/,
    );
  });

  test("a rectangular kernel, unequal strides and a 1-d weight are refused", () => {
    expect(refusal([conv(same, "w13")], { w13: [8, 8, 1, 3] })).toMatch(/a 1×3 kernel; only square kernels/);
    expect(refusal([conv({ ...same, strides: { ints: [1, 2] } })], w3)).toMatch(
      /strides \[1, 2\]; only equal strides/,
    );
    expect(refusal([conv(same, "w1d")], { w1d: [8, 8, 3] })).toMatch(/a 3-d weight; only 2-d convolutions/);
  });

  test("dilation is refused; a weight that does not fit the input's channels is refused", () => {
    expect(refusal([conv({ ...same, dilations: { ints: [2, 2] } })], w3)).toMatch(/dilated convolution/);
    expect(refusal([conv(same, "w5")], { w5: [8, 5, 3, 3] })).toMatch(
      /weight 8×5×3×3 with 1 groups does not fit 8 input channels/,
    );
  });
});

describe("linear layers", () => {
  const flatten: NodeSketch = { op: "Flatten", in: ["c"], out: "f" };

  test("Gemm reads its weight as K×N, or N×K with transB; a transposed input or a 3-d weight is refused", () => {
    const plain = net([flatten, { op: "Gemm", in: ["f", "g"], out: "y" }], { g: [8192, 10] });
    expect(plain.ops[1]).toMatchObject({ kind: "fc", out: 10, bias: false });
    const transposed = net(
      [flatten, { op: "Gemm", in: ["f", "g", "b"], out: "y", attrs: { transB: { i: 1 } } }],
      {
        g: [10, 8192],
        b: [10],
      },
    );
    expect(transposed.ops[1]).toMatchObject({ kind: "fc", out: 10, bias: true });
    expect(
      refusal([flatten, { op: "Gemm", in: ["f", "g"], out: "y", attrs: { transA: { i: 1 } } }], {
        g: [8192, 10],
      }),
    ).toMatch(/a transposed input \(transA\) is not a linear layer/);
    expect(refusal([flatten, { op: "Gemm", in: ["f", "g"], out: "y" }], { g: [2, 8192, 10] })).toMatch(
      /a 3-d weight; a linear layer's is 2-d/,
    );
    expect(refusal([flatten, { op: "Gemm", in: ["f", "g"], out: "y" }], { g: [100, 10] })).toMatch(
      /a 100-input weight on a feature map of 8192 elements/,
    );
  });

  test("MatMul with a 3-d constant is left unmapped (listed)", () => {
    expect(unsupported([flatten, { op: "MatMul", in: ["f", "m"], out: "y" }], { m: [1, 8192, 10] })).toEqual([
      "MatMul (with a 3-d weight)",
    ]);
  });
});

describe("activations", () => {
  test("Clip's bounds as attributes (before opset 11) or inputs: (0, 6) is ReLU6, (0, none) and (0, ∞) ReLU", () => {
    const clip = (attrs: NodeSketch["attrs"], inputs: string[] = ["c"]): NodeSketch => ({
      op: "Clip",
      in: inputs,
      out: "r",
      ...(attrs && { attrs }),
    });
    expect(net([clip({ min: { f: 0 }, max: { f: 6 } })]).ops[0]!.act).toBe("relu6");
    expect(net([clip({ min: { f: 0 } })]).ops[0]!.act).toBe("relu");
    expect(
      net([clip(undefined, ["c", "lo", "hi"])], {
        lo: { dims: [], values: [0] },
        hi: { dims: [], values: [Infinity] },
      }).ops[0]!.act,
    ).toBe("relu");
    expect(unsupported([clip({ min: { f: -1 }, max: { f: 1 } })])).toEqual(["Clip (bounds -1, 1)"]);
    expect(unsupported([clip({ min: { f: 0 }, max: { f: 4 } })])).toEqual(["Clip (bounds 0, 4)"]);
  });

  test("an activation whose input another node also reads does not fold: it is listed", () => {
    const r = unsupported([
      { op: "Relu", in: ["c"], out: "r" },
      { op: "Add", in: ["c", "r"], out: "s" },
    ]);
    expect(r).toEqual(["Relu (not right after an op whose output only it reads)"]);
  });

  test("a Sigmoid whose Mul reads another tensor is not SiLU: it folds as a sigmoid, and a map × map Mul is listed", () => {
    const mapped = net(
      [
        { op: "Conv", in: ["c", "w1"], out: "g" },
        { op: "Sigmoid", in: ["g"], out: "s" },
        { op: "Mul", in: ["c", "s"], out: "y" },
      ],
      { w1: [8, 8, 1, 1] },
      true,
    );
    expect(mapped.ops.map((o) => [o.kind, o.act])).toEqual([
      ["conv", "none"],
      ["pointwise", "sigmoid"],
    ]);
    expect([...mapped.unsupported.keys()]).toEqual(["Mul (of two feature maps, not a channel scale)"]);
  });

  test("a Div that does not start the GELU pattern is an unmapped division", () => {
    expect(
      unsupported([{ op: "Div", in: ["c", "two"], out: "d" }], { two: { dims: [], values: [2] } }),
    ).toEqual(["Div"]);
  });
});

describe("element-wise merges and pools", () => {
  test("Add of maps of different shapes is refused; a per-channel constant Mul is a LayerScale (either operand order)", () => {
    expect(
      refusal(
        [
          { op: "Conv", in: ["c", "w2"], out: "d", attrs: { ...same, strides: { ints: [2, 2] } } },
          { op: "Add", in: ["c", "d"], out: "s" },
        ],
        { w2: [8, 8, 3, 3] },
      ),
    ).toMatch(/operands of 32×32×8 and 16×16×8; residual adds take equal shapes/);
    for (const order of [
      ["c", "gamma"],
      ["gamma", "c"],
    ])
      expect(net([{ op: "Mul", in: order, out: "y" }], { gamma: [8, 1, 1] }).ops[1]!.kind).toBe("layerscale");
  });

  test("ReduceMean: axes as an attribute or an input; not over H and W, it is listed", () => {
    const mean = (attrs: NodeSketch["attrs"], inputs = ["c"]): NodeSketch => ({
      op: "ReduceMean",
      in: inputs,
      out: "m",
      ...(attrs && { attrs }),
    });
    expect(net([mean({ axes: { ints: [2, 3] } })]).ops[1]).toMatchObject({
      kind: "avgpool",
      functional: "mean",
    });
    expect(net([mean(undefined, ["c", "ax"])], { ax: { dims: [2], values: [-2, -1] } }).ops[1]!.kind).toBe(
      "avgpool",
    );
    expect(unsupported([mean({ axes: { ints: [1] } })])).toEqual(["ReduceMean (not over height and width)"]);
  });

  test("AveragePool: a square window at stride = window; otherwise listed; a window past the map refused", () => {
    const pool = (k: number, s: number, extra = {}): NodeSketch => ({
      op: "AveragePool",
      in: ["c"],
      out: "p",
      attrs: { kernel_shape: { ints: [k, k] }, strides: { ints: [s, s] }, ...extra },
    });
    expect(net([pool(2, 2)]).ops[1]).toMatchObject({ kind: "avgpool", kernel: 2, stride: 2 });
    expect(unsupported([pool(3, 1)])).toEqual([
      "AveragePool (not a square window with stride = window and no padding)",
    ]);
    expect(unsupported([pool(2, 2, { pads: { ints: [1, 1, 1, 1] } })])).toHaveLength(1);
    expect(refusal([pool(64, 64)])).toMatch(/a 64×64 window on a 32×32 map/);
  });

  test("MaxPool: a window past the padded map is refused; unequal windows are listed", () => {
    const pool = (k: number[], s: number[]): NodeSketch => ({
      op: "MaxPool",
      in: ["c"],
      out: "p",
      attrs: { kernel_shape: { ints: k }, strides: { ints: s } },
    });
    expect(refusal([pool([40, 40], [1, 1])])).toMatch(/a 40×40 window on a 32×32 map/);
    expect(unsupported([pool([3, 2], [1, 1])])).toEqual([
      "MaxPool (not a square window at equal strides with explicit padding)",
    ]);
  });

  test("Concat on an axis other than channels is listed", () => {
    expect(
      unsupported(
        [
          { op: "Conv", in: ["c", "w1"], out: "d" },
          { op: "Concat", in: ["c", "d"], out: "k", attrs: { axis: { i: 2 } } },
        ],
        { w1: [8, 8, 1, 1] },
      ),
    ).toEqual(["Concat (not of feature maps of one size on channels)"]);
  });
});

describe("the exporters' shape arithmetic and constants", () => {
  test("Shape → Gather → Unsqueeze → Concat → Reshape to [N, -1] is a flatten before a Gemm", () => {
    const ops = net(
      [
        { op: "Shape", in: ["c"], out: "shape" },
        { op: "Constant", in: [], out: "zero", attrs: { value_int: { i: 0 } } },
        { op: "Gather", in: ["shape", "zero"], out: "n" },
        { op: "Unsqueeze", in: ["n", "axis0"], out: "n1" },
        { op: "Constant", in: [], out: "minus", attrs: { value_ints: { ints: [-1] } } },
        { op: "Concat", in: ["n1", "minus"], out: "target", attrs: { axis: { i: 0 } } },
        { op: "Cast", in: ["target"], out: "target64" },
        { op: "Reshape", in: ["c", "target64"], out: "f" },
        { op: "Gemm", in: ["f", "g"], out: "y" },
      ],
      { axis0: { dims: [1], values: [0] }, g: [8192, 10] },
    ).ops;
    expect(ops.map((o) => o.kind)).toEqual(["conv", "fc"]);
  });

  test("a Constant's value_float; a Reshape of a constant passes it through; a Reshape to other elements is listed", () => {
    const ops = net([
      { op: "Constant", in: [], out: "six", attrs: { value_float: { f: 6 } } },
      { op: "Constant", in: [], out: "zero", attrs: { value: { t: { dims: [], values: [0] } } } },
      { op: "Clip", in: ["c", "zero", "six"], out: "r" },
    ]).ops;
    expect(ops[0]!.act).toBe("relu6");
    expect(
      unsupported([{ op: "Reshape", in: ["c", "to"], out: "x" }], { to: { dims: [2], values: [1, 7] } }),
    ).toEqual(["Reshape (to a shape of other elements, or not constant)"]);
    expect(
      unsupported([{ op: "Gather", in: ["c", "i"], out: "x" }], { i: { dims: [1], values: [0] } }),
    ).toEqual(["Gather (of a feature map)"]);
  });
});
