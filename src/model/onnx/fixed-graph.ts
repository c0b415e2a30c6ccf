/**
 * A model read from an ONNX file (model/schema.ts FixedGraph): where its image input's height and width
 * are, and its graph lowered onto the tensor-graph engine's kinds at a size.
 */
import { InputError } from "../../errors.js";
import { type GraphMeasure, measureGraph } from "../../graph/cost.js";
import type { TensorGraph } from "../../graph/graph.js";
import { inferTensors } from "../../graph/infer.js";
import { type Resolution, squareResolution } from "../resolution.js";
import type { FixedGraph, ModelSpec } from "../schema.js";
import type { OnnxGraph, OnnxValueInfo } from "./graph.js";
import { type GraphReading, lowerGraph } from "./lower.js";

/** A side a dynamic height or width is counted at unless --resolution says otherwise. */
export const DYNAMIC_SIDE = 224;

/** The graph's first data input: the first input that is not an initializer. */
export const dataInputOf = (graph: OnnxGraph): OnnxValueInfo | undefined =>
  graph.inputs.find((info) => !graph.initializers.has(info.name));

const isSmall = (d: unknown) => typeof d === "number" && d > 0 && d <= 4;

/**
 * Where a 4-d image input keeps its channels: in the layout its format's operators read (ONNX's
 * N×C×H×W; TensorFlow Lite's N×H×W×C with `channelsLast`), unless the other axis is a handful of
 * channels and the usual one is not (a TensorFlow converter's N×H×W×C in ONNX, a PyTorch one's N×C×H×W
 * in TFLite, each with a Transpose after it).
 */
export function imageAxes(
  dims: readonly unknown[] | undefined,
  channelsLast = false,
): { readonly channelAxis: number; readonly axes: readonly [number, number] } | undefined {
  if (dims?.length !== 4) return undefined;
  const [usual, other] = channelsLast ? [3, 1] : [1, 3];
  const channelAxis = isSmall(dims[other]) && !isSmall(dims[usual]) ? other : usual;
  return channelAxis === 3 ? { channelAxis, axes: [1, 2] } : { channelAxis, axes: [2, 3] };
}

/** The size a graph is counted at: the one asked, else the file's own (224 for a dynamic side). */
export const graphResolution = (spec: ModelSpec, asked?: number | Resolution): Resolution => {
  const given = asked ?? spec.graph?.resolution ?? spec.input.resolution;
  return typeof given === "number" ? squareResolution(given) : given;
};

/** Runs a step on the file's graph, its refusals prefixed with the file's name. */
export function withFile<T>(file: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`${file}: ${error.message}`);
    throw error;
  }
}

/** The file's graph lowered with its image input at this height and width (refusals name the file). */
export const lowerAt = (graph: FixedGraph, resolution: Resolution): TensorGraph =>
  withFile(graph.file, () => graph.lower(resolution));

/** An ONNX graph's lowering at a size: its image input's height and width replaced. */
export function onnxLowering(
  onnx: OnnxGraph,
  reading: GraphReading,
  image: FixedGraph["image"],
): FixedGraph["lower"] {
  return (resolution) => {
    const sizeOf = (name: string, axis: number) => {
      if (image?.input !== name) return undefined;
      if (axis === image.axes[0]) return resolution.height;
      return axis === image.axes[1] ? resolution.width : undefined;
    };
    return lowerGraph(onnx, { ...reading, sizeOf });
  };
}

/** A graph lowered at a size, its tensors inferred and each node measured: what every convention costs. */
export interface MeasuredGraph {
  readonly lowered: TensorGraph;
  readonly measure: GraphMeasure;
}

/** Each file's graph as last measured, by its size: reading a file measures it, and its report reuses that. */
const lastMeasured = new WeakMap<FixedGraph, { readonly key: string; readonly measured: MeasuredGraph }>();

/** The file's graph measured at this height and width (refusals name the file). */
export function measureAt(graph: FixedGraph, resolution: Resolution): MeasuredGraph {
  const key = `${resolution.height}x${resolution.width}`;
  const last = lastMeasured.get(graph);
  if (last?.key === key) return last.measured;
  const lowered = lowerAt(graph, resolution);
  const measure = withFile(graph.file, () => measureGraph(lowered, inferTensors(lowered)));
  const measured = { lowered, measure };
  lastMeasured.set(graph, { key, measured });
  return measured;
}

/** Images a lowered graph counts at once: its first data input's first dim (a dynamic batch is settled to 1). */
export const batchOf = (graph: TensorGraph): number => [...graph.inputs.values()][0]?.dims[0] ?? 1;
