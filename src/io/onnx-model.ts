/**
 * An ONNX graph → a ModelSpec holding it (model/onnx/fixed-graph.ts), so every command counts it as it
 * counts a built-in model; the tensor-graph engine counts it at each size asked. The graph is lowered
 * and its tensors inferred once here, at its own size: a graph the engine cannot count is refused
 * before any report. No I/O: the CLI reads the file (io/read-onnx-model.ts), the page takes its bytes.
 */
import type { GraphMeasure } from "../graph/cost.js";
import type { TensorGraph } from "../graph/graph.js";
import {
  batchOf,
  DYNAMIC_SIDE,
  dataInputOf,
  imageAxes,
  measureAt,
  onnxLowering,
} from "../model/onnx/fixed-graph.js";
import type { OnnxGraph } from "../model/onnx/graph.js";
import { isPytorchExport } from "../model/onnx/exporter-names.js";
import type { GraphReading } from "../model/onnx/lower.js";
import type { FixedGraph, ModelSpec } from "../model/schema.js";
import { useGraphCounting } from "../evaluate/graph-counting.js";
import { costFixedGraph, evaluateGraphModel } from "../evaluate/graph-model.js";

/** Options of reading a model file, besides its path. */
export type ModelReadOptions = GraphReading & {
  /** Count MACs per image: divided by the batch the file declares. */
  readonly perImage?: boolean;
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** How convs with a bias were read: as holding a folded BatchNorm, or as biased. */
function foldingNote(onnx: OnnxGraph, graph: TensorGraph, reading: GraphReading): string | undefined {
  const rule = reading.foldedNorms ?? "auto";
  const folded = graph.nodes.filter((node) => node.foldedNorm).length;
  const why =
    rule === "all"
      ? "--folded-bn all: every conv with a bias"
      : "the exporter renamed their weights onnx::Conv_*; --folded-bn all|none to say otherwise";
  if (folded > 0)
    return `${plural(folded, "conv")} ${folded === 1 ? "holds" : "hold"} a folded BatchNorm (${why}): each counts as conv + BN, its bias as BN's shift`;
  if (rule === "none") return "--folded-bn none: conv biases count as biases";
  if (!isPytorchExport(onnx))
    return "not a PyTorch export: conv biases count as biases (--folded-bn all if they are folded BatchNorms)";
  return undefined;
}

function readingNotes(onnx: OnnxGraph, graph: TensorGraph, measure: GraphMeasure, reading: GraphReading) {
  const notes = [
    `read from ONNX: ${onnx.producer}, opset ${onnx.opset}, ${plural(onnx.nodes.length, "node")}`,
  ];
  const folding = foldingNote(onnx, graph, reading);
  if (folding) notes.push(folding);
  const functional = graph.nodes.filter((node) => node.functional === true).length;
  notes.push(
    isPytorchExport(onnx)
      ? `module boundaries read from the exporter's scope names: pools and ReLUs called as functions: ${functional} (the rest are modules); other activations all count as modules, as in the built-in models`
      : "not a PyTorch export: every pool and activation counts as a module",
  );
  const declared = graph.nodes.filter((node) => node.kind === "declared").map((node) => node.op);
  if (declared.length > 0)
    notes.push(
      `outside the standard domain, counted as zero with the output shapes the file declares (--allow-unknown): ${[...new Set(declared)].join(", ")}`,
    );
  if (measure.shared.size > 0)
    notes.push(
      `${plural(measure.shared.size, "stored tensor is", "stored tensors are")} read as parameters by several nodes (tied weights): each counted once, at its first reader`,
    );
  return notes;
}

/** The model of a decoded ONNX file named `file`. */
export function onnxModelSpec(onnx: OnnxGraph, file: string, options: ModelReadOptions = {}): ModelSpec {
  // the engine counts what this returns: loaded with the file, never for a built-in model
  useGraphCounting({ evaluate: evaluateGraphModel, costAt: costFixedGraph });
  const data = dataInputOf(onnx);
  const image = data && imageAxes(data.dims);
  const side = (axis: number | undefined) => {
    const d = axis === undefined ? undefined : data?.dims?.[axis];
    return typeof d === "number" && d > 0 ? d : undefined;
  };
  const height = side(image?.axes[0]);
  const width = side(image?.axes[1]);
  const resolution = { height: height ?? DYNAMIC_SIDE, width: width ?? DYNAMIC_SIDE };
  const { perImage, ...lowering } = options;
  const imageInput = data && image && { input: data.name, axes: image.axes };
  const graph: FixedGraph = {
    format: "ONNX",
    file,
    lower: onnxLowering(onnx, lowering, imageInput),
    ...(perImage && { perImage: true }),
    ...(imageInput && { image: imageInput }),
    ...(resolution.height !== resolution.width && { resolution }),
  };
  const { lowered, measure } = measureAt(graph, resolution);
  const batch = batchOf(lowered);
  const classifier = [...measure.rows].reverse().find((row) => row.type === "fc");
  return {
    name: file.replace(/\.onnx$/i, ""),
    source: `ONNX file ${file} (${onnx.producer}, opset ${onnx.opset})`,
    notes: [
      ...readingNotes(onnx, lowered, measure, lowering),
      ...(batch !== 1
        ? [
            perImage
              ? `batch ${batch}, as the file declares: MACs are per image (--per-image: divided by ${batch}); parameters and activation memory are the batch's, as it runs`
              : `batch ${batch}, as the file declares: every count is for ${batch} images (--per-image divides MACs by ${batch})`,
          ]
        : []),
      ...(image && height === undefined
        ? [`the input's height and width are dynamic: counted at --resolution (default ${DYNAMIC_SIDE})`]
        : []),
    ],
    input: { resolution: resolution.height, channels: side(image?.channelAxis) ?? 0 },
    width_rule: "make-divisible-8",
    classes: classifier?.outputs[0]?.dims.at(-1) ?? 0,
    layers: [],
    graph,
  };
}
