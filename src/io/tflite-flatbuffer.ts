/**
 * A TensorFlow Lite flatbuffer → TfliteModel (model/tflite/graph.ts), with the `flatbuffers` runtime and
 * readers flatc generated from TFLite's schema (io/tflite/schema.generated.ts); no I/O, so the
 * calculator page decodes a dropped file with it too. Weights are never decoded: a tensor's constant
 * data is measured (its bytes), and read only for small integer constants.
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
const TFLITE_IDENTIFIER = "TFL3";

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

/** The values of a small constant of an integer type: its buffer's bytes read one by one (at most 512). */
function smallValues(type: string, buffer: schema.Buffer, bytes: number): number[] | undefined {
  const reader = Object.hasOwn(INTEGER_READERS, type) ? INTEGER_READERS[type] : undefined;
  if (!reader || bytes % reader.width !== 0 || bytes / reader.width > SMALL_CONSTANT) return undefined;
  const data = Uint8Array.from({ length: bytes }, (_, i) => buffer.data(i)!);
  const view = new DataView(data.buffer);
  return Array.from({ length: bytes / reader.width }, (_, i) => reader.read(view, i * reader.width));
}

/** A vector field as an array, read element by element (the generated *Array() readers need the file in memory). */
const vectorOf = (length: number, at: (i: number) => number | null): number[] =>
  Array.from({ length }, (_, i) => at(i) ?? 0);

/**
 * A buffer's bytes: inline data (measured, never read past a small constant), or (files past 2 GB) an
 * offset and size outside the flatbuffer.
 */
function bufferOf(model: schema.Model, index: number) {
  const buffer = index > 0 && index < model.buffersLength() ? model.buffers(index) : null;
  if (!buffer) return { bytes: 0, buffer: null };
  const inline = buffer.dataLength();
  return { bytes: inline > 0 ? inline : Number(buffer.size()), buffer: inline > 0 ? buffer : null };
}

function tensorOf(model: schema.Model, t: schema.Tensor, index: number): TfliteTensor {
  const type = schema.TensorType[t.type()] ?? `type ${t.type()}`;
  const { bytes, buffer } = bufferOf(model, t.buffer());
  const values = buffer ? smallValues(type, buffer, bytes) : undefined;
  const q = t.quantization();
  const scales = q?.scaleLength() ?? 0;
  return {
    name: t.name() ?? `tensor_${index}`,
    shape: vectorOf(t.shapeLength(), (i) => t.shape(i)),
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
    const length = table[`${field}Length`] as (() => number) | undefined;
    if (length) options[field] = vectorOf(length.call(table), (i) => read.call(table, i) as number | null);
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

/** Past this, a dimension is not a tensor's but a damaged file's. */
const MAX_DIM = 2 ** 31 - 1;

/** Refuses tensor indices outside the subgraph's tensors and dims that are no sizes: a damaged file. */
function checkIndices(tensors: readonly TfliteTensor[], operators: readonly TfliteOperator[], file: string) {
  for (const [i, t] of tensors.entries())
    if (t.shape.some((d) => !Number.isSafeInteger(d) || d < 0 || d > MAX_DIM))
      throw new InputError(
        `${file}: tensor ${i} ('${t.name}') has shape [${t.shape.join(", ")}]: dims are sizes from 0 to 2^31 − 1`,
      );
  // the first entry is the subgraph's own inputs and outputs, then each operator
  for (const [at, op] of operators.entries()) {
    const bad = [...op.inputs.filter((i) => i !== -1), ...op.outputs].find(
      (i) => !(i >= 0 && i < tensors.length),
    );
    const what = at === 0 ? op.op : `operator ${at} (${op.op})`;
    if (bad !== undefined)
      throw new InputError(`${file}: ${what} names tensor ${bad}, and the subgraph has ${tensors.length}`);
  }
}

/** A TFLite flatbuffer: bytes in memory, or a file read a page at a time (io/paged-byte-buffer.ts). */
export function decodeTfliteModel(source: Uint8Array | flatbuffers.ByteBuffer, file: string): TfliteModel {
  const bb = source instanceof Uint8Array ? new flatbuffers.ByteBuffer(source) : source;
  const identifier =
    bb.capacity() >= 8 ? String.fromCharCode(...[4, 5, 6, 7].map((i) => bb.readUint8(i))) : "";
  if (identifier !== TFLITE_IDENTIFIER)
    throw new InputError(`${file}: not a TensorFlow Lite file (no TFL3 identifier)`);
  try {
    const model = schema.Model.getRootAsModel(bb);
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
          inputs: vectorOf(op.inputsLength(), (j) => op.inputs(j)),
          outputs: vectorOf(op.outputsLength(), (j) => op.outputs(j)),
          options: optionsOf(op),
        };
      });
      const inputs = vectorOf(g.inputsLength(), (j) => g.inputs(j));
      const outputs = vectorOf(g.outputsLength(), (j) => g.outputs(j));
      const graphIo: TfliteOperator = {
        op: "the subgraph's inputs and outputs",
        inputs,
        outputs,
        options: {},
      };
      checkIndices(tensors, [graphIo, ...operators], file);
      return { name: g.name() ?? `subgraph_${s}`, tensors, inputs, outputs, operators };
    });
    return { version: model.version(), description: model.description() ?? "", subgraphs };
  } catch (error) {
    if (error instanceof InputError) throw error;
    // a damaged flatbuffer reads past its end or into nonsense
    throw new InputError(`${file}: not a valid TensorFlow Lite file (${(error as Error).message})`);
  }
}
