/**
 * ONNX nodes lowered onto the engine's kinds: attributes read with the operator's defaults at the file's
 * opset (onnx/onnx docs/Changelog.md), inputs put in the kind's positions; an operator not lowered is
 * refused by name.
 */
import { describe, expect, test } from "vitest";
import { costGraph } from "../../src/evaluate/graph-cost.js";
import { measureGraph } from "../../src/graph/cost.js";
import { inferTensors } from "../../src/graph/infer.js";
import { resolveConvention } from "../../src/model/conventions.js";
import type { OnnxAttribute, OnnxGraph, OnnxNode } from "../../src/model/onnx/graph.js";
import { lowerGraph, lowerNode } from "../../src/model/onnx/lower.js";
import { refusalOf } from "../helpers/refusal.js";

const node = (
  opType: string,
  inputs: string[],
  attributes: Record<string, OnnxAttribute> = {},
  outputs = ["y"],
): OnnxNode => ({
  name: `${opType.toLowerCase()}_0`,
  opType,
  domain: "",
  inputs,
  outputs,
  attributes,
});

function graphOf(
  opset: number,
  nodes: OnnxNode[],
  constants: Record<string, { dims: number[]; values?: number[]; dataType?: number }> = {},
  inputDims: (number | string)[] = [1, 3, 8, 8],
): OnnxGraph {
  return {
    producer: "test",
    opset,
    irVersion: 8,
    inputs: [{ name: "x", dims: inputDims, elemType: 1 }],
    initializers: new Map(Object.entries(constants)),
    nodes,
  };
}

const dimsOf = (g: OnnxGraph, name = "y") => inferTensors(lowerGraph(g)).get(name)?.dims;

