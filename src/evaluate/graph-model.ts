/**
 * A model read from an ONNX file, counted by the tensor-graph engine (graph/): its graph lowered at the
 * size asked, every tensor inferred, each node measured and costed under the convention. Its rows are
 * the nodes on the data path (a shape computation's Shape, Gather and Concat cost nothing and are not
 * shown); totals are the sums of all nodes, which are those of the rows.
 */
import { InputError } from "../errors.js";
import { elementCount } from "../graph/dims.js";
import type { GraphNode, TensorGraph } from "../graph/graph.js";
import { measureGraph } from "../graph/cost.js";
import { inferTensors } from "../graph/infer.js";
import { squeezeExciteNodes } from "../graph/patterns.js";
import type { Tensor } from "../graph/tensor.js";
import type { Convention } from "../model/conventions.js";
import { blockOf } from "../model/onnx/exporter-names.js";
import { graphResolution, lowerAt, withFile } from "../model/onnx/fixed-graph.js";
import type { Resolution } from "../model/resolution.js";
import type { FixedGraph } from "../model/schema.js";
import type { CostReport, EvaluateOptions, LayerRow, ModelRef, RowTensor } from "./cost.js";
import { costGraph, type GraphCost, type NodeCost } from "./graph-cost.js";

function refuseBuiltinOptions(file: string, options: EvaluateOptions): void {
  if (options.alpha.value !== 1)
    throw new InputError(`${file}: an ONNX graph's widths are fixed; --alpha takes 1 only`);
  if ((options.depth ?? 1) !== 1)
    throw new InputError(`${file}: an ONNX graph's depth is fixed; --depth takes 1 only`);
  if (options.convention.classes !== undefined)
    throw new InputError(`${file}: an ONNX graph's classifier is fixed; --classes is not taken`);
}

/**
 * Nodes on the data path: those reading a graph input or a tensor computed from one. The size of a
 * tensor (Shape) is not computed from its values: a shape computation stays off the path.
 */
function dataPath(graph: TensorGraph): { onPath: boolean[]; computed: Set<string> } {
  const computed = new Set(graph.inputs.keys());
  const onPath = graph.nodes.map((node) => {
    const reads =
      node.kind !== "shape" && node.inputs.some((name) => name !== undefined && computed.has(name));
    if (reads) for (const name of node.outputs) computed.add(name);
    return reads;
  });
  return { onPath, computed };
}

const GLOBAL_POOLS = new Set(["GlobalAveragePool", "GlobalMaxPool", "ReduceMean", "AveragePool"]);

/** --no-head: the rows before the last pool that is not a squeeze-and-excite's, as the built-ins' backbone. */
function backbone(file: string, rows: readonly LayerRow[]): readonly LayerRow[] {
  const pool = rows.map((r) => GLOBAL_POOLS.has(r.op) && r.type !== "se").lastIndexOf(true);
  if (pool < 0)
    throw new InputError(`${file}: --no-head cuts at the last global pool, and this graph has none`);
  return rows.slice(0, pool);
}

const tensorsOf = (names: readonly (string | undefined)[], tensors: ReadonlyMap<string, Tensor>) =>
  [...new Set(names)]
    .filter((name): name is string => name !== undefined && name !== "" && tensors.has(name))
    .map((name): RowTensor => ({ name, elements: elementCount(tensors.get(name)!.dims) }));

const rowName = (node: GraphNode, index: number) => node.name || `${node.op}_${index + 1}`;

