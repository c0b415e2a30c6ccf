/** An ONNX file → the ModelSpec every command counts (io/onnx-model.ts), read by io/read-onnx.ts. */
import { basename } from "node:path";
import type { ModelSpec } from "../model/schema.js";
import { type ModelReadOptions, onnxModelSpec } from "./onnx-model.js";
import { readOnnxFile } from "./read-onnx.js";

export type { ModelReadOptions } from "./onnx-model.js";

export async function readOnnxModel(path: string, options: ModelReadOptions = {}): Promise<ModelSpec> {
  const file = basename(path);
  return onnxModelSpec(await readOnnxFile(path, file), file, options);
}
