/**
 * A decoded ONNX ModelProto → OnnxGraph (model/onnx/graph.ts): its nodes, inputs, declared shapes and
 * small constants, every size checked. No I/O: the CLI decodes a file's skeleton (io/read-onnx.ts),
 * the calculator page a dropped file's bytes.
 */
import { InputError } from "../errors.js";
import {
  type OnnxAttribute,
  type OnnxConstant,
  type OnnxDim,
  type OnnxGraph,
  type OnnxNode,
  type OnnxValueInfo,
  product,
  SMALL_TENSOR,
} from "../model/onnx/graph.js";
import type { AttributeProto, ModelProto, TensorProto, ValueInfoProto } from "onnx-buf";

/** Past this, a size is not a tensor dimension but a damaged file. */
const MAX_DIM = 2 ** 31 - 1;

/** ONNX's element types whose small values are read, by TensorProto.DataType number: width and reader. */
const RAW_READERS: Readonly<Record<number, { width: number; read: (view: DataView, at: number) => number }>> =
  {
    1: { width: 4, read: (v, at) => v.getFloat32(at, true) },
    2: { width: 1, read: (v, at) => v.getUint8(at) },
    3: { width: 1, read: (v, at) => v.getInt8(at) },
    6: { width: 4, read: (v, at) => v.getInt32(at, true) },
    7: { width: 8, read: (v, at) => Number(v.getBigInt64(at, true)) },
    9: { width: 1, read: (v, at) => v.getUint8(at) },
    11: { width: 8, read: (v, at) => v.getFloat64(at, true) },
  };

function dimension(value: bigint, where: string): number {
  if (value < 0n || value > BigInt(MAX_DIM))
    throw new InputError(`${where}: dimension ${value} out of range`);
  return Number(value);
}

function rawValues(tensor: TensorProto, count: number): number[] | undefined {
  const raw = tensor.rawData;
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const reader = Object.hasOwn(RAW_READERS, tensor.dataType) ? RAW_READERS[tensor.dataType] : undefined;
  if (reader === undefined || raw.byteLength !== count * reader.width) return undefined;
  return Array.from({ length: count }, (_, i) => reader.read(view, i * reader.width));
}

/** The values of a small tensor, from whichever field holds them. */
function smallValues(tensor: TensorProto, count: number): number[] | undefined {
  if (count > SMALL_TENSOR) return undefined;
  if (tensor.rawData.byteLength > 0) return rawValues(tensor, count);
  const stored =
    tensor.floatData.length > 0
      ? tensor.floatData
      : tensor.int64Data.length > 0
        ? tensor.int64Data.map(Number)
        : tensor.int32Data.length > 0
          ? tensor.int32Data
          : tensor.doubleData;
  return stored.length === count ? [...stored] : undefined;
}

function constantOf(tensor: TensorProto, where: string): OnnxConstant {
  const dims = tensor.dims.map((d) => dimension(d, where));
  const count = product(dims);
  const values = smallValues(tensor, count);
  const dataType = tensor.dataType;
  return values === undefined ? { dims, dataType } : { dims, values, dataType };
}

function attributeOf(a: AttributeProto, where: string): OnnxAttribute {
  return {
    i: Number(a.i),
    f: a.f,
    ints: a.ints.map(Number),
    floats: a.floats,
    s: new TextDecoder().decode(a.s),
    ...(a.t ? { t: constantOf(a.t, `${where} attribute ${a.name}`) } : {}),
  };
}

function valueInfoOf(v: ValueInfoProto): OnnxValueInfo {
  const type = v.type?.value;
  if (type?.case !== "tensorType") return { name: v.name, dims: undefined };
  const elemType = type.value.elemType;
  if (type.value.shape === undefined) return { name: v.name, dims: undefined, elemType };
  const dims: OnnxDim[] = type.value.shape.dim.map((d) =>
    d.value.case === "dimValue"
      ? dimension(d.value.value, `input ${v.name}`)
      : d.value.case === "dimParam"
        ? d.value.value
        : undefined,
  );
  return { name: v.name, dims, elemType };
}

function graphOf(model: ModelProto): OnnxGraph {
  const graph = model.graph;
  if (!graph || graph.node.length === 0) throw new InputError("no graph nodes: not an ONNX model");
  const opset = model.opsetImport.find((o) => o.domain === "" || o.domain === "ai.onnx");
  if (!opset) throw new InputError("no standard operator set imported: not an ONNX model");
  const nodes: OnnxNode[] = graph.node.map((n, index) => {
    const name = n.name || `${n.opType}_${index}`;
    return {
      name,
      source: n.name || `<node_${index}>`,
      opType: n.opType,
      domain: n.domain === "ai.onnx" ? "" : n.domain,
      inputs: n.input,
      outputs: n.output,
      attributes: Object.fromEntries(n.attribute.map((a) => [a.name, attributeOf(a, `node ${name}`)])),
    };
  });
  return {
    producer: [model.producerName, model.producerVersion].filter(Boolean).join(" ") || "unknown producer",
    opset: Number(opset.version),
    irVersion: Number(model.irVersion),
    inputs: graph.input.map(valueInfoOf),
    declared: [...graph.valueInfo, ...graph.output].map(valueInfoOf),
    initializers: new Map(graph.initializer.map((t) => [t.name, constantOf(t, `initializer ${t.name}`)])),
    nodes,
  };
}

/** The graph of a decoded model (`decode` decodes it); every problem is one InputError line naming the file. */
export function onnxGraphOf(decode: () => ModelProto, shown: string): OnnxGraph {
  try {
    const model = decode();
    if (model.irVersion <= 0n) throw new InputError("no IR version: not an ONNX model");
    return graphOf(model);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new InputError(`${shown}: not a readable ONNX model (${reason})`);
  }
}