function graphRow(
  cost: NodeCost,
  index: number,
  position: number,
  computed: ReadonlySet<string>,
  se: boolean,
): LayerRow {
  const { node } = cost;
  const data = node.inputs.map((name, i) =>
    name !== undefined && computed.has(name) ? cost.inputs[i] : undefined,
  );
  const input = data.find((t) => t !== undefined) ?? cost.inputs.find((t) => t !== undefined);
  const output = cost.outputs[0]?.dims ?? [];
  const reads = tensorsOf(
    node.inputs.filter((name) => name !== undefined && computed.has(name)),
    new Map(node.inputs.map((name, i) => [name ?? "", cost.inputs[i]!])),
  );
  const type = se ? "se" : cost.type;
  return {
    index: position,
    name: rowName(node, index),
    block: blockOf(node),
    op: node.op,
    type,
    input: input?.dims ?? [],
    output,
    ...(output.length === 4 && { outputSide: output[2] }),
    readElements: reads.reduce((a, t) => a + t.elements, 0n),
    oneByOne: cost.type === "pointwise",
    ...(node.functional !== undefined && { functional: node.functional }),
    tensors: {
      reads,
      writes: tensorsOf(node.outputs, new Map(node.outputs.map((name, i) => [name, cost.outputs[i]!]))),
    },
    params: cost.params,
    macs: cost.macs,
    paramParts: { weights: cost.paramParts.weight, bias: cost.paramParts.bias, bn: cost.paramParts.norm },
    weightMacs: cost.weightMacs,
    matmulMacs: cost.matmulMacs,
    work: cost.work,
    activations: elementCount(output),
  };
}

/** The rows of the nodes on the data path, and of any other node that costs something. */
function graphRows(graph: TensorGraph, cost: GraphCost): LayerRow[] {
  const { onPath, computed } = dataPath(graph);
  const se = squeezeExciteNodes(graph.nodes);
  const rows: LayerRow[] = [];
  for (const [index, row] of cost.rows.entries())
    if (onPath[index] || row.macs !== 0n || row.params !== 0n)
      rows.push(graphRow(row, index, rows.length + 1, computed, se.has(index)));
  return rows;
}

/** A count of the whole batch, per image: refused where it is not a multiple of the batch. */
function perImage(file: string, row: LayerRow, count: bigint, batch: bigint): bigint {
  if (count % batch !== 0n)
    throw new InputError(
      `${file}: --per-image: ${row.op} '${row.name}' does ${count} MACs, not a multiple of the batch of ${batch}; its work is not one per image`,
    );
  return count / batch;
}

/** Rows whose MACs (products and element-wise work) are divided by the batch; parameters and tensors are the batch's. */
function perImageRows(file: string, rows: readonly LayerRow[], batch: number): LayerRow[] {
  const n = BigInt(batch);
  return rows.map((row) => ({
    ...row,
    macs: perImage(file, row, row.macs, n),
    weightMacs: perImage(file, row, row.weightMacs, n),
    matmulMacs: perImage(file, row, row.matmulMacs, n),
    work: Object.fromEntries(
      Object.entries(row.work).map(([category, elements]) => [category, perImage(file, row, elements, n)]),
    ),
  }));
}

/** The graph counted: measured and costed at a size under a convention. */
export function costFixedGraph(
  graph: FixedGraph,
  resolution: Resolution,
  convention: Convention,
): { rows: readonly LayerRow[]; cost: GraphCost; batch: number } {
  const lowered = lowerAt(graph, resolution);
  const tensors = withFile(graph.file, () => inferTensors(lowered));
  const cost = costGraph(measureGraph(lowered, tensors), convention);
  const all = graphRows(lowered, cost);
  const kept = convention.head === false ? backbone(graph.file, all) : all;
  const batch = [...lowered.inputs.values()][0]?.dims[0] ?? 1;
  const rows = graph.perImage && batch !== 1 ? perImageRows(graph.file, kept, batch) : kept;
  return { rows, cost, batch };
}

export function evaluateGraphModel(model: ModelRef, options: EvaluateOptions): CostReport {
  const graph = model.spec.graph!;
  refuseBuiltinOptions(graph.file, options);
  const resolution = graphResolution(model.spec, options.resolution);
  const { rows, cost, batch } = costFixedGraph(graph, resolution, options.convention);
  const sum = (pick: (r: LayerRow) => bigint) => rows.reduce((a, r) => a + pick(r), 0n);
  return {
    model,
    alpha: options.alpha,
    resolution,
    depth: 1,
    convention: options.convention,
    rows,
    totals: { params: sum((r) => r.params), macs: sum((r) => r.macs) },
    batch,
    ...(graph.perImage && { perImage: true }),
    shared: cost.shared,
  };
}
