/**
 * How ONNX nodes map onto layer kinds, on small hand-made graphs: each
 * operator type's handler (src/model/onnx/node-handlers.ts), the patterns the
 * exporters write (x·sigmoid(x), Clip(0, 6), MatMul + Add), and the refusals.
 */
import { describe, expect, test } from "vitest";
import { InputError } from "../../src/errors.js";
import { layerKinds } from "../../src/layers/registry.js";
import { graphToNetwork } from "../../src/model/onnx/to-ops.js";
import type { OnnxAttribute } from "../../src/model/onnx/graph.js";
import { type GraphSketch, sketchGraph } from "../helpers/onnx.js";

const map = (s: GraphSketch, allowUnknown = false) => graphToNetwork(sketchGraph(s), { allowUnknown });
const same = { pads: { ints: [1, 1, 1, 1] } };

/** input 3×32×32 → 3×3 conv to 8 channels (stride 1): the start most sketches share. */
const stem = {
  constants: { w: [8, 3, 3, 3] },
  conv: { op: "Conv", in: ["input", "w"], out: "c", attrs: same },
};

describe("ONNX nodes → layer kinds", () => {
  test("Conv by groups: standard, pointwise, depthwise, grouped", () => {
    const net = map({
      constants: { ...stem.constants, pw: [16, 8, 1, 1], dw: [16, 1, 3, 3], g: [32, 4, 3, 3] },
      nodes: [
        stem.conv,
        { op: "Conv", in: ["c", "pw"], out: "p" },
        {
          op: "Conv",
          in: ["p", "dw"],
          out: "d",
          attrs: { ...same, group: { i: 16 }, strides: { ints: [2, 2] } },
        },
        { op: "Conv", in: ["d", "g"], out: "e", attrs: { ...same, group: { i: 4 } } },
      ],
    });
    expect(net.ops.map((o) => o.kind)).toEqual(["conv", "pointwise", "depthwise", "gconv"]);
    expect(net.ops[2]).toMatchObject({ kernel: 3, stride: 2, groups: 16 });
    expect(net.ops[3]).toMatchObject({ out: 32, groups: 4 });
  });

  test("a PyTorch Conv whose weight is named onnx::Conv_* holds a folded BatchNorm; elsewhere a bias is a bias", () => {
    const sketch = (producer: string): GraphSketch => ({
      producer,
      constants: { "onnx::Conv_7": [8, 3, 3, 3], "onnx::Conv_8": [8] },
      nodes: [{ op: "Conv", in: ["input", "onnx::Conv_7", "onnx::Conv_8"], out: "c", attrs: same }],
    });
    expect(map(sketch("pytorch 2.1")).ops[0]).toMatchObject({ bn: true, bias: false });
    expect(map(sketch("tf2onnx 1.16")).ops[0]).toMatchObject({ bn: false, bias: true });
    expect(map(sketch("tf2onnx 1.16")).notes.join("\n")).toMatch(
      /not a PyTorch export: conv biases count as biases/,
    );
    // --folded-bn all and none say otherwise, and the notes say so
    const all = graphToNetwork(sketchGraph(sketch("tf2onnx 1.16")), { foldedNorms: "all" });
    const none = graphToNetwork(sketchGraph(sketch("pytorch 2.1")), { foldedNorms: "none" });
    expect([all.ops[0], none.ops[0]]).toMatchObject([
      { bn: true, bias: false },
      { bn: false, bias: true },
    ]);
    expect(all.notes.join("\n")).toMatch(
      /1 convs hold a folded BatchNorm \(--folded-bn all: every conv with a bias\)/,
    );
    expect(none.notes.join("\n")).toMatch(/--folded-bn none: conv biases count as biases/);
  });

  test("activations fold into the op that writes their input: Relu, Clip(0, 6), HardSwish, Gelu", () => {
    const acts = [
      [{ op: "Relu", in: ["c"], out: "a" }, "relu"],
      [{ op: "Clip", in: ["c", "lo", "hi"], out: "a" }, "relu6"],
      [{ op: "Clip", in: ["c", "lo", ""], out: "a" }, "relu"],
      [{ op: "HardSwish", in: ["c"], out: "a" }, "hswish"],
      [{ op: "Gelu", in: ["c"], out: "a" }, "gelu"],
    ] as const;
    for (const [node, act] of acts) {
      const net = map({
        constants: { ...stem.constants, lo: { dims: [], values: [0] }, hi: { dims: [], values: [6] } },
        nodes: [stem.conv, node],
      });
      expect(net.ops.map((o) => [o.kind, o.act])).toEqual([["conv", act]]);
    }
  });

  test("x·sigmoid(x) is SiLU and x·hard_sigmoid(x) h-swish; a sigmoid scaling another tensor is a gate", () => {
    for (const [gate, act] of [
      ["Sigmoid", "silu"],
      ["HardSigmoid", "hswish"],
    ] as const) {
      const net = map({
        constants: stem.constants,
        nodes: [stem.conv, { op: gate, in: ["c"], out: "s" }, { op: "Mul", in: ["c", "s"], out: "y" }],
      });
      expect(net.ops.map((o) => [o.kind, o.act])).toEqual([["conv", act]]);
    }
  });

  test("squeeze-and-excite: pool → 1×1 → act → 1×1 → gate, scaling the pool's input, is typed se", () => {
    const net = map({
      constants: { ...stem.constants, f1: [4, 8, 1, 1], b1: [4], f2: [8, 4, 1, 1], b2: [8] },
      nodes: [
        stem.conv,
        { op: "Relu", in: ["c"], out: "x" },
        {
          op: "GlobalAveragePool",
          in: ["x"],
          out: "p",
          name: "/features/features.1/avgpool/GlobalAveragePool",
        },
        { op: "Conv", in: ["p", "f1", "b1"], out: "q" },
        { op: "Relu", in: ["q"], out: "r" },
        { op: "Conv", in: ["r", "f2", "b2"], out: "g" },
        { op: "HardSigmoid", in: ["g"], out: "h" },
        { op: "Mul", in: ["x", "h"], out: "y" },
      ],
    });
    expect(net.ops.map((o) => `${o.kind}:${o.type ?? ""}:${o.act}`)).toEqual([
      "conv::relu",
      "avgpool:se:none",
      "pointwise:se:relu",
      "pointwise:se:hsigmoid",
      "scale:se:none",
    ]);
    // the pool saved the map it reads; the scale reads it back and multiplies by the gate
    expect(net.ops[0]!.saveOutputAs).toBe("c");
    expect(net.ops[4]).toMatchObject({ inputFrom: "c", reads: "g" });
  });

  test("on a 1×1 map the squeeze-excite scale is still a scale: the gate is the operand a sigmoid wrote", () => {
    const net = map({
      input: [1, 3, 1, 1],
      constants: { ...stem.constants, f1: [4, 8, 1, 1], f2: [8, 4, 1, 1] },
      nodes: [
        stem.conv,
        { op: "GlobalAveragePool", in: ["c"], out: "p" },
        { op: "Conv", in: ["p", "f1"], out: "q" },
        { op: "Conv", in: ["q", "f2"], out: "g" },
        { op: "Sigmoid", in: ["g"], out: "h" },
        { op: "Mul", in: ["h", "c"], out: "y" },
      ],
    });
    expect(net.ops.at(-1)).toMatchObject({ kind: "scale", type: "se", inputFrom: "c", reads: "g" });
  });

  test("a residual Add reads the block's input by name", () => {
    const net = map({
      constants: { ...stem.constants, pw: [8, 8, 1, 1] },
      nodes: [stem.conv, { op: "Conv", in: ["c", "pw"], out: "p" }, { op: "Add", in: ["c", "p"], out: "y" }],
    });
    expect(net.ops.map((o) => o.kind)).toEqual(["conv", "pointwise", "add"]);
    expect(net.ops[0]!.saveOutputAs).toBe("c");
    expect(net.ops[2]).toMatchObject({ reads: "c" });
    expect(net.ops[2]!.inputFrom).toBeUndefined();
  });

  test("classifier heads: Gemm (transB), MatMul + Add, Flatten and Reshape pass through", () => {
    const head = (nodes: GraphSketch["nodes"]) =>
      map({
        constants: {
          ...stem.constants,
          W: [10, 8],
          V: [8, 10],
          B: [10],
          shape: { dims: [2], values: [1, -1] },
        },
        nodes: [stem.conv, { op: "GlobalAveragePool", in: ["c"], out: "p" }, ...nodes],
      }).ops.slice(2);
    expect(
      head([
        { op: "Flatten", in: ["p"], out: "f" },
        { op: "Gemm", in: ["f", "W", "B"], out: "y", attrs: { transB: { i: 1 } } },
      ]),
    ).toMatchObject([{ kind: "fc", out: 10, bias: true }]);
    expect(
      head([
        { op: "Reshape", in: ["p", "shape"], out: "f" },
        { op: "MatMul", in: ["f", "V"], out: "m" },
        { op: "Add", in: ["m", "B"], out: "y" },
      ]),
    ).toMatchObject([{ kind: "fc", out: 10, bias: true }]);
  });

  test("ReduceMean over H and W is a global pool called as x.mean (no peer counter counts it)", () => {
    const net = map({
      constants: stem.constants,
      nodes: [
        stem.conv,
        { op: "ReduceMean", in: ["c"], out: "m", attrs: { axes: { ints: [2, 3] }, keepdims: { i: 0 } } },
      ],
    });
    expect(net.ops[1]).toMatchObject({ kind: "avgpool", kernel: 0, functional: "mean" });
  });

  test("a pool at a module's root scope is functional (F.adaptive_avg_pool2d); in a scope of its own, a module", () => {
    const pool = (name: string) =>
      map({
        constants: stem.constants,
        nodes: [stem.conv, { op: "GlobalAveragePool", in: ["c"], out: "p", name }],
      }).ops[1]!;
    expect(pool("/GlobalAveragePool").functional).toBe(true);
    expect(pool("/avgpool/GlobalAveragePool").functional).toBeUndefined();
  });

  test("padding other than 'same' and transposed convolutions are refused, naming the node", () => {
    const valid = {
      constants: stem.constants,
      nodes: [{ ...stem.conv, name: "/stem/Conv", attrs: { pads: { ints: [0, 0, 0, 0] } } }],
    };
    expect(() => map(valid)).toThrow(
      "Conv '/stem/Conv': padding [0, 0, 0, 0] with a 3×3 kernel at stride 1 on 32×32 does not give ⌈H/s⌉×⌈W/s⌉ ('same' padding)",
    );
    // TensorFlow's SAME at stride 2 on an even side: one pad, after
    const tf = {
      constants: stem.constants,
      nodes: [{ ...stem.conv, attrs: { pads: { ints: [0, 0, 1, 1] }, strides: { ints: [2, 2] } } }],
    };
    expect(map(tf).ops[0]).toMatchObject({ kind: "conv", stride: 2 });
    const transposed = {
      constants: stem.constants,
      nodes: [{ op: "ConvTranspose", in: ["input", "w"], out: "t", name: "up" }],
    };
    expect(() => map(transposed)).toThrow(/ConvTranspose 'up': transposed convolution is not counted/);
  });

  test("unsupported operators are refused with each type and count; --allow-unknown counts them as zero and lists them", () => {
    const sketch: GraphSketch = {
      constants: { ...stem.constants, pw: [4, 8, 1, 1] },
      nodes: [
        stem.conv,
        { op: "LpPool", in: ["c"], out: "m1" },
        { op: "LpPool", in: ["m1"], out: "m2" },
        { op: "Erf", in: ["m2"], out: "e" },
        { op: "Conv", in: ["e", "pw"], out: "p" },
      ],
    };
    expect(() => map(sketch)).toThrow(InputError);
    expect(() => map(sketch)).toThrow(/unsupported ONNX operators: LpPool ×2, Erf ×1; --allow-unknown/);
    const net = map(sketch, true);
    expect(net.ops.map((o) => o.kind)).toEqual(["conv", "pointwise"]);
    // a shape the assumption breaks: the error says what was assumed
    const strided: GraphSketch = {
      constants: { ...stem.constants, fc: [10, 8 * 16 * 16] },
      nodes: [
        stem.conv,
        { op: "LpPool", in: ["c"], out: "m", attrs: { strides: { ints: [2, 2] } } },
        { op: "Flatten", in: ["m"], out: "f" },
        { op: "Gemm", in: ["f", "fc"], out: "y", name: "head", attrs: { transB: { i: 1 } } },
      ],
    };
    expect(() => map(strided, true)).toThrow(
      "Gemm 'head': a 2048-input weight on a feature map of 8192 elements (after LpPool ×1, counted as zero and assumed to keep their input's shape)",
    );
    expect(net.notes.join("\n")).toMatch(
      /counted as zero and assumed to keep their input's shape: LpPool ×2, Erf ×1/,
    );
  });

  test("the refusal lists every unsupported type in the file, also past nodes that their assumed shapes break", () => {
    const sketch: GraphSketch = {
      constants: { ...stem.constants, fc: [10, 8 * 16 * 16] },
      nodes: [
        stem.conv,
        { op: "LpPool", in: ["c"], out: "m" },
        { op: "Flatten", in: ["m"], out: "f" },
        { op: "Gemm", in: ["f", "fc"], out: "y", attrs: { transB: { i: 1 } } },
        { op: "Resize", in: ["y"], out: "r" },
      ],
    };
    expect(() => map(sketch)).toThrow("unsupported ONNX operators: LpPool ×1, Resize ×1; --allow-unknown");
  });

  test("a graph without an image input, or with nothing to count, is refused", () => {
    expect(() => map({ input: [1, 10], nodes: [{ op: "Relu", in: ["input"], out: "r" }] })).toThrow(
      /no image input/,
    );
    expect(() => map({ nodes: [{ op: "Identity", in: ["input"], out: "r" }] })).toThrow(/nothing to count/);
  });

  test("GELU as exporters before opset 20 write it (x · (erf(x / √2) + 1) · 0.5) folds into the op before it", () => {
    const net = map({
      constants: {
        ...stem.constants,
        r2: { dims: [], values: [Math.SQRT2] },
        one: { dims: [], values: [1] },
        half: { dims: [], values: [0.5] },
      },
      nodes: [
        stem.conv,
        { op: "Div", in: ["c", "r2"], out: "d" },
        { op: "Erf", in: ["d"], out: "e" },
        { op: "Add", in: ["e", "one"], out: "a" },
        { op: "Mul", in: ["c", "a"], out: "m" },
        { op: "Mul", in: ["m", "half"], out: "y" },
      ],
    });
    expect(net.ops.map((o) => [o.kind, o.act])).toEqual([["conv", "gelu"]]);
  });

  test("multi-query attention: Q·Kᵀ, Softmax and ·V over reshaped 1×1 projections become one attention op", () => {
    // 8×8 map of 16 channels; 2 heads of d = 4; keys and values downsampled by a stride-2 depthwise conv
    const c = (values: number[]) => ({ dims: [values.length], values });
    const net = map({
      input: [1, 16, 8, 8],
      constants: {
        wq: [8, 16, 1, 1],
        wdk: [16, 1, 3, 3],
        wk: [4, 16, 1, 1],
        wdv: [16, 1, 3, 3],
        wv: [4, 16, 1, 1],
        wo: [16, 8, 1, 1],
        q4: c([1, 2, 4, -1]),
        kv3: c([1, 4, -1]),
        back: c([1, 8, 8, 8]),
        axis1: c([1]),
        scale: { dims: [], values: [0.5] },
      },
      nodes: [
        { op: "Conv", in: ["input", "wq"], out: "q" },
        { op: "Reshape", in: ["q", "q4"], out: "q1" }, // 1×2×4×64
        { op: "Transpose", in: ["q1"], out: "q2", attrs: { perm: { ints: [0, 1, 3, 2] } } }, // 1×2×64×4
        {
          op: "Conv",
          in: ["input", "wdk"],
          out: "kd",
          attrs: { ...same, group: { i: 16 }, strides: { ints: [2, 2] } },
        },
        { op: "Conv", in: ["kd", "wk"], out: "k" }, // 4×4×4
        { op: "Reshape", in: ["k", "kv3"], out: "k1" }, // 1×4×16
        { op: "Transpose", in: ["k1"], out: "k2", attrs: { perm: { ints: [0, 2, 1] } } }, // 1×16×4
        { op: "Unsqueeze", in: ["k2", "axis1"], out: "k3" }, // 1×1×16×4
        {
          op: "Conv",
          in: ["input", "wdv"],
          out: "vd",
          attrs: { ...same, group: { i: 16 }, strides: { ints: [2, 2] } },
        },
        { op: "Conv", in: ["vd", "wv"], out: "v" },
        { op: "Reshape", in: ["v", "kv3"], out: "v1" },
        { op: "Transpose", in: ["v1"], out: "v2", attrs: { perm: { ints: [0, 2, 1] } } },
        { op: "Unsqueeze", in: ["v2", "axis1"], out: "v3" }, // 1×1×16×4
        { op: "Mul", in: ["q2", "scale"], out: "qs" },
        { op: "Transpose", in: ["k3"], out: "kt", attrs: { perm: { ints: [0, 1, 3, 2] } } }, // 1×1×4×16
        { op: "MatMul", in: ["qs", "kt"], out: "s" }, // 1×2×64×16
        { op: "Softmax", in: ["s"], out: "p", attrs: { axis: { i: -1 } } },
        { op: "MatMul", in: ["p", "v3"], out: "o", name: "/attn/MatMul_1" }, // 1×2×64×4
        { op: "Transpose", in: ["o"], out: "o1", attrs: { perm: { ints: [0, 2, 1, 3] } } }, // 1×64×2×4
        { op: "Reshape", in: ["o1", "back"], out: "o2" }, // 1×8×8×8
        { op: "Transpose", in: ["o2"], out: "o3", attrs: { perm: { ints: [0, 3, 1, 2] } } }, // 1×8×8×8 as N×C×H×W
        { op: "Conv", in: ["o3", "wo"], out: "y" },
      ],
    });
    expect(net.ops.map((o) => o.kind)).toEqual([
      "pointwise",
      "depthwise",
      "pointwise",
      "depthwise",
      "pointwise",
      "attention",
      "pointwise",
    ]);
    expect(net.ops[5]).toMatchObject({
      name: "/attn/MatMul_1",
      heads: 2,
      keyDim: 4,
      kvStride: 2,
      inputFrom: "q",
    });
  });

  test("attention with a key per head (multi-head, not multi-query) is refused rather than miscounted", () => {
    // 2 heads of d = 4, keys of 8 channels: scores 1×2×64×64 from Q 1×2×64×4 and K 1×2×4×64
    const c = (values: number[]) => ({ dims: [values.length], values });
    const heads = (from: string, to: string) => [
      { op: "Reshape", in: [from, "q4"], out: `${to}1` },
      { op: "Transpose", in: [`${to}1`], out: to, attrs: { perm: { ints: [0, 1, 3, 2] } } },
    ];
    const sketch: GraphSketch = {
      input: [1, 16, 8, 8],
      constants: { wq: [8, 16, 1, 1], wk: [8, 16, 1, 1], wv: [8, 16, 1, 1], q4: c([1, 2, 4, -1]) },
      nodes: [
        { op: "Conv", in: ["input", "wq"], out: "q" },
        ...heads("q", "qh"),
        { op: "Conv", in: ["input", "wk"], out: "k" },
        { op: "Reshape", in: ["k", "q4"], out: "kh" }, // 1×2×4×64
        { op: "Conv", in: ["input", "wv"], out: "v" },
        ...heads("v", "vh"),
        { op: "MatMul", in: ["qh", "kh"], out: "s" },
        { op: "Softmax", in: ["s"], out: "p" },
        { op: "MatMul", in: ["p", "vh"], out: "o", name: "mha" },
      ],
    };
    expect(() => map(sketch)).toThrow(
      /MatMul 'mha': queries 8×8×8, keys 8×8×8, values 8×8×8 are not multi-query attention/,
    );
  });

  test("a conv reading tokens laid out otherwise than N×C×H×W is refused, naming the layouts", () => {
    const sketch: GraphSketch = {
      constants: { ...stem.constants, pw: [4, 8, 1, 1] },
      nodes: [
        stem.conv,
        { op: "Transpose", in: ["c"], out: "t", attrs: { perm: { ints: [0, 2, 3, 1] } } },
        { op: "Conv", in: ["t", "pw"], out: "p", name: "after" },
      ],
    };
    expect(() => map(sketch)).toThrow(
      /Conv 'after': input 1 is a 1×32×32×8 view of a 1×8×32×32 map, not a map/,
    );
  });

  test("MaxPool: ⌊(H + pad − k) / s⌋ + 1, or ⌈…⌉ with ceil_mode; a pool at the root scope is functional", () => {
    const pool = (attrs: Readonly<Record<string, OnnxAttribute>>, name = "/pool/MaxPool") =>
      map({
        input: [1, 3, 225, 225],
        constants: stem.constants,
        nodes: [stem.conv, { op: "MaxPool", in: ["c"], out: "m", attrs, name }],
      });
    const floor = pool({ kernel_shape: { ints: [2, 2] }, strides: { ints: [2, 2] } });
    const ceil = pool({ kernel_shape: { ints: [2, 2] }, strides: { ints: [2, 2] }, ceil_mode: { i: 1 } });
    const padded = pool(
      { kernel_shape: { ints: [3, 3] }, strides: { ints: [2, 2] }, pads: { ints: [1, 1, 1, 1] } },
      "/MaxPool",
    );
    expect(floor.ops[1]).toMatchObject({ kind: "maxpool", kernel: 2, stride: 2, pad: 0, ceil: false });
    expect(ceil.ops[1]).toMatchObject({ ceil: true });
    expect(padded.ops[1]).toMatchObject({ pad: 2, functional: true });
    const sides = (net: typeof floor) => {
      const op = net.ops[1]!;
      return op.kind === "maxpool" ? layerKinds.maxpool.outputShape(op, [225, 225, 8]) : undefined;
    };
    expect([sides(floor), sides(ceil), sides(padded)]).toEqual([
      [112, 112, 8],
      [113, 113, 8],
      [113, 113, 8],
    ]);
  });

  test("Concat of three maps on channels: two concat ops, each appending one saved map", () => {
    const net = map({
      constants: { ...stem.constants, a: [4, 8, 1, 1], b: [2, 8, 1, 1] },
      nodes: [
        stem.conv,
        { op: "Conv", in: ["c", "a"], out: "x" },
        { op: "Conv", in: ["c", "b"], out: "y" },
        { op: "Concat", in: ["c", "x", "y"], out: "z", name: "join", attrs: { axis: { i: 1 } } },
      ],
    });
    expect(net.ops.slice(3).map((o) => [o.kind, o.name, o.kind === "concat" && o.channels, o.reads])).toEqual(
      [
        ["concat", "join#1", 4, "x"],
        ["concat", "join", 2, "y"],
      ],
    );
    expect(net.ops[3]!.inputFrom).toBe("c");
  });

  test("Squeeze then Unsqueeze (axes as an input, negative) give the map back in its own layout", () => {
    const net = map({
      constants: { ...stem.constants, pw: [4, 8, 1, 1], spatial: { dims: [2], values: [-2, -1] } },
      nodes: [
        stem.conv,
        { op: "GlobalAveragePool", in: ["c"], out: "p" },
        { op: "Squeeze", in: ["p", "spatial"], out: "s" }, // 1×8
        { op: "Unsqueeze", in: ["s", "spatial"], out: "u" }, // 1×8×1×1
        { op: "Conv", in: ["u", "pw"], out: "y" },
      ],
    });
    expect(net.ops.map((o) => o.kind)).toEqual(["conv", "avgpool", "pointwise"]);
  });
});
