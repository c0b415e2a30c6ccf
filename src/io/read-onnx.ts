/**
 * ONNX files → OnnxGraph (model/onnx/graph.ts). Decoding uses onnx-buf (the
 * ONNX 1.20 schema compiled for @bufbuild/protobuf; io/onnx-decoder.ts),
 * loaded only when an .onnx file is named. The file is not read whole: the
 * decoder gets its skeleton (io/onnx-skeleton.ts), every field but the data
 * of large tensors, so memory follows the graph, not the weights (`npm run
 * bench` measures a 300 MB file). Weights stored as external data are not
 * opened at all: only shapes are needed.
 */
import { closeSync } from "node:fs";
import { basename } from "node:path";
import type { OnnxGraph } from "../model/onnx/graph.js";
import { onnxGraphOf } from "./onnx-graph.js";
import { readOnnxSkeleton } from "./onnx-skeleton.js";
import { openRegularFile } from "./open-input.js";

/** Reads and decodes an ONNX file; every problem is one InputError line naming the file. */
export async function readOnnxFile(path: string, shown: string = basename(path)): Promise<OnnxGraph> {
  const fd = openRegularFile(path, shown, "ONNX", { orStandardInput: false });
  try {
    const { decodeOnnxModel } = await import("./onnx-decoder.js");
    return onnxGraphOf(() => decodeOnnxModel(readOnnxSkeleton(fd)), shown);
  } finally {
    closeSync(fd);
  }
}
