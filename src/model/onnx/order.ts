/**
 * The nodes of an ONNX graph in an order where every tensor is written before
 * it is read (the ONNX IR spec requires files to store them so; not every
 * exporter does). A file already in order keeps its order; otherwise the
 * nodes are sorted depth-first, each after the writers of its inputs, in the
 * file's order where that leaves a choice. A graph that cannot be ordered is
 * refused, naming a node: a tensor written twice, an input that nothing
 * writes, a cycle. The walk is iterative, so its depth is not bounded by the
 * call stack.
 */
import { InputError } from "../../errors.js";
import type { OnnxGraph, OnnxNode } from "./graph.js";

const described = (node: OnnxNode) => `${node.opType} '${node.name}'`;

/** Tensor name → index of the node writing it; refuses a tensor written twice or by a node and the file. */
function writersOf(graph: OnnxGraph, given: ReadonlySet<string>): Map<string, number> {
  const writers = new Map<string, number>();
  for (const [index, node] of graph.nodes.entries())
    for (const output of node.outputs) {
      if (output === "") continue;
      const other = writers.get(output);
      if (other !== undefined)
        throw new InputError(
          `${described(node)} writes '${output}', which ${described(graph.nodes[other]!)} writes too: each tensor has one writer`,
        );
      if (given.has(output))
        throw new InputError(
          `${described(node)} writes '${output}', which is a graph input or initializer: each tensor has one writer`,
        );
      writers.set(output, index);
    }
  return writers;
}

/** The writers of a node's inputs (graph inputs and initializers have none); refuses an input nothing provides. */
function dependencies(
  node: OnnxNode,
  writers: ReadonlyMap<string, number>,
  given: ReadonlySet<string>,
): number[] {
  const result: number[] = [];
  for (const name of node.inputs) {
    const writer = writers.get(name);
    if (writer !== undefined) result.push(writer);
    else if (name !== "" && !given.has(name))
      throw new InputError(
        `${described(node)} reads '${name}', which no node, graph input or initializer provides`,
      );
  }
  return result;
}

function isInOrder(dependsOn: readonly (readonly number[])[]): boolean {
  return dependsOn.every((writers, index) => writers.every((writer) => writer < index));
}

function cycleMessage(graph: OnnxGraph, node: number, writer: number): string {
  const through = writer === node ? "" : `, through ${described(graph.nodes[writer]!)}`;
  return `the graph has a cycle: ${described(graph.nodes[node]!)} reads its own output${through}; an ONNX graph is acyclic`;
}

/** Depth-first, each node after the writers of its inputs; a node met again while its own inputs are being placed closes a cycle. */
function sortedIndices(graph: OnnxGraph, dependsOn: readonly (readonly number[])[]): number[] {
  const state = new Uint8Array(dependsOn.length); // 0 unvisited, 1 on the path, 2 placed
  const order: number[] = [];
  for (let root = 0; root < dependsOn.length; root++) {
    if (state[root] === 2) continue;
    const stack: [node: number, next: number][] = [[root, 0]];
    state[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const [node, next] = top;
      const writer = dependsOn[node]![next];
      if (writer === undefined) {
        stack.pop();
        state[node] = 2;
        order.push(node);
        continue;
      }
      top[1] = next + 1;
      if (state[writer] === 1) throw new InputError(cycleMessage(graph, node, writer));
      if (state[writer] === 0) {
        state[writer] = 1;
        stack.push([writer, 0]);
      }
    }
  }
  return order;
}

/** The graph with its nodes in an order where every tensor is written before it is read; refused (one line) where there is none. */
export function orderNodes(graph: OnnxGraph): OnnxGraph {
  const given = new Set([...graph.initializers.keys(), ...graph.inputs.map((i) => i.name)]);
  const writers = writersOf(graph, given);
  const dependsOn = graph.nodes.map((node) => dependencies(node, writers, given));
  if (isInOrder(dependsOn)) return graph;
  return { ...graph, nodes: sortedIndices(graph, dependsOn).map((index) => graph.nodes[index]!) };
}
