/**
 * The parts of an ONNX file that counting needs, without the weights' bytes:
 * a walk over the protobuf wire format (protobuf.dev/programming-guides/encoding)
 * with positioned reads, which copies every field as it is except the data of
 * large tensors (initializers, and tensors held by nodes' attributes, such as
 * Constant weights), whose shape, type and name it keeps. The result is a
 * valid, smaller ModelProto for the decoder, so a file of hundreds of MB is
 * never loaded whole: memory is about the graph's own size (copied fields are
 * copied out of the read window, so windows do not outlive their walk).
 *
 * Text no count reads is dropped whatever its size (a doc_string of 500 MB
 * would otherwise be copied whole): doc strings and metadata of the model,
 * graph, nodes, attributes, value infos and tensors, and the model's
 * training info and local functions.
 *
 * Field numbers from onnx/onnx onnx/onnx.proto (as compiled in onnx-buf
 * 1.20): ModelProto.graph = 7, doc_string = 6, metadata_props = 14,
 * training_info = 20, functions = 25; GraphProto.node = 1, initializer = 5,
 * sparse_initializer = 15, doc_string = 10, input/output/value_info = 11/12/13,
 * metadata_props = 16; NodeProto.attribute = 5, doc_string = 6,
 * metadata_props = 9; AttributeProto.t = 5, g = 6, tensors = 10, graphs = 11,
 * doc_string = 13; ValueInfoProto.doc_string = 3, metadata_props = 4;
 * TensorProto's data fields 4, 5, 6, 7, 9, 10, 11, doc_string = 12,
 * metadata_props = 16.
 */
import { fstatSync, readSync } from "node:fs";
import { InputError } from "../errors.js";

/** Tensors longer than this (encoded) lose their data; shorter ones (Clip bounds, Reshape targets) keep it. */
export const LARGE_TENSOR_BYTES = 4096;

/** What to do with a field: descend into it with these rules (when it is large), or drop it. */
type Rule = { [field: number]: Rule | "drop" };

/** A TensorProto: its data fields and text dropped; dims, type, name and external-data references kept. */
const TENSOR: Rule = {
  4: "drop",
  5: "drop",
  6: "drop",
  7: "drop",
  9: "drop",
  10: "drop",
  11: "drop",
  12: "drop",
  16: "drop",
};
const SPARSE_TENSOR: Rule = { 1: TENSOR, 2: TENSOR };
const VALUE_INFO: Rule = { 3: "drop", 4: "drop" };
const GRAPH: Rule = {
  5: TENSOR,
  15: SPARSE_TENSOR,
  10: "drop",
  11: VALUE_INFO,
  12: VALUE_INFO,
  13: VALUE_INFO,
  16: "drop",
};
// an attribute may hold a tensor (Constant), tensors, or subgraphs (If, Loop)
const ATTRIBUTE: Rule = { 5: TENSOR, 10: TENSOR, 6: GRAPH, 11: GRAPH, 13: "drop" };
GRAPH[1] = { 5: ATTRIBUTE, 6: "drop", 9: "drop" };
const MODEL: Rule = { 7: GRAPH, 6: "drop", 14: "drop", 20: "drop", 25: "drop" };

const WINDOW = 64 * 1024;

/** Positioned reads through a window, so walking many small fields costs few system calls. */
class FileCursor {
  private window = Buffer.alloc(0);
  private windowStart = 0;

  constructor(
    private readonly fd: number,
    readonly size: number,
  ) {}

  private covers(at: number, length: number): boolean {
    return at >= this.windowStart && at + length <= this.windowStart + this.window.length;
  }

  private moveWindow(at: number): void {
    this.window = Buffer.alloc(Math.min(WINDOW, this.size - at));
    this.windowStart = at;
    readSync(this.fd, this.window, 0, this.window.length, at);
  }

  bytes(at: number, length: number): Buffer {
    if (at + length > this.size) throw new InputError("premature end of file");
    if (!this.covers(at, length)) {
      if (length > WINDOW) {
        const out = Buffer.alloc(length);
        readSync(this.fd, out, 0, length, at);
        return out;
      }
      this.moveWindow(at);
    }
    return this.window.subarray(at - this.windowStart, at - this.windowStart + length);
  }

  byteAt(at: number): number {
    if (at >= this.size) throw new InputError("premature end of file");
    if (!this.covers(at, 1)) this.moveWindow(at);
    return this.window[at - this.windowStart]!;
  }

  /** A varint at `at`: its value and the position after it. */
  varint(at: number, end: number): [number, number] {
    let value = 0;
    let scale = 1;
    for (let i = at; i < Math.min(end, at + 10); i++) {
      const byte = this.byteAt(i);
      value += (byte & 0x7f) * scale;
      scale *= 128;
      if (byte < 0x80) return [value, i + 1];
    }
    throw new InputError("a malformed varint");
  }
}

function encodeVarint(value: number): Buffer {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 128) | 0x80);
    rest = Math.floor(rest / 128);
  }
  bytes.push(rest);
  return Buffer.from(bytes);
}

/** Where a field's value ends, for the wire types that carry no length. */
function valueEnd(cursor: FileCursor, wireType: number, at: number, end: number): number {
  if (wireType === 0) return cursor.varint(at, end)[1];
  if (wireType === 1) return at + 8;
  if (wireType === 5) return at + 4;
  throw new InputError(`wire type ${wireType} at byte ${at}: not a protobuf message`);
}

/** Where a field's value starts and ends: after its length for a length-delimited one. */
function valueSpan(cursor: FileCursor, wireType: number, at: number, end: number): [number, number] {
  if (wireType !== 2) return [at, valueEnd(cursor, wireType, at, end)];
  const [length, body] = cursor.varint(at, end);
  return [body, body + length];
}

/** The message in [start, end), its fields copied, dropped or walked by `rule`, as chunks. */
function walk(cursor: FileCursor, start: number, end: number, rule: Rule, chunks: Buffer[]): void {
  let at = start;
  while (at < end) {
    const [tag, afterTag] = cursor.varint(at, end);
    const [body, fieldEnd] = valueSpan(cursor, tag % 8, afterTag, end);
    if (fieldEnd > end) throw new InputError(`a field at byte ${at} runs past its message`);
    const inner = rule[Math.floor(tag / 8)];
    // a field no larger than a large tensor holds none: copied whole (most nodes, small constants)
    const large = tag % 8 === 2 && fieldEnd - body > LARGE_TENSOR_BYTES;
    if (inner !== undefined && inner !== "drop" && large) {
      const parts: Buffer[] = [];
      walk(cursor, body, fieldEnd, inner, parts);
      const size = parts.reduce((n, p) => n + p.length, 0);
      chunks.push(encodeVarint(tag), encodeVarint(size), ...parts);
    } else if (inner !== "drop") {
      chunks.push(Buffer.from(cursor.bytes(at, fieldEnd - at)));
    }
    at = fieldEnd;
  }
}

/** The file open at `fd` (a regular file) as a ModelProto without its large tensors' data or its text. */
export function readOnnxSkeleton(fd: number): Uint8Array {
  const cursor = new FileCursor(fd, fstatSync(fd).size);
  const chunks: Buffer[] = [];
  walk(cursor, 0, cursor.size, MODEL, chunks);
  return Buffer.concat(chunks);
}