describe("defaults that changed with the opset", () => {
  test("Softmax's axis: 1 before opset 13 (the input flattened to 2-d), −1 from 13", () => {
    expect(lowerNode(node("Softmax", ["x"]), 11)).toMatchObject({ kind: "softmax", attrs: { axis: 1 } });
    expect(lowerNode(node("Softmax", ["x"]), 13)).toMatchObject({ kind: "softmax", attrs: { axis: -1 } });
  });
  test("Split: sizes as an attribute before opset 13, as input 2 from 13", () => {
    const before = graphOf(11, [
      node("Split", ["x"], { axis: { i: 1 }, split: { ints: [1, 2] } }, ["a", "b"]),
    ]);
    expect(dimsOf(before, "b")).toEqual([1, 2, 8, 8]);
    const after = graphOf(13, [node("Split", ["x", "s"], { axis: { i: 1 } }, ["a", "b"])], {
      s: { dims: [2], values: [2, 1], dataType: 7 },
    });
    expect(dimsOf(after, "a")).toEqual([1, 2, 8, 8]);
  });
  test("Squeeze and Unsqueeze: axes as an attribute before opset 13, as input 2 from 13", () => {
    expect(dimsOf(graphOf(11, [node("Unsqueeze", ["x"], { axes: { ints: [0] } })]))).toEqual([1, 1, 3, 8, 8]);
    expect(
      dimsOf(graphOf(13, [node("Unsqueeze", ["x", "a"])], { a: { dims: [1], values: [-1], dataType: 7 } })),
    ).toEqual([1, 3, 8, 8, 1]);
  });
  test("ReduceMean: axes as an attribute before opset 18, as input 2 from 18; ReduceSum from 13", () => {
    expect(
      dimsOf(graphOf(17, [node("ReduceMean", ["x"], { axes: { ints: [2, 3] }, keepdims: { i: 0 } })])),
    ).toEqual([1, 3]);
    expect(
      dimsOf(
        graphOf(18, [node("ReduceMean", ["x", "a"], { keepdims: { i: 0 } })], {
          a: { dims: [2], values: [2, 3], dataType: 7 },
        }),
      ),
    ).toEqual([1, 3]);
    expect(
      dimsOf(graphOf(13, [node("ReduceSum", ["x", "a"])], { a: { dims: [1], values: [1], dataType: 7 } })),
    ).toEqual([1, 1, 8, 8]);
  });
  test("Slice: attributes before opset 10, inputs from 10", () => {
    expect(
      dimsOf(
        graphOf(9, [
          node("Slice", ["x"], { starts: { ints: [1] }, ends: { ints: [3] }, axes: { ints: [1] } }),
        ]),
      ),
    ).toEqual([1, 2, 8, 8]);
    const c = (v: number[]) => ({ dims: [v.length], values: v, dataType: 7 });
    expect(
      dimsOf(graphOf(11, [node("Slice", ["x", "s", "e", "a"])], { s: c([1]), e: c([3]), a: c([1]) })),
    ).toEqual([1, 2, 8, 8]);
  });
  test("Pad: an attribute before opset 11, input 2 from 11", () => {
    expect(dimsOf(graphOf(10, [node("Pad", ["x"], { pads: { ints: [0, 0, 1, 1, 0, 0, 1, 1] } })]))).toEqual([
      1, 3, 10, 10,
    ]);
    expect(
      dimsOf(
        graphOf(11, [node("Pad", ["x", "p"])], {
          p: { dims: [8], values: [0, 0, 2, 2, 0, 0, 2, 2], dataType: 7 },
        }),
      ),
    ).toEqual([1, 3, 12, 12]);
  });
  test("Resize: scales are input 2 at opset 10, input 3 from 11 (after roi), sizes input 4", () => {
    const scales = { dims: [4], values: [1, 1, 2, 2], dataType: 1 };
    expect(dimsOf(graphOf(10, [node("Resize", ["x", "s"])], { s: scales }))).toEqual([1, 3, 16, 16]);
    expect(dimsOf(graphOf(11, [node("Resize", ["x", "", "s"])], { s: scales }))).toEqual([1, 3, 16, 16]);
    expect(
      dimsOf(
        graphOf(13, [node("Resize", ["x", "", "", "z"])], {
          z: { dims: [4], values: [1, 3, 5, 6], dataType: 7 },
        }),
      ),
    ).toEqual([1, 3, 5, 6]);
    expect(dimsOf(graphOf(7, [node("Upsample", ["x"], { scales: { floats: [1, 1, 3, 3] } })]))).toEqual([
      1, 3, 24, 24,
    ]);
  });
});

describe("attributes read", () => {
  test("Mod's fmod (default 0: the divisor's sign)", () => {
    expect(lowerNode(node("Mod", ["a", "b"]), 17).attrs).toEqual({ op: "Mod", fmod: false });
    expect(lowerNode(node("Mod", ["a", "b"], { fmod: { i: 1 } }), 17).attrs).toEqual({
      op: "Mod",
      fmod: true,
    });
  });
});

describe("quantization", () => {
  test("QuantizeLinear writes its zero point's type, uint8 without one; DequantizeLinear float32", () => {
    const g = graphOf(
      13,
      [
        node("QuantizeLinear", ["x", "s", "z"], {}, ["q"]),
        node("QuantizeLinear", ["x", "s"], {}, ["u"]),
        node("DequantizeLinear", ["q", "s", "z"], {}, ["d"]),
      ],
      { s: { dims: [], values: [0.1], dataType: 1 }, z: { dims: [], values: [0], dataType: 3 } },
    );
    const tensors = inferTensors(lowerGraph(g));
    expect([tensors.get("q")?.dtype, tensors.get("u")?.dtype, tensors.get("d")?.dtype]).toEqual([
      "int8",
      "uint8",
      "float32",
    ]);
  });
});

