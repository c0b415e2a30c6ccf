/** Small ONNX graphs for tests: as OnnxGraph data, and encoded as real ONNX files (onnx-buf). */
import { create, toBinary } from "@bufbuild/protobuf";
import {
  AttributeProto_AttributeType,
  ModelProtoSchema,
  NodeProtoSchema,
  TensorProtoSchema,
  ValueInfoProtoSchema,
} from "onnx-buf";
import type { OnnxAttribute, OnnxGraph, OnnxNode } from "../../src/model/onnx/graph.js";

export interface NodeSketch {
  readonly op: string;
  readonly in: readonly string[];
  readonly out: string;
  readonly name?: string;
  /** The operator's domain ("" for the standard one). */
  readonly domain?: string;
  readonly attrs?: Readonly<Record<string, OnnxAttribute>>;
}

export interface GraphSketch {
  /** The image input's N×C×H×W (strings are symbolic). */
  readonly input?: readonly (number | string)[];
  /** Weights and constants: name → dims, or dims and values. */
  readonly constants?: Readonly<
    Record<string, readonly number[] | { dims: readonly number[]; values: readonly number[] }>
  >;
  readonly nodes: readonly NodeSketch[];
  readonly producer?: string;
  /** Tensors whose dims the file declares (value_info). */
  readonly declared?: Readonly<Record<string, readonly number[]>>;
}

export function sketchGraph(s: GraphSketch): OnnxGraph {
  const constants = Object.entries(s.constants ?? {}).map(
    ([name, c]) => [name, Array.isArray(c) ? { dims: c } : c] as const,
  );
  return {
    producer: s.producer ?? "pytorch 1.13.0",
    opset: 17,
    irVersion: 8,
    ...(s.declared && {
      declared: Object.entries(s.declared).map(([name, dims]) => ({ name, dims: [...dims] })),
    }),
    inputs: [{ name: "input", dims: [...(s.input ?? [1, 3, 32, 32])] }],
    initializers: new Map(constants as [string, { dims: number[]; values?: number[] }][]),
    nodes: s.nodes.map(
      (n, i): OnnxNode => ({
        name: n.name ?? `/n${i}/${n.op}`,
        opType: n.op,
        domain: n.domain ?? "",
        inputs: n.in,
        outputs: [n.out],
        attributes: n.attrs ?? {},
      }),
    ),
  };
}

function attributeProto(name: string, a: OnnxAttribute) {
  if (a.ints) return { name, type: AttributeProto_AttributeType.INTS, ints: a.ints.map(BigInt) };
  if (a.f !== undefined) return { name, type: AttributeProto_AttributeType.FLOAT, f: a.f };
  if (a.s !== undefined)
    return { name, type: AttributeProto_AttributeType.STRING, s: new TextEncoder().encode(a.s) };
  return { name, type: AttributeProto_AttributeType.INT, i: BigInt(a.i ?? 0) };
}

/** The sketch as the bytes of an ONNX file (weights as float initializers with their shapes and no data). */
export function encodeOnnx(s: GraphSketch): Uint8Array {
  const graph = sketchGraph(s);
  const dims = (d: readonly (number | string | undefined)[]) =>
    d.map((x) => ({
      value:
        typeof x === "number"
          ? { case: "dimValue" as const, value: BigInt(x) }
          : { case: "dimParam" as const, value: String(x) },
    }));
  const model = create(ModelProtoSchema, {
    irVersion: 8n,
    producerName: graph.producer.split(" ")[0]!,
    producerVersion: graph.producer.split(" ")[1] ?? "",
    opsetImport: [{ domain: "", version: 17n }],
    graph: {
      name: "sketch",
      input: graph.inputs.map((i) =>
        create(ValueInfoProtoSchema, {
          name: i.name,
          type: { value: { case: "tensorType", value: { elemType: 1, shape: { dim: dims(i.dims ?? []) } } } },
        }),
      ),
      valueInfo: (graph.declared ?? []).map((i) =>
        create(ValueInfoProtoSchema, {
          name: i.name,
          type: { value: { case: "tensorType", value: { elemType: 1, shape: { dim: dims(i.dims ?? []) } } } },
        }),
      ),
      initializer: [...graph.initializers].map(([name, c]) =>
        create(TensorProtoSchema, {
          name,
          dims: c.dims.map(BigInt),
          dataType: 1,
          ...(c.values ? { floatData: [...c.values] } : {}),
        }),
      ),
      node: graph.nodes.map((n) =>
        create(NodeProtoSchema, {
          name: n.name,
          opType: n.opType,
          domain: n.domain,
          input: [...n.inputs],
          output: [...n.outputs],
          attribute: Object.entries(n.attributes).map(([k, a]) => attributeProto(k, a)),
        }),
      ),
    },
  });
  return toBinary(ModelProtoSchema, model);
}
