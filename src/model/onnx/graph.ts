/**
 * An ONNX graph as mbn-cost reads it: plain data, no protobuf types. The
 * reader (io/read-onnx.ts) fills it from a file; the lowering onto the
 * tensor-graph engine's kinds (model/onnx/lower.ts) is pure and works on this alone. Weights are
 * never read: only the shapes of initializers and graph inputs, and the
 * values of small constants (Clip bounds, ReduceMean axes, Reshape targets).
 */

/** Which convs with a bias hold a folded BatchNorm: PyTorch's renamed weights tell (auto), or all, or none. */
export const FOLDED_NORMS = ["auto", "all", "none"] as const;
export type FoldedNorms = (typeof FOLDED_NORMS)[number];

/** A dimension: a size, the name of a symbolic size, or unknown. */
export type OnnxDim = number | string | undefined;

export interface OnnxValueInfo {
  readonly name: string;
  /** Undefined when the file gives no shape. */
  readonly dims: readonly OnnxDim[] | undefined;
  /** ONNX's element type number (TensorProto.DataType), when the file gives it. */
  readonly elemType?: number;
}

/** A constant tensor: its shape, and its values when it is small enough to matter (at most SMALL_TENSOR elements). */
export interface OnnxConstant {
  readonly dims: readonly number[];
  readonly values?: readonly number[];
  /** ONNX's element type number (TensorProto.DataType). */
  readonly dataType?: number;
}

/** Elements of a tensor of these dims. */
export const product = (dims: readonly number[]): number => dims.reduce((a, d) => a * d, 1);

/** Constants with more elements than this keep only their shape. */
export const SMALL_TENSOR = 64;

export interface OnnxAttribute {
  readonly i?: number;
  readonly f?: number;
  readonly ints?: readonly number[];
  readonly floats?: readonly number[];
  readonly s?: string;
  readonly t?: OnnxConstant;
}

export interface OnnxNode {
  /** The node's own name; the reader names unnamed nodes `<OpType>_<index>`. */
  readonly name: string;
  /** Its id in a graph viewer: its own name, or `<node_index>` (onnx-ir's, Model Explorer's) when it has none. */
  readonly source?: string;
  readonly opType: string;
  /** "" for the standard operator set. */
  readonly domain: string;
  /** Input tensor names; "" for an omitted optional input. */
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly attributes: Readonly<Record<string, OnnxAttribute>>;
}

export interface OnnxGraph {
  /** The producer and its version, e.g. "pytorch 1.13.0". */
  readonly producer: string;
  /** The standard operator set's version. */
  readonly opset: number;
  readonly irVersion: number;
  readonly inputs: readonly OnnxValueInfo[];
  /** The shapes the file declares for other tensors (value_info and outputs), when it declares them. */
  readonly declared?: readonly OnnxValueInfo[];
  readonly initializers: ReadonlyMap<string, OnnxConstant>;
  readonly nodes: readonly OnnxNode[];
}
