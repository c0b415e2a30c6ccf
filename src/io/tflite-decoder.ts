/**
 * TensorFlow Lite files → TfliteModel (model/tflite/graph.ts), with the `flatbuffers` runtime and
 * readers flatc generated from TFLite's schema (io/tflite/schema.generated.ts). Bundled apart and loaded
 * only when a .tflite file is read. Weights are never decoded: a tensor's constant data is measured
 * (its bytes), and read only for small integer constants.
 */
import * as flatbuffers from "flatbuffers";
import { InputError } from "../errors.js";
import {
  SMALL_CONSTANT,
  type TfliteModel,
  type TfliteOperator,
  type TfliteTensor,
} from "../model/tflite/graph.js";
import * as schema from "./tflite/schema.generated.js";

/** The file identifier TFLite writes at bytes 4–7. */
export const TFLITE_IDENTIFIER = "TFL3";

/** Whether these bytes begin a TFLite flatbuffer (its identifier, whatever the file is called). */
export const isTfliteBytes = (head: Uint8Array): boolean =>
  head.length >= 8 && String.fromCharCode(...head.subarray(4, 8)) === TFLITE_IDENTIFIER;

/** Readers of small constant integer data, by tensor type: width and reader. */
const INTEGER_READERS: Readonly<
  Record<string, { width: number; read: (v: DataView, at: number) => number }>
> = {
  INT32: { width: 4, read: (v, at) => v.getInt32(at, true) },
  INT64: { width: 8, read: (v, at) => Number(v.getBigInt64(at, true)) },
  INT16: { width: 2, read: (v, at) => v.getInt16(at, true) },
  INT8: { width: 1, read: (v, at) => v.getInt8(at) },
  UINT8: { width: 1, read: (v, at) => v.getUint8(at) },
};

function smallValues(type: string, data: Uint8Array | null): number[] | undefined {
  const reader = Object.hasOwn(INTEGER_READERS, type) ? INTEGER_READERS[type] : undefined;
  if (!reader || !data || data.byteLength % reader.width !== 0) return undefined;
  const count = data.byteLength / reader.width;
  if (count > SMALL_CONSTANT) return undefined;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return Array.from({ length: count }, (_, i) => reader.read(view, i * reader.width));
}

/** A buffer's bytes: inline data, or (files past 2 GB) an offset and size outside the flatbuffer. */
function bufferOf(model: schema.Model, index: number) {
  const buffer = index > 0 && index < model.buffersLength() ? model.buffers(index) : null;
  if (!buffer) return { bytes: 0, data: null };
  const inline = buffer.dataLength();
  if (inline > 0) return { bytes: inline, data: buffer.dataArray() };
  return { bytes: Number(buffer.size()), data: null };
}

function tensorOf(model: schema.Model, t: schema.Tensor, index: number): TfliteTensor {
  const type = schema.TensorType[t.type()] ?? `type ${t.type()}`;
  const { bytes, data } = bufferOf(model, t.buffer());
  const values = bytes > 0 ? smallValues(type, data) : undefined;
  const q = t.quantization();
  const scales = q?.scaleLength() ?? 0;
  return {
    name: t.name() ?? `tensor_${index}`,
    shape: [...(t.shapeArray() ?? [])],
    type,
    bytes,
    ...(values && { values }),
    ...(scales > 0 && { quantization: { scales, axis: q!.quantizedDimension() } }),
    ...(t.isVariable() && { variable: true }),
  };
}

type OptionsTable = { __init(i: number, bb: flatbuffers.ByteBuffer): unknown } & Record<string, unknown>;

/**
 * An operator's builtin options as plain values: every scalar field of its options table, and every
 * vector as an array, by the schema's field names.
 */
function optionsOf(op: schema.Operator): TfliteOperator["options"] {
  const name = schema.BuiltinOptions[op.builtinOptionsType()];
  const Table = name && name !== "NONE" ? (schema as unknown as Record<string, unknown>)[name] : undefined;
  if (typeof Table !== "function") return {};
  const table = op.builtinOptions(new (Table as new () => OptionsTable)()) as OptionsTable | null;
  if (!table) return {};
  const options: Record<string, number | boolean | readonly number[]> = {};
  for (const field of Object.getOwnPropertyNames(Object.getPrototypeOf(table))) {
    if (field === "constructor" || field.startsWith("__") || /Length$|Array$/.test(field)) continue;
    const read = table[field] as (...args: unknown[]) => unknown;
    const vector = table[`${field}Array`] as (() => ArrayLike<number> | null) | undefined;
    if (vector) options[field] = Array.from(vector.call(table) ?? []);
    else if (read.length === 0) {
      const value = read.call(table);
      if (typeof value === "number" || typeof value === "boolean") options[field] = value;
      else if (typeof value === "bigint") options[field] = Number(value);
    }
  }
  return options;
}

/** Max(builtin_code, deprecated_builtin_code), as TFLite reads it; a custom op by its custom_code. */
function opName(code: schema.OperatorCode | null): string {
  if (!code) return "UNKNOWN";
  const builtin = Math.max(code.builtinCode(), code.deprecatedBuiltinCode());
  if (builtin === schema.BuiltinOperator.CUSTOM) return `CUSTOM:${code.customCode() ?? "?"}`;
  return schema.BuiltinOperator[builtin] ?? `BUILTIN_${builtin}`;
}

export function decodeTfliteModel(bytes: Uint8Array, file: string): TfliteModel {
  if (!isTfliteBytes(bytes)) throw new InputError(`${file}: not a TensorFlow Lite file (no TFL3 identifier)`);
  try {
    const model = schema.Model.getRootAsModel(new flatbuffers.ByteBuffer(bytes));
    const codes = Array.from({ length: model.operatorCodesLength() }, (_, i) =>
      opName(model.operatorCodes(i)),
    );
    const subgraphs = Array.from({ length: model.subgraphsLength() }, (_, s) => {
      const g = model.subgraphs(s)!;
      const tensors = Array.from({ length: g.tensorsLength() }, (_, i) => tensorOf(model, g.tensors(i)!, i));
      const operators = Array.from({ length: g.operatorsLength() }, (_, i): TfliteOperator => {
        const op = g.operators(i)!;
        return {
          op: codes[op.opcodeIndex()] ?? `opcode ${op.opcodeIndex()}`,
          inputs: [...(op.inputsArray() ?? [])],
          outputs: [...(op.outputsArray() ?? [])],
          options: optionsOf(op),
        };
      });
      return {
        name: g.name() ?? `subgraph_${s}`,
        tensors,
        inputs: [...(g.inputsArray() ?? [])],
        outputs: [...(g.outputsArray() ?? [])],
        operators,
      };
    });
    return { version: model.version(), description: model.description() ?? "", subgraphs };
  } catch (error) {
    if (error instanceof InputError) throw error;
    // a damaged flatbuffer reads past its end or into nonsense
    throw new InputError(`${file}: not a valid TensorFlow Lite file (${(error as Error).message})`);
  }
}
