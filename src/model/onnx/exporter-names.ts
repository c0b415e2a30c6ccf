/**
 * What the PyTorch exporter's names say about the module that was exported
 * (torch.onnx.export, torch ≥ 1.13 names nodes by module scope):
 *
 *  - nodes are named `/<module path>/<OpType>[_n]`, e.g.
 *    `/features/features.1/conv/conv.1/Conv`: the scope gives the block;
 *  - a Conv followed by a BatchNorm in eval mode is exported as one Conv whose
 *    weight and bias are new tensors named `onnx::Conv_<n>`, while a Conv left
 *    alone keeps its parameter's name (`features.0.0.weight`);
 *  - a function called in a module's forward (F.adaptive_avg_pool2d in
 *    torchvision's MobileNetV2, x.mean in MNASNet) shares its scope with that
 *    module's other nodes, while a module of its own (nn.AdaptiveAvgPool2d) has
 *    a scope of its own holding only its node (F.relu, F.linear with a module's
 *    weight likewise);
 *  - torch's avg_pool2d is written as Pad + AveragePool, its adaptive pools as
 *    an AveragePool alone or GlobalAveragePool.
 *
 * Other exporters name things their own way: there, no BatchNorm counts as
 * folded and every pool as a module (the report says which reading applied).
 * The lowering (lower.ts) asks exportedAs for each node's flags.
 */
import type { Tensor } from "../../graph/tensor.js";
import type { NodeFlags } from "../../graph/work.js";
import type { FoldedNorms, OnnxGraph, OnnxNode } from "./graph.js";

export const isPytorchExport = (graph: OnnxGraph): boolean => graph.producer.startsWith("pytorch");

/** The block a node belongs to: the first numbered module on its path (features.3), or its top module. */
export function blockOf(node: Pick<OnnxNode, "name">): string {
  const { name } = node;
  if (!name.startsWith("/")) return name;
  let first: string | undefined;
  // each scope segment between two slashes, without splitting the name
  for (let start = 1, end = name.indexOf("/", 1); end > 0; start = end + 1, end = name.indexOf("/", start)) {
    if (end === start) continue;
    const segment = name.slice(start, end);
    if (NUMBERED.test(segment)) return segment;
    first ??= segment;
  }
  return first ?? name;
}

/** A numbered module of a container (features.3): a block. */
const NUMBERED = /\.\d+$/;

/** A Conv whose weight the exporter renamed holds a folded BatchNorm (pytorch exports only). */
export const hasFoldedNorm = (weightName: string): boolean => weightName.startsWith("onnx::");

/**
 * Scope → how many nodes it holds, its sub-scopes' included, besides Constants and Pads (nn.AvgPool2d
 * is exported as Pad + AveragePool in the module's own scope). A leaf module's scope holds its node
 * alone; a module whose forward calls a function holds that node and its child modules' nodes
 * (Inception's BasicConv2d: /conv1/conv/Conv, then F.relu as /conv1/Relu).
 */
export function scopeSizes(graph: OnnxGraph): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const node of graph.nodes) {
    if (node.opType === "Constant" || node.opType === "Pad") continue;
    // each enclosing scope of "/a/b/Op" is a prefix of its name, "a" and "a/b": no segments built
    const name = node.name;
    if (!name.startsWith("/")) continue;
    for (let end = name.indexOf("/", 1); end > 0; end = name.indexOf("/", end + 1)) {
      const key = name.slice(1, end);
      sizes.set(key, (sizes.get(key) ?? 0) + 1);
    }
  }
  return sizes;
}

/**
 * A node that is a module of its own (hooks see it), not a function called inside another module's
 * forward: its scope holds it alone, or `nodes` nodes for a module exported as several (a linear on an
 * input of 3 or more dims: its MatMul and its bias's Add).
 */
export function isOwnModule(node: OnnxNode, sizes: ReadonlyMap<string, number>, nodes = 1): boolean {
  const scope = scopeKey(node);
  return scope !== "" && sizes.get(scope) === nodes;
}

/** A node's scope as scopeSizes keys it: its name up to its last "/" ("a/b" for "/a/b/Op"); "" at the root. */
const scopeKey = (node: Pick<OnnxNode, "name">): string =>
  node.name.startsWith("/") ? node.name.slice(1, node.name.lastIndexOf("/")) : "";

/** Whether a conv holds a BatchNorm its exporter folded into it. */
function holdsFoldedNorm(node: OnnxNode, rule: FoldedNorms, pytorch: boolean): boolean {
  if (node.opType !== "Conv" || (node.inputs[2] ?? "") === "") return false;
  return rule === "all" || (rule === "auto" && pytorch && hasFoldedNorm(node.inputs[1]!));
}

