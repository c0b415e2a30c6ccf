/**
 * A tensor graph: what an importer lowers a file onto and the engine counts. Nodes are in an order
 * where every tensor is written before it is read; each node is an op kind with its attributes, reading
 * tensors by name in the kind's own input positions.
 */
import type { AttrsOf, OpKindName } from "./registry.js";
import type { Tensor } from "./tensor.js";
import type { NodeFlags } from "./work.js";

export type GraphNode = {
  [K in OpKindName]: {
    /** The node's name in the file. */
    readonly name: string;
    /** The file's operator (Conv, Relu, QLinearConv, …): what a report shows, and what some work depends on. */
    readonly op: string;
    readonly kind: K;
    readonly attrs: AttrsOf<K>;
    /** Tensors read, in the kind's input positions; undefined for an omitted optional input. */
    readonly inputs: readonly (string | undefined)[];
    /** Tensors it reads besides (a quantized op's scales and zero points): not part of its shape rule. */
    readonly extraInputs?: readonly string[];
    /** Tensors written; "" for an output the file does not use. */
    readonly outputs: readonly string[];
    /** The module it belongs to, as its exporter's names say (a report's block); absent: its own. */
    readonly block?: string;
    /**
     * The file's node it lowers, as a graph viewer keys it (Model Explorer's node data): an ONNX node's
     * name (`<node_i>` for an unnamed one, as onnx-ir names it), a TFLite operator's first output tensor.
     */
    readonly source?: string;
    /**
     * The standard (ONNX) operator the node is, where the file names it otherwise (TensorFlow Lite's
     * LOGISTIC is Sigmoid): what patterns of several nodes read.
     */
    readonly standard?: string;
    /**
     * It writes its output over its input (TFLite's fused activation, part of the operator before it):
     * the memory models count the two as one tensor.
     */
    readonly inPlace?: boolean;
  } & NodeFlags;
}[OpKindName];

/** The node's standard (ONNX) operator: its own, unless the file names it otherwise. */
export const standardOp = (node: { readonly op: string; readonly standard?: string }): string =>
  node.standard ?? node.op;

export interface TensorGraph {
  /** The graph's data inputs, their dims settled (a dynamic batch is 1). */
  readonly inputs: ReadonlyMap<string, Tensor>;
  /**
   * Weights and constants the file stores (their values only when small): initializers, and the weight
   * inputs of a file exported without its weights.
   */
  readonly initializers: ReadonlyMap<string, Tensor>;
  readonly nodes: readonly GraphNode[];
}
