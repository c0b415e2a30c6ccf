/** A TensorFlow Lite file → the ModelSpec every command counts (io/tflite-model.ts). */
import { closeSync, fstatSync } from "node:fs";
import { basename } from "node:path";
import type { TfliteModel } from "../model/tflite/graph.js";
import type { ModelSpec } from "../model/schema.js";
import type { ModelReadOptions } from "./onnx-model.js";
import { openRegularFile } from "./open-input.js";
import { tfliteModelSpec } from "./tflite-model.js";

async function readTfliteFile(path: string, file: string): Promise<TfliteModel> {
  const fd = openRegularFile(path, file, "TensorFlow Lite");
  try {
    const { decodeTfliteFile } = await import("./tflite-decoder.js");
    return decodeTfliteFile(fd, fstatSync(fd).size, file);
  } finally {
    closeSync(fd);
  }
}

export async function readTfliteModel(path: string, options: ModelReadOptions = {}): Promise<ModelSpec> {
  const file = basename(path);
  return tfliteModelSpec(await readTfliteFile(path, file), file, options);
}
