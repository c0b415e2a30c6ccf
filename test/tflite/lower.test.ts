/**
 * The TFLite lowering on models written as plain data (model/tflite/graph.ts): each operator onto its
 * kind with the file's layouts read as TFLite defines them (schema.fbs: filters O×kH×kW×I and
 * 1×kH×kW×O, FC weights units×in, paddings rank×2, strided-slice masks), shapes by the kinds' rules.
 */
import { describe, expect, test } from "vitest";
import { measureGraph } from "../../src/graph/cost.js";
import { inferTensors } from "../../src/graph/infer.js";
import type { TfliteModel, TfliteOperator, TfliteTensor } from "../../src/model/tflite/graph.js";
import { lowerTflite } from "../../src/model/tflite/lower.js";

/** A one-subgraph model: tensors by name (a constant has bytes), operators reading and writing them by name. */
function modelOf(
  tensors: Record<string, Omit<TfliteTensor, "name" | "type" | "bytes"> & Partial<TfliteTensor>>,
  operators: { op: string; inputs: string[]; outputs: string[]; options?: TfliteOperator["options"] }[],
  inputs: string[] = [Object.keys(tensors)[0]!],
): TfliteModel {
  const names = Object.keys(tensors);
  const index = (name: string) => (name === "" ? -1 : names.indexOf(name));
  return {
    version: 3,
    description: "test",
    subgraphs: [
      {
        name: "main",
        tensors: names.map((name) => ({ type: "FLOAT32", bytes: 0, ...tensors[name]!, name })),
        inputs: inputs.map(index),
        outputs: [index(operators.at(-1)!.outputs[0]!)],
        operators: operators.map((o) => ({
          op: o.op,
          inputs: o.inputs.map(index),
          outputs: o.outputs.map(index),
          options: o.options ?? {},
        })),
      },
    ],
  };
}

function measured(model: TfliteModel) {
  const graph = lowerTflite(model);
  const tensors = inferTensors(graph);
  return { graph, tensors, rows: measureGraph(graph, tensors).rows };
}

const weight = (shape: number[]) => ({ shape, bytes: shape.reduce((a, b) => a * b, 1) * 4 });
const map = (shape: number[]) => ({ shape });

describe("convolutions", () => {
  test("CONV_2D: filter O×kH×kW×I, SAME at stride 2 (⌈size / 2⌉), a fused RELU6 after it writing in place", () => {
    const { tensors, rows } = measured(
      modelOf({ x: map([1, 9, 7, 4]), w: weight([8, 3, 3, 4]), b: weight([8]), y: map([1, 5, 4, 8]) }, [
        {
          op: "CONV_2D",
          inputs: ["x", "w", "b"],
          outputs: ["y"],
          options: {
            padding: 0,
            strideH: 2,
            strideW: 2,
            dilationHFactor: 1,
            dilationWFactor: 1,
            fusedActivationFunction: 3,
          },
        },
      ]),
    );
    expect(tensors.get("y")!.dims).toEqual([1, 5, 4, 8]);
    expect(rows.map((r) => [r.node.op, r.weightMacs, r.type])).toEqual([
      ["CONV_2D", BigInt(5 * 4 * 8 * 3 * 3 * 4), "conv"],
      ["fused RELU6", 0n, "fused RELU6"],
    ]);
    expect(rows[1]!.work).toEqual({ relu6: BigInt(5 * 4 * 8) });
    expect(rows[1]!.node.inPlace).toBe(true);
  });

  test("CONV_2D with a filter of fewer input channels than the map's is grouped; VALID padding", () => {
    const { tensors, rows } = measured(
      modelOf({ x: map([1, 6, 6, 8]), w: weight([4, 3, 3, 2]), y: map([1, 4, 4, 4]) }, [
        {
          op: "CONV_2D",
          inputs: ["x", "w", ""],
          outputs: ["y"],
          options: { padding: 1, strideH: 1, strideW: 1 },
        },
      ]),
    );
    expect(tensors.get("y")!.dims).toEqual([1, 4, 4, 4]);
    expect([rows[0]!.type, rows[0]!.weightMacs]).toEqual(["gconv", BigInt(4 * 4 * 4 * 3 * 3 * 2)]);
  });

  test("DEPTHWISE_CONV_2D with depth_multiplier 2: filter 1×kH×kW×(2C), one group per input channel", () => {
    const { tensors, rows } = measured(
      modelOf({ x: map([1, 8, 8, 3]), w: weight([1, 3, 3, 6]), y: map([1, 8, 8, 6]) }, [
        {
          op: "DEPTHWISE_CONV_2D",
          inputs: ["x", "w"],
          outputs: ["y"],
          options: { padding: 0, strideH: 1, strideW: 1, depthMultiplier: 2 },
        },
      ]),
    );
    expect(tensors.get("y")!.dims).toEqual([1, 8, 8, 6]);
    expect([rows[0]!.type, rows[0]!.weightMacs]).toEqual(["depthwise", BigInt(8 * 8 * 6 * 3 * 3)]);
  });

  test("TRANSPOSE_CONV: output dims from input 1, each input element spread over kH·kW·O", () => {
    const { tensors, rows } = measured(
      modelOf(
        {
          x: map([1, 4, 4, 8]),
          shape: { shape: [4], type: "INT32", bytes: 16, values: [1, 8, 8, 2] },
          w: weight([2, 3, 3, 8]),
          y: map([1, 8, 8, 2]),
        },
        [
          {
            op: "TRANSPOSE_CONV",
            inputs: ["shape", "w", "x"],
            outputs: ["y"],
            options: { padding: 0, strideH: 2, strideW: 2 },
          },
        ],
      ),
    );
    expect(tensors.get("y")!.dims).toEqual([1, 8, 8, 2]);
    expect(rows[0]!.weightMacs).toBe(BigInt(4 * 4 * 8 * 3 * 3 * 2));
  });
});

