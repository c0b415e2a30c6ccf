/**
 * Node data for Google AI Edge Model Explorer's overlay: `{name, results: {<key>: {value}}, gradient}`,
 * the single-graph form its "custom node data" loader takes (google-ai-edge/model-explorer
 * src/ui/src/components/visualizer/common/types.ts, NodeDataProviderGraphData; the loader,
 * node_data_provider_extension_service.ts getNodeDataProviderData, applies a file without graph ids to
 * the graph shown). A key is a node id or one of a node's output tensor names: an ONNX node's name, as
 * the ONNX adapter (justinchuby/model-explorer-onnx) makes its ids, and a TFLite operator's first output
 * tensor, the `tensor_name` the built-in adapter gives each output. Rows of one file node (a TFLite
 * operator and its fused activation) add up to one value.
 */
import type { CostReport } from "../evaluate/cost.js";
import type { Roofline } from "../evaluate/roofline.js";
import { toDecimal } from "../algebra/rational.js";
import type { ReportDocument } from "./document.js";
import { InputError } from "../errors.js";
import type { OpSpec, Shape } from "../layers/define-layer-kind.js";
import { builtinGraph } from "../model/builtin-graph.js";

import type { NodeDataMetric } from "./node-data-metrics.js";

/** One file node's costs: the rows that count it, added up. */
export interface NodeCosts {
  readonly key: string;
  readonly macs: bigint;
  readonly params: bigint;
  readonly bytes?: bigint;
  readonly latencyMs?: number;
  readonly bound?: string;
}

/** The costs per node of the graph Model Explorer shows: a file's nodes, or a built network's layers. */
export function nodeCosts(report: CostReport, roofline?: Roofline): NodeCosts[] {
  const nodes = new Map<string, NodeCosts>();
  report.rows.forEach((row, i) => {
    const key = row.source ?? row.name;
    const r = roofline?.rows[i];
    const before = nodes.get(key);
    const latency = r?.latencyMs && Number(toDecimal(r.latencyMs, 6));
    nodes.set(key, {
      key,
      macs: (before?.macs ?? 0n) + row.macs,
      params: (before?.params ?? 0n) + row.params,
      ...(r && { bytes: (before?.bytes ?? 0n) + r.bytes, bound: before?.bound ?? r.bound }),
      ...(latency !== undefined && { latencyMs: (before?.latencyMs ?? 0) + latency }),
    });
  });
  return [...nodes.values()];
}

const LABEL: Record<NodeDataMetric, string> = {
  macs: "MACs",
  params: "params",
  bytes: "bytes moved",
  latency: "latency (ms)",
  bound: "bound",
};

/** White to red over the range of values; a bound coloured by itself. */
const GRADIENT = [
  { stop: 0, bgColor: "#ffffff" },
  { stop: 0.5, bgColor: "#f4a261" },
  { stop: 1, bgColor: "#d62828" },
];
const BOUND_COLOUR: Record<string, string> = { memory: "#f4a261", compute: "#2a9d8f" };

function metricValue(node: NodeCosts, metric: NodeDataMetric): number | string | undefined {
  switch (metric) {
    case "macs":
      return Number(node.macs);
    case "params":
      return Number(node.params);
    case "bytes":
      return node.bytes === undefined ? undefined : Number(node.bytes);
    case "latency":
      return node.latencyMs;
    case "bound":
      return node.bound;
  }
}

/** The node data file for one metric; a metric of the hardware needs --hardware (latency, a timed profile). */
export function renderModelExplorer(doc: ReportDocument, metric: NodeDataMetric = "macs"): string {
  const nodes = doc.layers && nodeCosts(doc.layers.report, doc.layers.roofline);
  if (!nodes)
    throw new InputError(
      "--format model-explorer: node data is per layer, of one model (its report, not --totals or a comparison)",
    );
  // keys are the file's names: no prototype for "__proto__" to reach
  const results: Record<string, { value: number | string; bgColor?: string }> = Object.create(null);
  for (const node of nodes) {
    const value = metricValue(node, metric);
    if (value === undefined)
      throw new InputError(
        `--node-data ${metric}: ${metric === "latency" ? "needs a --hardware profile with peaks or a calibration" : "needs --hardware"}`,
      );
    results[node.key] =
      typeof value === "string" ? { value, bgColor: BOUND_COLOUR[value] ?? "#ffffff" } : { value };
  }
  const data = {
    name: `mbn-cost ${LABEL[metric]}`,
    results,
    ...(metric !== "bound" && { gradient: GRADIENT }),
  };
  return `${JSON.stringify(data, null, 1)}\n`;
}