describe("windows read with their defaults", () => {
  test("Conv without strides, pads or dilations, its kernel from the weight", () => {
    const g = graphOf(17, [node("Conv", ["x", "w"])], { w: { dims: [16, 3, 3, 3], dataType: 1 } });
    expect(dimsOf(g)).toEqual([1, 16, 6, 6]);
  });
  test("QLinearConv: data, weight and bias from positions 1, 4 and 9", () => {
    const q = node("QLinearConv", ["x", "xs", "xz", "w", "ws", "wz", "ys", "yz", "b"], {
      pads: { ints: [1, 1, 1, 1] },
    });
    const lowered = lowerNode(q, 13);
    expect(lowered.inputs).toEqual(["x", "w", "b"]);
    expect(lowered.extraInputs).toEqual(["xs", "xz", "ws", "wz", "ys", "yz"]);
  });
  test("an auto_pad the operator does not define is refused by name", () => {
    const g = graphOf(17, [node("Conv", ["x", "w"], { auto_pad: { s: "SAME" } })], {
      w: { dims: [16, 3, 3, 3] },
    });
    expect(refusalOf(() => lowerGraph(g))).toMatch(
      /Conv 'conv_0': auto_pad 'SAME' is not one of NOTSET, SAME_UPPER, SAME_LOWER, VALID/,
    );
  });
  test("a pool without kernel_shape is refused", () => {
    expect(refusalOf(() => lowerGraph(graphOf(17, [node("MaxPool", ["x"])])))).toMatch(
      /MaxPool 'maxpool_0': it has no kernel_shape/,
    );
  });
});

describe("what is not lowered", () => {
  test("an operator of the standard domain that no kind covers, and one of another domain, are refused by name", () => {
    expect(refusalOf(() => lowerGraph(graphOf(17, [node("NonMaxSuppression", ["x"])])))).toMatch(
      /NonMaxSuppression 'nonmaxsuppression_0': the operator NonMaxSuppression is not counted/,
    );
    expect(
      refusalOf(() => lowerGraph(graphOf(17, [{ ...node("Relu", ["x"]), domain: "com.microsoft" }]))),
    ).toMatch(/the operator com\.microsoft\.Relu is not counted/);
    expect(refusalOf(() => lowerGraph(graphOf(17, [node("constructor", ["x"])])))).toMatch(
      /the operator constructor is not counted/,
    );
  });
  test("--allow-unknown: an operator outside the standard domain passes with the output dims the file declares, uncounted", () => {
    const custom = { ...node("FusedConv", ["x"]), domain: "com.microsoft" };
    const g = {
      ...graphOf(17, [custom, node("Relu", ["y"], {}, ["z"])]),
      declared: [{ name: "y", dims: [1, 16, 4, 4] }],
    };
    const lowered = lowerGraph(g, { allowUnknown: true });
    expect(lowered.nodes[0]).toMatchObject({ kind: "declared", op: "FusedConv" });
    expect(inferTensors(lowered).get("z")?.dims).toEqual([1, 16, 4, 4]);
    expect(refusalOf(() => lowerGraph({ ...g, declared: [] }, { allowUnknown: true }))).toMatch(
      /FusedConv 'fusedconv_0': the operator com\.microsoft\.FusedConv is not counted, and the file does not declare the shape of its output 'y'/,
    );
    expect(
      refusalOf(() => lowerGraph(graphOf(17, [node("NonZero", ["x"])]), { allowUnknown: true })),
    ).toMatch(/the operator NonZero is not counted$/);
  });
  test("a dynamic batch is 1; another dynamic dim must be given", () => {
    expect(dimsOf(graphOf(17, [node("Relu", ["x"])], {}, ["N", 3, 8, 8]))).toEqual([1, 3, 8, 8]);
    expect(refusalOf(() => lowerGraph(graphOf(17, [node("Relu", ["x"])], {}, [1, 3, "H", 8])))).toMatch(
      /input 'x': dimension 3 \(H\) is dynamic/,
    );
  });
  test("a node whose kind refuses its inputs is refused, naming the node", () => {
    const g = graphOf(17, [node("Conv", ["x", "w"])], { w: { dims: [16, 4, 3, 3] } });
    expect(refusalOf(() => inferTensors(lowerGraph(g)))).toMatch(
      /Conv 'conv_0': weight 16×4×3×3 in 1 group does not fit 3 input channels/,
    );
  });
});

