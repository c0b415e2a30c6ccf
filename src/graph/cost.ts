/**
 * What each node of a tensor graph does, before any convention: the multiply-accumulates of its kind's
 * formula (by stored weights, or of two computed tensors), its element-wise work by category, and the
 * parameters it reads by role. A stored tensor counts once, at the first node reading it as a
 * parameter; one read by several nodes (tied weights) is listed as shared. evaluate/graph-cost.ts
 * applies a convention.
 */
import { compileCount } from "../algebra/evaluate.js";
import type { Poly } from "../algebra/expr.js";
import { elementCount } from "./dims.js";
import type { GraphNode, TensorGraph } from "./graph.js";
import type { OpKind } from "./op-kind.js";
import { indexGraph, patternRoles, squeezeExciteNodes } from "./patterns.js";
import { opKinds } from "./registry.js";
import { bytesPerElement, isFloatType, type Tensor } from "./tensor.js";
import type { NodeContext, ParamRole, WorkCategory } from "./work.js";

export interface NodeMeasure {
  readonly node: GraphNode;
  /** Its key in the by-type breakdown: what its kind says it is (pointwise, fc, …), or its operator. */
  readonly type: string;
  readonly inputs: readonly (Tensor | undefined)[];
  readonly outputs: readonly Tensor[];
  /** Multiply-accumulates of its products: by stored weights, or of two computed tensors (attention). */
  readonly weightMacs: bigint;
  readonly matmulMacs: bigint;
  /** Elements each kind of element-wise work touches, counted or not. */
  readonly work: Readonly<Partial<Record<WorkCategory, bigint>>>;
  /** Parameters first read here, by role (a folded BatchNorm's scale under norm), counted or not. */
  readonly paramParts: Readonly<Record<ParamRole, bigint>>;
  /** The stored tensors counted here. */
  readonly weights: readonly string[];
  /** Their bytes as stored: elements × their element type's size (int8 weights one byte each). */
  readonly weightBytes: bigint;
}

export interface GraphMeasure {
  readonly rows: readonly NodeMeasure[];
  /** The rows of squeeze-and-excite blocks (graph/patterns.ts), which reports type "se". */
  readonly squeezeExcite: ReadonlySet<number>;
  /** Stored tensors read as parameters by more than one node, with the nodes (counted once, at the first). */
  readonly shared: ReadonlyMap<string, readonly string[]>;
}

const compiled = new Map<Poly, ReturnType<typeof compileCount>>();
const countOf = (p: Poly) => {
  if (!compiled.has(p)) compiled.set(p, compileCount(p));
  return compiled.get(p)!;
};

/**
 * Quantized weights and biases: int8 and uint8 weights, int32 biases (ONNX Runtime's quantizer, TFLite's
 * int8 models), int16 weights (TFLite's 16-bit models).
 */
const QUANTIZED = new Set(["int8", "uint8", "int16", "int32"]);

/**
 * Whether a stored tensor read in this role can be a parameter: float, or a quantized weight or bias,
 * or an int64 bias (TFLite's models of int16 activations). Other int64 and bool tensors are indices,
 * shapes and masks.
 */
const isLearnable = (t: Tensor, role: ParamRole): boolean =>
  t.dtype === undefined ||
  isFloatType(t.dtype) ||
  QUANTIZED.has(t.dtype) ||
  (role === "bias" && t.dtype === "int64");

/** The elements of each category of work the kind gives the node. */
/** No work: one object every such node shares (a large graph's data movement is most of its nodes). */
const NO_WORK: Readonly<Partial<Record<WorkCategory, bigint>>> = Object.freeze({});

function workOf(kind: OpKind<unknown>, ctx: NodeContext): Readonly<Partial<Record<WorkCategory, bigint>>> {
  const items = kind.work?.(ctx);
  if (!items || items.length === 0) return NO_WORK;
  const work: Partial<Record<WorkCategory, bigint>> = {};
  for (const item of items) work[item.category] = (work[item.category] ?? 0n) + item.elements;
  return work;
}

/** Tensor name → the nodes that read it as a parameter, the first of which counts it. */
type Readers = Map<string, string[]>;

/** The parameters a node reads first, by role, and their tensors' names; a tensor read before is noted as shared. */
function paramsOf(
  kind: OpKind<unknown>,
  ctx: NodeContext,
  node: GraphNode,
  graph: TensorGraph,
  readers: Readers,
) {
  const parts: Record<ParamRole, bigint> = { weight: 0n, bias: 0n, norm: 0n };
  const weights: string[] = [];
  let bytes = 0n;
  for (let position = 0; position < ctx.inputs.length; position++) {
    const input = ctx.inputs[position];
    const tensorName = node.inputs[position];
    const stored = tensorName === undefined ? undefined : graph.initializers.get(tensorName);
    const role = stored && input && kind.paramRole?.(ctx, position);
    if (!tensorName || !stored || !role || !isLearnable(stored, role)) continue;
    const seen = readers.get(tensorName);
    if (seen) {
      // nodes come in order: a node reading the tensor twice is its last reader
      if (seen.at(-1) !== node.name) seen.push(node.name);
      continue;
    }
    readers.set(tensorName, [node.name]);
    weights.push(tensorName);
    bytes += elementCount(stored.dims) * bytesPerElement(stored.dtype);
    parts[role] += elementCount(stored.dims);
  }
  // a folded norm's scale, one per output channel (its shift is the conv's bias)
  if (node.foldedNorm) parts.norm += BigInt(ctx.outputs[0]!.dims[1]!);
  return { parts, weights, bytes };
}

export function measureGraph(graph: TensorGraph, tensors: ReadonlyMap<string, Tensor>): GraphMeasure {
  const readers: Readers = new Map();
  const index = indexGraph(graph.nodes);
  const roles = patternRoles(graph.nodes, tensors, index);
  const rows = graph.nodes.map((node, at): NodeMeasure => {
    const kind = opKinds[node.kind] as OpKind<unknown>;
    const inputs = node.inputs.map((name) => (name === undefined ? undefined : tensors.get(name)));
    const outputs = node.outputs.map((name) => tensors.get(name)!);
    const isStored = (position: number) => graph.initializers.has(node.inputs[position] ?? "");
    const role = roles.get(at);
    const ctx: NodeContext = { node, attrs: node.attrs, inputs, outputs, isStored, ...(role && { role }) };
    const products = kind.macs && kind.bind ? countOf(kind.macs)(kind.bind(node.attrs, inputs, outputs)) : 0n;
    const matmul = kind.isMatmul?.(ctx) === true;
    const { parts, weights, bytes } = paramsOf(kind, ctx, node, graph, readers);
    return {
      node,
      type: kind.typeOf?.(ctx) ?? node.op,
      inputs,
      outputs,
      weightMacs: matmul ? 0n : products,
      matmulMacs: matmul ? products : 0n,
      work: workOf(kind, ctx),
      paramParts: parts,
      weights,
      weightBytes: bytes,
    };
  });
  return {
    rows,
    squeezeExcite: squeezeExciteNodes(graph.nodes, index),
    shared: new Map([...readers].filter(([, nodes]) => nodes.length > 1)),
  };
}
