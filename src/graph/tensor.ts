/**
 * A tensor as the engine knows it: its dims, its element type when known, and
 * its values when they are known and small (shape arithmetic: Shape → Gather →
 * Concat → Reshape; constants such as Reshape targets, Slice bounds, Pad
 * widths). Weights' values are never read.
 */
import type { Dims } from "./dims.js";

/** ONNX's element types by name (onnx/onnx onnx/onnx.proto TensorProto.DataType). */
export const DATA_TYPE_NAMES = {
  1: "float32",
  2: "uint8",
  3: "int8",
  4: "uint16",
  5: "int16",
  6: "int32",
  7: "int64",
  8: "string",
  9: "bool",
  10: "float16",
  11: "float64",
  12: "uint32",
  13: "uint64",
  16: "bfloat16",
} as const satisfies Record<number, string>;
export type DataType = (typeof DATA_TYPE_NAMES)[keyof typeof DATA_TYPE_NAMES];

export const isFloatType = (t: DataType | undefined): boolean =>
  t === "float32" || t === "float16" || t === "float64" || t === "bfloat16";

/** Bytes per element of each element type a weight can have (a string has none). */
const BYTES_PER_ELEMENT: Record<Exclude<DataType, "string">, bigint> = {
  float32: 4n,
  uint8: 1n,
  int8: 1n,
  uint16: 2n,
  int16: 2n,
  int32: 4n,
  int64: 8n,
  bool: 1n,
  float16: 2n,
  float64: 8n,
  uint32: 4n,
  uint64: 8n,
  bfloat16: 2n,
};

/** Bytes an element of this type takes as stored; a tensor whose type the file leaves out is float32. */
export const bytesPerElement = (t: DataType | undefined): bigint =>
  t === undefined || t === "string" ? 4n : BYTES_PER_ELEMENT[t];

/** Values are kept for tensors of at most this many elements. */
export const SMALL_VALUES = 64;

export interface Tensor {
  readonly dims: Dims;
  readonly dtype?: DataType | undefined;
  /** Its values, row-major, when known and at most SMALL_VALUES. */
  readonly values?: readonly number[] | undefined;
}

/** A tensor of these dims with the values, kept only when small. */
export const tensorOf = (dims: Dims, dtype: DataType | undefined, values?: readonly number[]): Tensor =>
  values !== undefined && values.length <= SMALL_VALUES ? { dims, dtype, values } : { dims, dtype };
