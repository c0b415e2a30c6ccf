/**
 * Activations exporters write as several nodes, recognised so conventions count them as the module
 * the model has: SiLU as x·σ(x) (Sigmoid, Mul), h-swish as x·hσ(x) (HardSigmoid, Mul) before opset 14,
 * GELU as x·(erf(x/√2) + 1)·0.5 (Div, Erf, Add, Mul, Mul) before opset 20; and LayerNorm as exporters
 * write it before opset 17 (ReduceMean, Sub, Pow, ReduceMean, Add, Sqrt, Div, then Mul by γ and Add
 * of β). The last node of a pattern carries its work; the others are its parts.
 */
import { type GraphNode, standardOp } from "./graph.js";
import type { Tensor } from "./tensor.js";
import type { PatternRole } from "./work.js";

type Role = PatternRole;

/** Tensor name → the index of the node writing it, and the indices of the nodes reading it. */
export interface GraphIndex {
  readonly producers: ReadonlyMap<string, number>;
  readonly readers: ReadonlyMap<string, number[]>;
}

export function indexGraph(nodes: readonly GraphNode[]): GraphIndex {
  const producers = new Map<string, number>();
  const readers = new Map<string, number[]>();
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!;
    for (const name of node.outputs) producers.set(name, index);
    for (const name of node.inputs)
      if (name !== undefined) {
        const list = readers.get(name);
        if (list) list.push(index);
        else readers.set(name, [index]);
      }
  }
  return { producers, readers };
}

/** Node index → its role in a pattern, for the nodes in one. */
export function patternRoles(
  nodes: readonly GraphNode[],
  tensors: ReadonlyMap<string, Tensor> = new Map(),
  index: GraphIndex = indexGraph(nodes),
): Map<number, Role> {
  const { readers } = index;
  const soleReader = (name: string | undefined) => {
    const r = name === undefined ? undefined : readers.get(name);
    return r?.length === 1 ? r[0] : undefined;
  };
  const roles = new Map<number, Role>();
  for (const [index, node] of nodes.entries()) {
    const x = node.inputs[0];
    const operator = standardOp(node);
    if (operator === "Sigmoid" || operator === "HardSigmoid") {
      // the gate's one reader multiplies it by the gate's own input
      const after = readers.get(node.outputs[0]!) ?? [];
      const mul = after.length === 1 ? nodes[after[0]!] : undefined;
      if (mul !== undefined && standardOp(mul) === "Mul" && x !== undefined && mul.inputs.includes(x)) {
        roles.set(index, "part");
        roles.set(after[0]!, operator === "Sigmoid" ? "silu" : "hswish");
      }
    }
    if (operator === "Div") {
      const chain: number[] = [];
      let output = node.outputs[0];
      for (const op of ["Erf", "Add", "Mul", "Mul"]) {
        const next = soleReader(output);
        if (next === undefined || standardOp(nodes[next]!) !== op) break;
        chain.push(next);
        output = nodes[next]!.outputs[0];
      }
      if (chain.length === 4 && x !== undefined && nodes[chain[2]!]!.inputs.includes(x)) {
        for (const i of [index, ...chain.slice(0, 3)]) roles.set(i, "part");
        roles.set(chain[3]!, "gelu");
      }
    }
  }
  for (const at of unfusedBiases(nodes, tensors, index.producers)) roles.set(at, "linear-bias");
  for (const [index, node] of nodes.entries()) {
    const parts = standardOp(node) === "ReduceMean" ? layerNormParts(nodes, readers, index) : undefined;
    if (!parts) continue;
    for (const part of parts.slice(0, -1)) roles.set(part, "norm-part");
    roles.set(parts.at(-1)!, "norm");
  }
  return roles;
}

/**
 * Whether a Transpose leaves its input's elements in memory order, as torch's views do when only axes
 * of size 1 move (ViT's 1×197×768 → 197×1×768); otherwise torch's tensor is not contiguous.
 */
function keepsOrder(node: GraphNode, tensors: ReadonlyMap<string, Tensor>): boolean {
  const dims = tensors.get(node.inputs[0] ?? "")?.dims;
  if (node.kind !== "transpose" || dims === undefined) return true;
  const perm = node.attrs.perm ?? dims.map((_, i) => dims.length - 1 - i);
  const moved = perm.filter((axis) => (dims[axis] ?? 1) > 1);
  return moved.every((axis, i) => i === 0 || axis > moved[i - 1]!);
}

/**
 * The bias Adds of linears on an input torch had transposed without a copy: torch runs such a linear as
 * a matmul, then an add (a contiguous input of up to 3 dims, as one addmm with its bias).
 */