/** Operators a module or a function call can write: pools, ReLU and upsampling (nn.ReLU, or F.relu in a forward). */
const CALLABLE = new Set(["GlobalAveragePool", "AveragePool", "MaxPool", "Relu", "Resize", "Upsample"]);

/**
 * Whether an AveragePool is over a fixed window: torch's avg_pool2d, which the PyTorch exporter writes
 * as Pad + AveragePool (its adaptive pools as an AveragePool alone, or GlobalAveragePool); any other
 * exporter's AveragePool is one.
 */
function isFixedWindow(node: OnnxNode, pytorch: boolean, writers: ReadonlyMap<string, OnnxNode>): boolean {
  if (node.opType !== "AveragePool") return false;
  return !pytorch || writers.get(node.inputs[0] ?? "")?.opType === "Pad";
}

/**
 * How a PyTorch export's scope names say a pool, a ReLU, an upsampling or a linear was called: as a
 * module of its own, or as a function in another module's forward (true: F.relu in Inception's
 * BasicConv2d, F.adaptive_avg_pool2d in MobileNetV2's forward, F.linear in Swin's attention); a mean
 * over the map is x.mean ("mean"). Other exporters' nodes all count as modules.
 */
function callOf(node: OnnxNode, reading: ExporterReading): boolean | "mean" {
  if (node.opType === "ReduceMean") return "mean";
  if (!reading.pytorch) return false;
  if (isLinear(node, reading)) return !isOwnModule(node, reading.sizes, biasAddOf(node, reading) ? 2 : 1);
  // a linear's bias Add (either operand order) is called as its MatMul is
  const linear =
    node.opType === "Add"
      ? node.inputs.map((name) => reading.writers.get(name)).find((w) => w && isLinear(w, reading))
      : undefined;
  if (linear && biasAddOf(linear, reading)) return callOf(linear, reading);
  return CALLABLE.has(node.opType) && !isOwnModule(node, reading.sizes);
}

/** What the exporter's names and the graph's wiring tell of how each node was called. */
export interface ExporterReading {
  readonly pytorch: boolean;
  readonly sizes: ReadonlyMap<string, number>;
  /** Tensor name → the node writing it, and the nodes reading it (of a MatMul's or a Gemm's output). */
  readonly writers: ReadonlyMap<string, OnnxNode>;
  readonly readers: ReadonlyMap<string, readonly OnnxNode[]>;
  readonly stored: ReadonlyMap<string, Tensor>;
  readonly foldedNorms: FoldedNorms;
}

/** A product by a stored weight: nn.Linear, or F.linear with a module's weight (Swin's attention, MultiheadAttention). */
const isLinear = (node: OnnxNode, reading: ExporterReading): boolean =>
  (node.opType === "MatMul" || node.opType === "Gemm") && reading.stored.has(node.inputs[1] ?? "");

/** The Add of a linear's bias the exporter writes after its MatMul, in the module's own scope. */
function biasAddOf(node: OnnxNode, reading: ExporterReading): boolean {
  const after = reading.readers.get(node.outputs[0] ?? "") ?? [];
  const scope = scopeKey;
  return after.length === 1 && after[0]!.opType === "Add" && scope(after[0]!) === scope(node);
}

export function exporterReading(
  graph: OnnxGraph,
  stored: ReadonlyMap<string, Tensor>,
  foldedNorms: FoldedNorms,
): ExporterReading {
  const writers = new Map<string, OnnxNode>();
  // readers are asked of products' outputs only (their bias Adds): kept for those alone
  const readers = new Map<string, OnnxNode[]>();
  for (const node of graph.nodes) {
    for (const name of node.outputs) writers.set(name, node);
    if (node.opType === "MatMul" || node.opType === "Gemm") readers.set(node.outputs[0] ?? "", []);
  }
  for (const node of graph.nodes) for (const name of node.inputs) readers.get(name)?.push(node);
  return { pytorch: isPytorchExport(graph), sizes: scopeSizes(graph), writers, readers, stored, foldedNorms };
}

/** What the exporter's names say of a node beyond its operator: its block, and how it was called. */
export function exportedAs(node: OnnxNode, reading: ExporterReading): NodeFlags & { block?: string } {
  const functional = callOf(node, reading);
  const block = blockOf(node);
  return {
    ...(block !== node.name && { block }),
    ...(isFixedWindow(node, reading.pytorch, reading.writers) && { fixedWindow: true }),
    ...(holdsFoldedNorm(node, reading.foldedNorms, reading.pytorch) && { foldedNorm: true }),
    ...(functional !== false && { functional }),
  };
}
