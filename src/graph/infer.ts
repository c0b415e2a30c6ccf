/**
 * Shape inference over a tensor graph: each node's kind gives its outputs from its inputs, in order.
 * A node whose kind refuses its inputs is refused, naming it; nothing downstream is guessed.
 */
import { InputError } from "../errors.js";
import { elementNumber, formatDims } from "./dims.js";
import type { GraphNode, TensorGraph } from "./graph.js";
import type { OpKind } from "./op-kind.js";
import { opKinds } from "./registry.js";
import type { Tensor } from "./tensor.js";

export const describeNode = (node: GraphNode): string => `${node.op} '${node.name}'`;

/** Past this many elements a tensor is not a model's but a damaged file's: every count stays exact in doubles too. */
export const MAX_TENSOR_ELEMENTS = Number.MAX_SAFE_INTEGER;

/**
 * Infers one node's outputs from the tensors known so far and adds them: its kind's shape rule, or a
 * one-line refusal naming the node.
 */
export function inferNode(node: GraphNode, tensors: Map<string, Tensor>): void {
  const inputs = node.inputs.map((name) => {
    if (name === undefined) return undefined;
    const t = tensors.get(name);
    if (t === undefined)
      throw new InputError(`${describeNode(node)}: its input '${name}' has no known shape`);
    return t;
  });
  const kind = opKinds[node.kind] as OpKind<typeof node.attrs>;
  const outputs = kind.infer(node.attrs, inputs);
  if (typeof outputs === "string") throw new InputError(`${describeNode(node)}: ${outputs}`);
  for (const [i, name] of node.outputs.entries()) {
    if (name === "") continue;
    const t = outputs[i];
    if (t === undefined) throw new InputError(`${describeNode(node)}: it has no output ${i + 1}`);
    // in doubles: a product past 2^53 − 1 stays past it, however it rounds
    if (elementNumber(t.dims) > MAX_TENSOR_ELEMENTS)
      throw new InputError(
        `${describeNode(node)}: its output of ${formatDims(t.dims)} elements is past 2^53 − 1`,
      );
    tensors.set(name, t);
  }
}

/** Every tensor of the graph by name: inputs, initializers and each node's outputs. */
export function inferTensors(graph: TensorGraph): Map<string, Tensor> {
  const tensors = new Map<string, Tensor>([...graph.initializers, ...graph.inputs]);
  for (const node of graph.nodes) inferNode(node, tensors);
  return tensors;
}
