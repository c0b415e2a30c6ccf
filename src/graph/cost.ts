/**
 * What each node of a tensor graph costs: the multiply-accumulates of its kind's formula, and the
 * parameters it reads. Parameters are counted once per weight tensor, at the first node reading it; a
 * weight read by several nodes (tied weights) is listed as shared. Totals are the sums of the rows.
 */
import { compileCount } from "../algebra/evaluate.js";
import type { Poly } from "../algebra/expr.js";
import { elementCount } from "./dims.js";
import type { GraphNode, TensorGraph } from "./graph.js";
import type { OpKind } from "./op-kind.js";
import { opKinds } from "./registry.js";
import { isFloatType, type Tensor } from "./tensor.js";

export interface NodeCost {
  readonly node: GraphNode;
  readonly inputs: readonly (Tensor | undefined)[];
  readonly outputs: readonly Tensor[];
  /** Multiply-accumulates of its products (0 for a kind without them). */
  readonly macs: bigint;
  /** Parameters first read here (a folded BatchNorm's scale included). */
  readonly params: bigint;
  /** The weight tensors counted here. */
  readonly weights: readonly string[];
}

export interface GraphCost {
  readonly rows: readonly NodeCost[];
  readonly totals: { readonly macs: bigint; readonly params: bigint };
  /** Weights read by more than one node, with the nodes reading them (counted once, at the first). */
  readonly shared: ReadonlyMap<string, readonly string[]>;
}

const compiled = new Map<Poly, ReturnType<typeof compileCount>>();
const countOf = (p: Poly) => {
  if (!compiled.has(p)) compiled.set(p, compileCount(p));
  return compiled.get(p)!;
};

/** The positions of a node's inputs that may hold its weights. */
function weightPositions(kind: OpKind<unknown>, node: GraphNode): readonly number[] {
  if (kind.weights === "any") return node.inputs.map((_, i) => i);
  return kind.weights ?? [];
}

/**
 * Whether the tensor read at a weight position is a learnable weight: a stored float tensor; where any
 * input may be one, not a single number (an exporter's constant: GELU's √2, a scale's 0.5).
 */
function isWeight(t: Tensor | undefined, kind: OpKind<unknown>): t is Tensor {
  if (t === undefined || (t.dtype !== undefined && !isFloatType(t.dtype))) return false;
  return kind.weights !== "any" || elementCount(t.dims) > 1n;
}

export function costGraph(graph: TensorGraph, tensors: ReadonlyMap<string, Tensor>): GraphCost {
  const readers = new Map<string, string[]>();
  const rows = graph.nodes.map((node): NodeCost => {
    const kind = opKinds[node.kind] as OpKind<unknown>;
    const inputs = node.inputs.map((name) => (name === undefined ? undefined : tensors.get(name)));
    const outputs = node.outputs.map((name) => tensors.get(name)!);
    const macs = kind.macs && kind.bind ? countOf(kind.macs)(kind.bind(node.attrs, inputs, outputs)) : 0n;
    const weights: string[] = [];
    let params = 0n;
    for (const position of weightPositions(kind, node)) {
      const name = node.inputs[position];
      const stored = name === undefined ? undefined : graph.initializers.get(name);
      if (name === undefined || !isWeight(stored, kind)) continue;
      const seen = readers.get(name);
      if (seen) {
        if (!seen.includes(node.name)) seen.push(node.name);
        continue;
      }
      readers.set(name, [node.name]);
      weights.push(name);
      params += elementCount(stored.dims);
    }
    if (node.foldedNorm) params += BigInt(outputs[0]!.dims[1]!);
    return { node, inputs, outputs, macs, params, weights };
  });
  const sum = (f: (r: NodeCost) => bigint) => rows.reduce((total, r) => total + f(r), 0n);
  return {
    rows,
    totals: { macs: sum((r) => r.macs), params: sum((r) => r.params) },
    shared: new Map([...readers].filter(([, nodes]) => nodes.length > 1)),
  };
}
