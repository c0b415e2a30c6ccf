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

export const NODE_DATA_METRICS = ["macs", "params", "bytes", "latency", "bound"] as const;
export type NodeDataMetric = (typeof NODE_DATA_METRICS)[number];

/** One file node's costs: the rows that count it, added up. */
export interface NodeCosts {
  readonly key: string;
  readonly macs: bigint;
  readonly params: bigint;
  readonly bytes?: bigint;
  readonly latencyMs?: number;
  readonly bound?: string;
}

/** The file nodes' costs of a graph file's report (and its roofline), or undefined for a built-in. */
export function nodeCosts(report: CostReport, roofline?: Roofline): NodeCosts[] | undefined {
  if (!report.model.spec.graph) return undefined;
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
  const nodes = doc.nodeCosts;
  if (!nodes)
    throw new InputError(
      "--format model-explorer: node data is keyed by a graph file's nodes: give an .onnx or .tflite model (a per-layer report, without --by or --totals)",
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
