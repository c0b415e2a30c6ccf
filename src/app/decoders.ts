/**
 * The decoders of a file dropped on the calculator page: ONNX's protobuf and TensorFlow Lite's
 * flatbuffers, the CLI's own (io/onnx-graph.ts, io/tflite-flatbuffer.ts). Built apart
 * (scripts/bundle-app.mjs) and kept gzipped in the page, run only when a file is dropped: they set
 * `globalThis.mbnDecoders`, which turns bytes into the graphs the page's script counts.
 */
import type { OnnxGraph } from "../model/onnx/graph.js";
import type { TfliteModel } from "../model/tflite/graph.js";
import { decodeOnnxModel } from "../io/onnx-decoder.js";
import { onnxGraphOf } from "../io/onnx-graph.js";
import { decodeTfliteModel } from "../io/tflite-flatbuffer.js";

export interface Decoders {
  readonly onnx: (bytes: Uint8Array, file: string) => OnnxGraph;
  readonly tflite: (bytes: Uint8Array, file: string) => TfliteModel;
}

const decoders: Decoders = {
  onnx: (bytes, file) => onnxGraphOf(() => decodeOnnxModel(bytes), file),
  tflite: decodeTfliteModel,
};
(globalThis as { mbnDecoders?: Decoders }).mbnDecoders = decoders;
