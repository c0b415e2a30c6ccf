/**
 * A TensorFlow Lite model as mbn-cost reads it: plain data, no flatbuffer types. The decoder
 * (io/tflite-decoder.ts) fills it from a file; the lowering onto the tensor-graph engine's kinds
 * (model/tflite/lower.ts) is pure and works on this alone. Weights are never read: only each tensor's
 * shape, type and bytes, and the values of small integer constants (a Reshape's shape, a Mean's axes,
 * a Pad's paddings).
 */

/** A tensor as the file declares it. */
export interface TfliteTensor {
  readonly name: string;
  /** Its dims as stored (NHWC for maps); a dynamic dim is the size the file was converted at. */
  readonly shape: readonly number[];
  /** The file's element type by schema name (FLOAT32, INT8, …). */
  readonly type: string;
  /** Bytes of its constant data: 0 for a computed tensor. */
  readonly bytes: number;
  /** Its values, when it is a constant integer tensor of at most SMALL_CONSTANT elements. */
  readonly values?: readonly number[];
  /** Quantized: one scale per channel (with the channel axis) or one for the tensor. */
  readonly quantization?: { readonly scales: number; readonly axis: number };
  /** A variable (an LSTM's state): written by the model as it runs, not a weight. */
  readonly variable?: boolean;
}

/** An operator: its op code's name (BuiltinOperator, or CUSTOM:<custom_code>) and its options as read. */
export interface TfliteOperator {
  readonly op: string;
  /** Tensor indices; −1 for an omitted optional input. */
  readonly inputs: readonly number[];
  readonly outputs: readonly number[];
  /** Its builtin options, by the schema's field names in camelCase (strideW, padding, fusedActivationFunction…). */
  readonly options: Readonly<Record<string, number | boolean | readonly number[]>>;
}

export interface TfliteSubgraph {
  readonly name: string;
  readonly tensors: readonly TfliteTensor[];
  readonly inputs: readonly number[];
  readonly outputs: readonly number[];
  readonly operators: readonly TfliteOperator[];
}

export interface TfliteModel {
  /** The schema version (3). */
  readonly version: number;
  /** The converter's description, e.g. "TOCO Converted." or "MLIR Converted.". */
  readonly description: string;
  readonly subgraphs: readonly TfliteSubgraph[];
}

/** Integer constants with more elements than this keep only their shape. */
export const SMALL_CONSTANT = 64;
