/**
 * TensorFlow Lite files → TfliteModel: the flatbuffer decoding (io/tflite-flatbuffer.ts) over a file
 * read a page at a time (io/paged-byte-buffer.ts). Bundled apart and loaded only when a .tflite file is
 * read.
 */
import type { TfliteModel } from "../model/tflite/graph.js";
import { PagedByteBuffer } from "./paged-byte-buffer.js";
import { decodeTfliteModel } from "./tflite-flatbuffer.js";

export { decodeTfliteModel } from "./tflite-flatbuffer.js";

/** A TFLite file read from its descriptor a page at a time: its weights are never read. */
export const decodeTfliteFile = (fd: number, size: number, file: string): TfliteModel =>
  decodeTfliteModel(new PagedByteBuffer(fd, size), file);