describe("products of matrices", () => {
  test("FULLY_CONNECTED on a 3-d input: its rows × units × in; keep_num_dims keeps the leading dims", () => {
    for (const keep of [false, true]) {
      const out = keep ? [2, 5, 6] : [10, 6];
      const { tensors, rows } = measured(
        modelOf({ x: map([2, 5, 4]), w: weight([6, 4]), b: weight([6]), y: map(out) }, [
          { op: "FULLY_CONNECTED", inputs: ["x", "w", "b"], outputs: ["y"], options: { keepNumDims: keep } },
        ]),
      );
      expect(tensors.get("y")!.dims).toEqual(out);
      const fc = rows.find((r) => r.node.op === "FULLY_CONNECTED")!;
      expect([fc.type, fc.weightMacs, fc.paramParts]).toEqual([
        "fc",
        BigInt(10 * 6 * 4),
        { weight: 24n, bias: 6n, norm: 0n },
      ]);
    }
  });

  test("BATCH_MATMUL: adj_x and adj_y swap an operand's last two axes first", () => {
    const { tensors, rows } = measured(
      modelOf(
        { a: map([3, 5, 4]), b: map([3, 6, 5]), y: map([3, 4, 6]) },
        [{ op: "BATCH_MATMUL", inputs: ["a", "b"], outputs: ["y"], options: { adjX: true, adjY: true } }],
        ["a", "b"],
      ),
    );
    expect(tensors.get("y")!.dims).toEqual([3, 4, 6]);
    const product = rows.find((r) => r.node.op === "BATCH_MATMUL")!;
    expect([product.matmulMacs, product.weightMacs]).toEqual([BigInt(3 * 4 * 5 * 6), 0n]);
  });
});

describe("data movement", () => {
  test("PAD: paddings rank×2 (begin, end per axis)", () => {
    const { tensors } = measured(
      modelOf(
        {
          x: map([1, 4, 5, 3]),
          p: { shape: [4, 2], type: "INT32", bytes: 32, values: [0, 0, 1, 2, 3, 4, 0, 0] },
          y: map([1, 7, 12, 3]),
        },
        [{ op: "PAD", inputs: ["x", "p"], outputs: ["y"] }],
      ),
    );
    expect(tensors.get("y")!.dims).toEqual([1, 7, 12, 3]);
  });

  test("STRIDED_SLICE: a masked begin or end is the axis's end; a shrunk axis is squeezed", () => {
    const consts = (values: number[]) => ({
      shape: [values.length],
      type: "INT32",
      bytes: 4 * values.length,
      values,
    });
    const { tensors } = measured(
      modelOf(
        {
          x: map([2, 10, 6]),
          b: consts([1, 2, 0]),
          e: consts([0, 8, 0]),
          s: consts([1, 3, 1]),
          y: map([2, 6]),
        },
        [
          {
            op: "STRIDED_SLICE",
            inputs: ["x", "b", "e", "s"],
            outputs: ["y"],
            // axis 0: shrunk at 1; axis 1: 2 to 8 by 3 → 2; axis 2: begin and end masked → all 6
            options: { beginMask: 0b100, endMask: 0b100, shrinkAxisMask: 0b001 },
          },
        ],
      ),
    );
    expect(tensors.get("y")!.dims).toEqual([2, 6]);
  });

  test("MEAN over H and W of an NHWC map is a global average pool", () => {
    const { rows } = measured(
      modelOf(
        {
          x: map([1, 7, 7, 16]),
          axes: { shape: [2], type: "INT32", bytes: 8, values: [1, 2] },
          y: map([1, 1, 1, 16]),
        },
        [{ op: "MEAN", inputs: ["x", "axes"], outputs: ["y"], options: { keepDims: true } }],
      ),
    );
    expect(rows[0]!.work).toEqual({ pool: BigInt(7 * 7 * 16), "pool-divide": 16n });
  });

  test("a custom op passes with its declared shapes, reading only what is known (not an NPU's scratch)", () => {
    const { tensors, graph } = measured(
      modelOf(
        {
          x: map([1, 4, 4, 1]),
          scratch: map([1000]),
          blob: { shape: [300], type: "UINT8", bytes: 300 },
          y: map([1, 2]),
        },
        [{ op: "CUSTOM:ethos-u", inputs: ["scratch", "blob", "x"], outputs: ["y"] }],
      ),
    );
    expect(tensors.get("y")!.dims).toEqual([1, 2]);
    expect(graph.nodes[0]!.inputs).toEqual(["blob", "x"]);
  });
});
