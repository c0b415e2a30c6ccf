/**
 * A decoded TensorFlow Lite file → a ModelSpec holding its graph (model/schema.ts FixedGraph), so every
 * command counts it as it counts a built-in model or an ONNX file: the tensor-graph engine counts its
 * first subgraph (the one TFLite runs). Each operator's output as the kinds' rules infer it is checked
 * against the shape the file declares, at the file's own size: a file the engine reads otherwise is
 * refused. No I/O: the CLI reads the file (io/read-tflite-model.ts), the page takes its bytes.
 */
import { InputError } from "../errors.js";
import { useGraphCounting } from "../evaluate/graph-counting.js";
import { costFixedGraph, evaluateGraphModel } from "../evaluate/graph-model.js";
import { formatDims, sameDims } from "../graph/dims.js";
import type { TensorGraph } from "../graph/graph.js";
import { inferTensors } from "../graph/infer.js";
import { batchOf, imageAxes, measureAt } from "../model/onnx/fixed-graph.js";
import type { FixedGraph, ModelSpec } from "../model/schema.js";
import type { TfliteModel } from "../model/tflite/graph.js";
import { dataInputOf, lowerTflite, tensorNames } from "../model/tflite/lower.js";
import type { ModelReadOptions } from "./onnx-model.js";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Refuses an operator whose output the kinds infer otherwise than the file declares it. */
function checkDeclaredShapes(model: TfliteModel, graph: TensorGraph, file: string): void {
  const g = model.subgraphs[0]!;
  const names = tensorNames(g);
  const inferred = inferTensors(graph);
  for (const [at, op] of g.operators.entries())
    for (const index of op.outputs) {
      const declared = g.tensors[index]!.shape;
      const dims = inferred.get(names[index]!)?.dims;
      if (dims && !sameDims(dims, declared))
        throw new InputError(
          `${file}: operator ${at + 1} (${op.op}) writes '${names[index]}' as ${formatDims(dims)}, where the file declares ${formatDims(declared)}`,
        );
    }
}

function readingNotes(model: TfliteModel, graph: TensorGraph): string[] {
  const g = model.subgraphs[0]!;
  const notes = [
    `read from TensorFlow Lite: ${model.description || "no description"} (schema version ${model.version}), ${plural(g.operators.length, "operator")}`,
    "weights in the file's own element types (int8 weights 1 byte each, int32 biases 4); every activation counts as a module",
  ];
  const quantized = g.tensors.filter((t) => t.bytes > 0 && t.quantization);
  if (quantized.length > 0) {
    const perChannel = quantized.filter((t) => t.quantization!.scales > 1).length;
    const types = [...new Set(g.tensors.filter((t) => t.quantization).map((t) => t.type.toLowerCase()))].join(
      ", ",
    );
    notes.push(
      `quantized (${types}): ${plural(perChannel, "constant")} per channel, ${quantized.length - perChannel} per tensor`,
    );
  }
  const custom = graph.nodes.filter((node) => node.kind === "declared");
  if (custom.length > 0) {
    // each constant they read once, by its name in the lowered graph
    const constants = new Set(custom.flatMap((node) => node.inputs).filter((name) => name !== undefined));
    const names = tensorNames(g);
    const bytes = g.tensors.reduce((sum, t, i) => sum + (constants.has(names[i]!) ? t.bytes : 0), 0);
    notes.push(
      `custom operators, counted as zero with the shapes the file declares: ${[...new Set(custom.map((n) => n.op.replace(/^CUSTOM:/, "")))].join(", ")} (${plural(custom.length, "node")}, reading ${bytes.toLocaleString("en-US")} constant bytes)`,
    );
  }
  if (model.subgraphs.length > 1)
    notes.push(
      `${plural(model.subgraphs.length - 1, "more subgraph")} (the bodies of control flow: ${model.subgraphs
        .slice(1)
        .map((s) => `${s.name}, ${plural(s.operators.length, "operator")}`)
        .join("; ")}) not counted: only the first, the one TFLite runs`,
    );
  return notes;
}

/** The model of a decoded TensorFlow Lite file named `file`. */
export function tfliteModelSpec(model: TfliteModel, file: string, options: ModelReadOptions = {}): ModelSpec {
  useGraphCounting({ evaluate: evaluateGraphModel, costAt: costFixedGraph });
  const g = model.subgraphs[0];
  if (!g) throw new InputError(`${file}: the model has no subgraph`);
  const names = tensorNames(g);
  const data = dataInputOf(g);
  const input = data === undefined ? undefined : g.tensors[data];
  // N×H×W×C as TFLite's operators read, unless the file keeps a converter's N×C×H×W
  const image = input && imageAxes(input.shape, true);
  const [height, width] = image ? [input!.shape[image.axes[0]]!, input!.shape[image.axes[1]]!] : [1, 1];
  const resolution = { height, width };
  const sizeAt =
    (h: number, w: number) =>
    (axis: number): number | undefined =>
      axis === image?.axes[0] ? h : axis === image?.axes[1] ? w : undefined;
  const graph: FixedGraph = {
    format: "TensorFlow Lite",
    file,
    // a model of another input (audio, a vector) is counted at its own size whatever --resolution says
    lower: ({ height: h, width: w }) => lowerTflite(model, image ? { sizeOf: sizeAt(h, w) } : {}),
    ...(image && { image: { input: names[data!]!, axes: image.axes } }),
    ...(height !== width && { resolution }),
    ...(options.perImage && { perImage: true }),
  };
  const { lowered, measure } = measureAt(graph, resolution);
  checkDeclaredShapes(model, lowered, file);
  const batch = batchOf(lowered);
  // a classifier's output: N×classes (a 1×1 conv's, reshaped, as often as an FC's)
  const output = g.outputs[0] === undefined ? undefined : g.tensors[g.outputs[0]]?.shape;
  const classifier = [...measure.rows].reverse().find((row) => row.type === "fc");
  const classes = output?.length === 2 ? output[1]! : (classifier?.outputs[0]?.dims.at(-1) ?? 0);
  return {
    name: file.replace(/\.tflite$/i, ""),
    source: `TensorFlow Lite file ${file} (${model.description || "no description"})`,
    notes: [
      ...readingNotes(model, lowered),
      ...(batch !== 1 ? [`batch ${batch}, as the file declares: every count is for ${batch} images`] : []),
    ],
    input: { resolution: height, channels: image ? input!.shape[image.channelAxis]! : 0 },
    width_rule: "make-divisible-8",
    classes,
    layers: [],
    graph,
  };
}