function unfusedBiases(
  nodes: readonly GraphNode[],
  tensors: ReadonlyMap<string, Tensor>,
  producers: ReadonlyMap<string, number>,
): number[] {
  const producer = (name: string | undefined) => {
    const at = name === undefined ? undefined : producers.get(name);
    return at === undefined ? undefined : nodes[at];
  };
  const found: number[] = [];
  for (const [index, node] of nodes.entries()) {
    if (standardOp(node) !== "Add") continue;
    const matmul = node.inputs.map(producer).find((n) => n !== undefined && standardOp(n) === "MatMul");
    const source = producer(matmul?.inputs[0]);
    if (source && !keepsOrder(source, tensors)) found.push(index);
  }
  return found;
}

/** The one node reading a tensor, when it is of this operator and reads it at one of these positions. */
function soleReaderOf(
  nodes: readonly GraphNode[],
  readers: ReadonlyMap<string, number[]>,
  name: string | undefined,
  op: string,
): number | undefined {
  const r = name === undefined ? undefined : readers.get(name);
  return r?.length === 1 && standardOp(nodes[r[0]!]!) === op ? r[0] : undefined;
}

/**
 * LayerNorm written out from the ReduceMean of x: x − mean(x), squared, its mean plus ε, its square
 * root, the difference divided by it; then, when the norm is affine, times γ and plus β.
 */
function layerNormParts(
  nodes: readonly GraphNode[],
  readers: ReadonlyMap<string, number[]>,
  mean: number,
): number[] | undefined {
  const x = nodes[mean]!.inputs[0];
  const sub = soleReaderOf(nodes, readers, nodes[mean]!.outputs[0], "Sub");
  if (sub === undefined || nodes[sub]!.inputs[0] !== x) return undefined;
  const centred = nodes[sub]!.outputs[0];
  const chain = [mean, sub];
  let at = (readers.get(centred ?? "") ?? []).find((i) => standardOp(nodes[i]!) === "Pow");
  for (const op of ["ReduceMean", "Add", "Sqrt", "Div"]) {
    if (at === undefined) return undefined;
    chain.push(at);
    at = soleReaderOf(nodes, readers, nodes[at]!.outputs[0], op);
  }
  if (at === undefined || nodes[at]!.inputs[0] !== centred || readers.get(centred ?? "")?.length !== 2)
    return undefined;
  chain.push(at);
  for (const op of ["Mul", "Add"]) {
    const next = soleReaderOf(nodes, readers, nodes[chain.at(-1)!]!.outputs[0], op);
    if (next === undefined) break;
    chain.push(next);
  }
  return chain;
}

/** Pools that squeeze a map to one value per channel. */
const SQUEEZES = new Set(["GlobalAveragePool", "ReduceMean", "AveragePool"]);

/** How far back a gate is followed to its squeeze: pool, two convs or fcs, their activations, reshapes. */
const MAX_GATE_NODES = 12;

/**
 * The nodes of squeeze-and-excite blocks: a Mul of a map x by a gate computed from a pool of x itself
 * (pool → conv → act → conv → gate), followed through each node's first input. Typed "se" in reports,
 * as the built-ins' squeeze-excite ops are.
 */
export function squeezeExciteNodes(
  nodes: readonly GraphNode[],
  { producers }: GraphIndex = indexGraph(nodes),
): Set<number> {
  const members = new Set<number>();
  for (const [index, node] of nodes.entries()) {
    if (standardOp(node) !== "Mul" || node.inputs.length !== 2) continue;
    for (const [x, gate] of [node.inputs, [...node.inputs].reverse()]) {
      const chain = gateChain(nodes, producers, x, gate);
      if (chain) for (const member of [...chain, index]) members.add(member);
    }
  }
  return members;
}

/** The nodes from a pool of `x` to `gate`, when the gate is computed from one. */
function gateChain(
  nodes: readonly GraphNode[],
  producers: ReadonlyMap<string, number>,
  x: string | undefined,
  gate: string | undefined,
): number[] | undefined {
  if (x === undefined || gate === undefined) return undefined;
  const chain: number[] = [];
  let at = producers.get(gate);
  while (at !== undefined && chain.length < MAX_GATE_NODES) {
    const node = nodes[at]!;
    chain.push(at);
    if (SQUEEZES.has(standardOp(node)) && node.inputs[0] === x) return chain;
    at = node.inputs[0] === undefined ? undefined : producers.get(node.inputs[0]);
  }
  return undefined;
}
