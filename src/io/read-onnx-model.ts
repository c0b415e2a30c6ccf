/**
 * An ONNX file → a ModelSpec whose ops are the file's graph (model/onnx/),
 * so every command counts it as it counts a built-in model.
 */
import { basename } from "node:path";
import { InputError } from "../errors.js";
import { graphToNetwork, type OnnxMappingOptions } from "../model/onnx/to-ops.js";
import type { ModelSpec } from "../model/schema.js";
import { readOnnxFile } from "./read-onnx.js";

/** Options of reading a model file, besides its path. */
export type ModelReadOptions = OnnxMappingOptions;

export async function readOnnxModel(path: string, options: ModelReadOptions = {}): Promise<ModelSpec> {
  const file = basename(path);
  const graph = await readOnnxFile(path, file);
  const network = (() => {
    try {
      return graphToNetwork(graph, options);
    } catch (error) {
      if (error instanceof InputError) throw new InputError(`${file}: ${error.message}`);
      throw error;
    }
  })();
  const { height, width, channels } = network.input;
  const oblong = height !== undefined && width !== undefined && height !== width;
  const classifier = [...network.ops].reverse().find((op) => op.kind === "fc");
  return {
    name: file.replace(/\.onnx$/i, ""),
    source: `ONNX file ${file} (${graph.producer}, opset ${graph.opset})`,
    notes: [
      ...network.notes,
      ...(height === undefined
        ? ["the input's height and width are dynamic: counted at --resolution (default 224)"]
        : []),
    ],
    input: { resolution: height ?? 224, channels },
    width_rule: "make-divisible-8",
    classes: classifier?.kind === "fc" ? classifier.out : 0,
    layers: [],
    graph: { ops: network.ops, file, ...(oblong ? { resolution: { height, width } } : {}) },
  };
}