/** A Model Explorer graph node (input_graph.ts GraphNode): an id, a label, a namespace, its incoming edges. */
interface ExplorerNode {
  readonly id: string;
  readonly label: string;
  readonly namespace: string;
  readonly incomingEdges: { sourceNodeId: string; sourceNodeOutputId: string; targetNodeInputId: string }[];
  readonly outputsMetadata: { id: string; attrs: { key: string; value: string }[] }[];
}

const IMAGE_NODE = "image";

/**
 * A built-in model as a graph Model Explorer opens (its JSON loader takes a GraphCollection, `{label,
 * graphs}`: common/utils.ts loadGraphsJson): a node per layer, keyed by the layer's name as the node
 * data is, in its block's namespace; an edge wherever a layer reads what another wrote (residual adds,
 * squeeze-excite scales, concatenations), found by lowering the layers onto the tensor graph.
 */
export function renderModelExplorerGraph(doc: ReportDocument): string {
  const layers = doc.layers && layerGraph(doc.layers.report);
  if (!layers)
    throw new InputError(
      "--format model-explorer-graph: the graph of a built-in model or an architecture file (an .onnx or .tflite file opens in Model Explorer as it is)",
    );
  const nodes: ExplorerNode[] = [
    { id: IMAGE_NODE, label: "Input", namespace: "", incomingEdges: [], outputsMetadata: [] },
    ...layers.map((layer) => ({
      id: layer.name,
      label: layer.op,
      namespace: layer.block === layer.name ? "" : layer.block,
      incomingEdges: layer.reads.map((source, i) => ({
        sourceNodeId: source ?? IMAGE_NODE,
        sourceNodeOutputId: "0",
        targetNodeInputId: String(i),
      })),
      outputsMetadata: [{ id: "0", attrs: [{ key: "tensor_shape", value: layer.output }] }],
    })),
  ];
  return `${JSON.stringify({ label: doc.title, graphs: [{ id: doc.title, nodes }] }, null, 1)}\n`;
}

/** A built layer as a graph node: what it is, its output, and the layers it reads (undefined: the image). */
export interface LayerNode {
  readonly name: string;
  readonly op: string;
  readonly block: string;
  readonly output: string;
  readonly reads: readonly (string | undefined)[];
}

/** A built network's layers and what each reads, from its lowering onto the tensor graph; none for a graph file. */
export function layerGraph(report: CostReport): LayerNode[] | undefined {
  const ops = report.rows.map((row) => row.spec);
  if (report.model.spec.graph || !ops.every((op) => op !== undefined)) return undefined;
  const lowered = builtinGraph(ops as OpSpec[], report.rows[0]!.input as Shape);
  const writer = new Map<string, number>();
  lowered.graph.nodes.forEach((node, i) => {
    for (const out of node.outputs) writer.set(out, lowered.origin[i]!);
  });
  const reads = report.rows.map(() => new Set<number | undefined>());
  lowered.graph.nodes.forEach((node, i) => {
    const op = lowered.origin[i]!;
    for (const input of node.inputs) {
      if (input === undefined || lowered.graph.initializers.has(input)) continue;
      const from = writer.get(input);
      if (from !== op) reads[op]!.add(from);
    }
  });
  return report.rows.map((row, i) => ({
    name: row.name,
    op: row.op,
    block: row.block,
    output: row.output.join("×"),
    reads: [...reads[i]!].map((from) => (from === undefined ? undefined : report.rows[from]!.name)),
  }));
}