describe("every lowered operator, on a small graph", () => {
  const c = (dims: number[], values?: number[], dataType = 7) => ({
    dims,
    dataType,
    ...(values && { values }),
  });
  const cases: [
    string,
    OnnxNode,
    Record<string, { dims: number[]; values?: number[]; dataType?: number }>,
    number[],
    number,
  ][] = [
    [
      "Gemm with transA",
      node("Gemm", ["f", "w"], { transA: { i: 1 } }),
      { w: c([24, 5], undefined, 1) },
      [8, 5],
      17,
    ],
    ["ArgMax keeps its axis as 1", node("ArgMax", ["x"], { axis: { i: 1 } }), {}, [1, 1, 8, 8], 17],
    [
      "ArgMin without keepdims",
      node("ArgMin", ["x"], { axis: { i: -1 }, keepdims: { i: 0 } }),
      {},
      [1, 3, 8],
      17,
    ],
    [
      "LayerNormalization",
      node("LayerNormalization", ["x", "s"], { axis: { i: -1 } }),
      { s: c([8], undefined, 1) },
      [1, 3, 8, 8],
      17,
    ],
    [
      "GroupNormalization",
      node("GroupNormalization", ["x", "s", "b"], { num_groups: { i: 3 } }),
      { s: c([3], undefined, 1), b: c([3], undefined, 1) },
      [1, 3, 8, 8],
      18,
    ],
    [
      "InstanceNormalization",
      node("InstanceNormalization", ["x", "s", "b"]),
      { s: c([3], undefined, 1), b: c([3], undefined, 1) },
      [1, 3, 8, 8],
      17,
    ],
    ["LogSoftmax", node("LogSoftmax", ["x"]), {}, [1, 3, 8, 8], 17],
    ["Hardmax", node("Hardmax", ["x"], { axis: { i: 1 } }), {}, [1, 3, 8, 8], 17],
    ["Flatten at 2", node("Flatten", ["x"], { axis: { i: 2 } }), {}, [3, 64], 17],
    ["Transpose reversed", node("Transpose", ["x"]), {}, [8, 8, 3, 1], 17],
    ["Expand", node("Expand", ["x", "s"]), { s: c([4], [2, 3, 8, 8]) }, [2, 3, 8, 8], 17],
    ["Tile", node("Tile", ["x", "r"]), { r: c([4], [1, 2, 1, 1]) }, [1, 6, 8, 8], 17],
    ["DepthToSpace", node("DepthToSpace", ["x"], { blocksize: { i: 1 } }), {}, [1, 3, 8, 8], 17],
    ["SpaceToDepth", node("SpaceToDepth", ["x"], { blocksize: { i: 2 } }), {}, [1, 12, 4, 4], 17],
    ["Gather", node("Gather", ["x", "i"], { axis: { i: 1 } }), { i: c([2], [0, 2]) }, [1, 2, 8, 8], 17],
    [
      "GatherElements",
      node("GatherElements", ["x", "i"], { axis: { i: 1 } }),
      { i: c([1, 1, 8, 8]) },
      [1, 1, 8, 8],
      17,
    ],
    ["Upsample at opset 9", node("Upsample", ["x", "s"]), { s: c([4], [1, 1, 2, 2], 1) }, [1, 3, 16, 16], 9],
    [
      "Resize with opset 18's axes",
      node("Resize", ["x", "", "s"], { axes: { ints: [2, 3] } }),
      { s: c([2], [2, 2], 1) },
      [1, 3, 16, 16],
      18,
    ],
    ["Einsum", node("Einsum", ["x", "x"], { equation: { s: "nchw,nchw->nc" } }), {}, [1, 3], 17],
    [
      "MatMulInteger",
      node("MatMulInteger", ["f", "w", "az", "bz"]),
      { w: c([8, 4], undefined, 3), az: c([], [0], 3), bz: c([], [0], 3) },
      [24, 4],
      17,
    ],
    [
      "QLinearMatMul",
      node("QLinearMatMul", ["f", "q", "z", "w", "q", "z", "q", "z"]),
      { w: c([8, 4], undefined, 3), q: c([], [0.1], 1), z: c([], [0], 3) },
      [24, 4],
      17,
    ],
    ["ConvInteger", node("ConvInteger", ["x", "w"]), { w: c([4, 3, 1, 1], undefined, 3) }, [1, 4, 8, 8], 17],
    ["CastLike", node("CastLike", ["x", "t"]), { t: c([], [0], 1) }, [1, 3, 8, 8], 17],
    ["DequantizeLinear", node("DequantizeLinear", ["x", "s"]), { s: c([], [0.1], 1) }, [1, 3, 8, 8], 17],
    ["Range", node("Range", ["a", "b", "d"]), { a: c([], [0]), b: c([], [6]), d: c([], [2]) }, [3], 17],
    ["Size", node("Size", ["x"]), {}, [], 17],
    ["Shape from 1 to −1", node("Shape", ["x"], { start: { i: 1 }, end: { i: -1 } }), {}, [2], 17],
    [
      "ConstantOfShape with a value",
      node("ConstantOfShape", ["s"], { value: { t: { dims: [1], values: [1], dataType: 7 } } }),
      { s: c([2], [2, 3]) },
      [2, 3],
      17,
    ],
    ["Sum of three", node("Sum", ["x", "x", "x"]), {}, [1, 3, 8, 8], 17],
    [
      "Clip with attributes before opset 11",
      node("Clip", ["x"], { min: { f: 0 }, max: { f: 6 } }),
      {},
      [1, 3, 8, 8],
      10,
    ],
    [
      "AveragePool with count_include_pad",
      node("AveragePool", ["x"], {
        kernel_shape: { ints: [2, 2] },
        strides: { ints: [2, 2] },
        count_include_pad: { i: 1 },
      }),
      {},
      [1, 3, 4, 4],
      17,
    ],
    ["LpPool", node("LpPool", ["x"], { kernel_shape: { ints: [2, 2] } }), {}, [1, 3, 7, 7], 17],
    ["GlobalLpPool", node("GlobalLpPool", ["x"]), {}, [1, 3, 1, 1], 17],
    [
      "ScatterND",
      node("ScatterND", ["x", "i", "u"]),
      { i: c([1, 1]), u: c([1, 3, 8, 8], undefined, 1) },
      [1, 3, 8, 8],
      17,
    ],
  ];
  test.each(cases)("%s", (_, n, stored, dims, opset) => {
    // the matrix products read "f": the input's 192 elements as 24 rows of 8
    const flat = n.inputs.includes("f") ? [node("Reshape", ["x", "fs"], {}, ["f"])] : [];
    const g = graphOf(opset, [...flat, { ...n, outputs: ["y"] }], { ...stored, fs: c([2], [24, 8]) });
    expect(dimsOf(g)).toEqual(dims);
  });
  test("Constant in each of its forms; a form not read is refused", () => {
    const forms: [Record<string, OnnxAttribute>, number[]][] = [
      [{ value_float: { f: 2 } }, []],
      [{ value_floats: { floats: [1, 2] } }, [2]],
      [{ value_int: { i: 3 } }, []],
      [{ value_ints: { ints: [1, 2, 3] } }, [3]],
    ];
    for (const [attributes, dims] of forms)
      expect(dimsOf(graphOf(17, [node("Constant", [], attributes)]))).toEqual(dims);
    expect(
      refusalOf(() => lowerGraph(graphOf(17, [node("Constant", [], { sparse_value: { s: "" } })]))),
    ).toMatch(/Constant 'constant_0': a constant of a form not read \(sparse or string values\)/);
  });
});

describe("how a PyTorch export's nodes were called", () => {
  const pytorch = (nodes: OnnxNode[], stored: Record<string, number[]> = {}): OnnxGraph => ({
    producer: "pytorch 1.13.0",
    opset: 17,
    irVersion: 8,
    inputs: [{ name: "x", dims: [1, 8, 8, 8], elemType: 1 }],
    initializers: new Map(Object.entries(stored).map(([k, dims]) => [k, { dims, dataType: 1 }])),
    nodes,
  });
  const named = (
    name: string,
    opType: string,
    inputs: string[],
    outputs: string[],
    attributes = {},
  ): OnnxNode => ({
    name,
    opType,
    domain: "",
    inputs,
    outputs,
    attributes,
  });
  const flags = (g: OnnxGraph) =>
    lowerGraph(g).nodes.map((n) => [n.name, n.functional ?? false, n.fixedWindow ?? false]);

  test("avg_pool2d is Pad + AveragePool (a fixed window); an AveragePool alone is an adaptive pool", () => {
    const pool = { kernel_shape: { ints: [2, 2] }, strides: { ints: [2, 2] } };
    const pads = { dims: [8], values: [0, 0, 0, 0, 0, 0, 0, 0], dataType: 7 };
    const g = pytorch([
      named("/pool/Pad", "Pad", ["x", "pads"], ["p"]),
      named("/pool/AveragePool", "AveragePool", ["p"], ["a"], pool),
      named("/avgpool/AveragePool", "AveragePool", ["a"], ["b"], pool),
    ]);
    const withPads = { ...g, initializers: new Map([["pads", pads]]) };
    expect(flags(withPads)).toEqual([
      ["/pool/Pad", false, false],
      ["/pool/AveragePool", false, true],
      ["/avgpool/AveragePool", false, false],
    ]);
    expect(flags({ ...withPads, producer: "tf2onnx 1.16" }).map(([, , w]) => w)).toEqual([false, true, true]);
  });

  test("F.relu in a module's forward (beside its child modules) is a function; nn.ReLU a module", () => {
    const g = pytorch(
      [
        named("/conv1/conv/Conv", "Conv", ["x", "w"], ["c"]),
        named("/conv1/Relu", "Relu", ["c"], ["r"]),
        named("/relu/Relu", "Relu", ["r"], ["s"]),
      ],
      { w: [8, 8, 1, 1] },
    );
    expect(flags(g)).toEqual([
      ["/conv1/conv/Conv", false, false],
      ["/conv1/Relu", true, false],
      ["/relu/Relu", false, false],
    ]);
  });

  test("nn.Linear (its MatMul and bias Add in a scope of their own) is a module; F.linear in an attention's forward a function, its bias Add too", () => {
    const g = pytorch(
      [
        named("/mlp/fc/MatMul", "MatMul", ["x", "w"], ["m"]),
        named("/mlp/fc/Add", "Add", ["b", "m"], ["a"]),
        named("/attn/MatMul", "MatMul", ["a", "w2"], ["q"]),
        named("/attn/Add", "Add", ["q", "b"], ["k"]),
        named("/attn/Relu", "Relu", ["k"], ["y"]),
      ],
      { w: [8, 8], b: [8], w2: [8, 8] },
    );
    expect(flags(g).map(([name, functional]) => [name, functional])).toEqual([
      ["/mlp/fc/MatMul", false],
      ["/mlp/fc/Add", false],
      ["/attn/MatMul", true],
      ["/attn/Add", true],
      ["/attn/Relu", true],
    ]);
    const m = measureGraph(lowerGraph(g), inferTensors(lowerGraph(g)));
    const macs = (name: "thop" | "fvcore") => costGraph(m, resolveConvention(name)).totals.macs;
    // thop sees the module's 1·8·8 rows × 8·8 products, not the function's
    expect([macs("thop"), macs("fvcore")]).toEqual([4096n, 8192n]);
  });
});
