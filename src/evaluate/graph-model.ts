/**
 * A model read from an ONNX file, counted by the tensor-graph engine (graph/): its graph lowered at the
 * size asked, every tensor inferred, each node measured and costed under the convention. Its rows are
 * the nodes on the data path (a shape computation's Shape, Gather and Concat cost nothing and are not
 * shown), in the file's own dims; totals are the sums of the rows.
 */
import { InputError } from "../errors.js";
import { elementCount } from "../graph/dims.js";
import type { GraphMeasure, NodeMeasure } from "../graph/cost.js";
import { type GraphNode, standardOp, type TensorGraph } from "../graph/graph.js";
import type { Tensor } from "../graph/tensor.js";
import type { Convention } from "../model/conventions.js";
import { batchOf, graphResolution, measureAt } from "../model/onnx/fixed-graph.js";
import type { Resolution } from "../model/resolution.js";
import type { FixedGraph, ModelSpec } from "../model/schema.js";
import type { CostReport, EvaluateOptions, LayerRow, ModelRef, RowTensor } from "./cost.js";
import { macsOf, paramsOf } from "./graph-cost.js";

/** Refuses what would change a fixed graph: a width, a depth, another classifier or input. */
function refuseBuiltinOptions({ file, format }: FixedGraph, spec: ModelSpec, options: EvaluateOptions): void {
  if (options.alpha.value !== 1)
    throw new InputError(
      `${file}: ${article(format)} ${format} graph's widths are fixed; --alpha takes 1 only`,
    );
  if ((options.depth ?? 1) !== 1)
    throw new InputError(
      `${file}: ${article(format)} ${format} graph's depth is fixed; --depth takes 1 only`,
    );
  const { classes, channels } = options.convention;
  if (classes !== undefined && classes !== spec.classes)
    throw new InputError(
      `${file}: ${article(format)} ${format} graph's classifier is fixed; --classes takes ${spec.classes > 0 ? `its ${spec.classes} only` : "no value (it has none the tool can see)"}`,
    );
  if (channels !== undefined && channels !== spec.input.channels)
    throw new InputError(
      `${file}: ${article(format)} ${format} graph's input is fixed; --channels takes its ${spec.input.channels} only`,
    );
}

/** "an ONNX", "a TensorFlow Lite". */
const article = (format: string) => (/^[AEIOU]/.test(format) ? "an" : "a");

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
function backbone(file: string, { rows, pools }: GraphRows): readonly LayerRow[] {
  const pool = rows.map((r, i) => pools[i] === true && r.type !== "se").lastIndexOf(true);
  if (pool < 0)
    throw new InputError(`${file}: --no-head cuts at the last global pool, and this graph has none`);
  return rows.slice(0, pool);
}

/** The named tensors among these, once each, with their elements (an empty name: an output not used). */
function rowTensors(
  names: readonly (string | undefined)[],
  tensors: readonly (Tensor | undefined)[],
  computed?: ReadonlySet<string>,
): RowTensor[] {
  const found: RowTensor[] = [];
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    const tensor = tensors[i];
    if (!name || !tensor || (computed && !computed.has(name)) || found.some((t) => t.name === name)) continue;
    found.push({ name, elements: elementCount(tensor.dims), ...(tensor.dtype && { dtype: tensor.dtype }) });
  }
  return found;
}

/** No parameters: one object every such row shares (most of a large graph's nodes hold none). */
const NO_PARAMS: LayerRow["paramParts"] = Object.freeze({ weights: 0n, bias: 0n, bn: 0n });

const paramPartsOf = ({ paramParts: { weight, bias, norm } }: NodeMeasure): LayerRow["paramParts"] =>
  weight === 0n && bias === 0n && norm === 0n ? NO_PARAMS : { weights: weight, bias, bn: norm };

const rowName = (node: GraphNode, index: number) => node.name || `${node.op}_${index + 1}`;

/** The first input the graph computed, else the first given. */
function firstInput(cost: NodeMeasure, computed: ReadonlySet<string>): Tensor | undefined {
  const at = cost.node.inputs.findIndex((name) => name !== undefined && computed.has(name));
  return at >= 0 ? cost.inputs[at] : cost.inputs.find((t) => t !== undefined);
}

/**
 * Where a row is in the graph: its node's index, its row number, the tensors computed, the maps' height
 * axis, and the tensors written over in place (a fused activation's input, by its output's name).
 */
interface RowPlace {
  readonly index: number;
  readonly position: number;
  readonly computed: ReadonlySet<string>;
  readonly heightAxis: number;
  readonly overwritten: Map<string, string>;
}

/** The tensors a row reads and writes; an in-place node writes none, its input taking its output's name. */
function movedTensors(
  cost: NodeMeasure,
  { computed, overwritten }: RowPlace,
): NonNullable<LayerRow["tensors"]> {
  const { node } = cost;
  const reads = rowTensors(node.inputs, cost.inputs, computed);
  const input = node.inputs[0];
  if (!node.inPlace || input === undefined || !node.outputs[0])
    return { reads, writes: rowTensors(node.outputs, cost.outputs) };
  overwritten.set(input, node.outputs[0]);
  return { reads, writes: [] };
}

/** The rows' tensors, each one written over in place named as the tensor it becomes. */
function renamed(rows: LayerRow[], overwritten: ReadonlyMap<string, string>): LayerRow[] {
  if (overwritten.size === 0) return rows;
  const name = (t: RowTensor): RowTensor => {
    const final = overwritten.get(t.name);
    return final === undefined ? t : { ...t, name: final };
  };
  return rows.map((row) =>
    row.tensors
      ? { ...row, tensors: { reads: row.tensors.reads.map(name), writes: row.tensors.writes.map(name) } }
      : row,
  );
}

function graphRow(
  cost: NodeMeasure,
  counted: { readonly macs: bigint; readonly params: bigint },
  place: RowPlace,
  se: boolean,
): LayerRow {
  const { index, position, computed, heightAxis } = place;
  const { node } = cost;
  const output = cost.outputs[0]?.dims ?? [];
  const tensors = movedTensors(cost, place);
  let readElements = 0n;
  for (const t of tensors.reads) readElements += t.elements;
  return {
    index: position,
    name: rowName(node, index),
    block: node.block ?? rowName(node, index),
    ...(node.source !== undefined && { source: node.source }),
    op: node.op,
    type: se ? "se" : cost.type,
    input: firstInput(cost, computed)?.dims ?? [],
    output,
    outputSide: output.length === 4 ? output[heightAxis] : undefined,
    readElements,
    oneByOne: cost.type === "pointwise",
    functional: node.functional,
    tensors,
    params: counted.params,
    macs: counted.macs,
    paramParts: paramPartsOf(cost),
    storedBytes: cost.weightBytes,
    weightMacs: cost.weightMacs,
    matmulMacs: cost.matmulMacs,
    work: cost.work,
    activations: elementCount(output),
  };
}

/** A graph's rows, and which of them are pools (where --no-head cuts). */
interface GraphRows {
  readonly rows: readonly LayerRow[];
  readonly pools: readonly boolean[];
}

/** The rows of the nodes on the data path, and of any other node that costs something under the convention. */
function graphRows(
  graph: TensorGraph,
  measure: GraphMeasure,
  convention: Convention,
  heightAxis: number,
): GraphRows {
  const { onPath, computed } = dataPath(graph);
  const se = measure.squeezeExcite;
  const rows: LayerRow[] = [];
  const pools: boolean[] = [];
  const overwritten = new Map<string, string>();
  for (const [index, row] of measure.rows.entries()) {
    const counted = { macs: macsOf(row, convention), params: paramsOf(row, convention) };
    if (!onPath[index] && counted.macs === 0n && counted.params === 0n) continue;
    const place = { index, position: rows.length + 1, computed, heightAxis, overwritten };
    rows.push(graphRow(row, counted, place, se.has(index)));
    pools.push(GLOBAL_POOLS.has(standardOp(row.node)));
  }
  return { rows: renamed(rows, overwritten), pools };
}

/** Every parameter of the graph (each stored tensor once) as stored: bytes by its element type. */
function storedWeights(graph: TensorGraph, measure: GraphMeasure): NonNullable<CostReport["storedWeights"]> {
  let bytes = 0n;
  const types = new Set<string>();
  for (const row of measure.rows) {
    bytes += row.weightBytes;
    for (const name of row.weights) types.add(graph.initializers.get(name)?.dtype ?? "float32");
  }
  return { bytes, types: [...types] };
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
): {
  rows: readonly LayerRow[];
  shared: GraphMeasure["shared"];
  batch: number;
  storedWeights: NonNullable<CostReport["storedWeights"]>;
} {
  const { lowered, measure } = measureAt(graph, resolution);
  const all = graphRows(lowered, measure, convention, graph.image?.axes[0] ?? 2);
  const kept = convention.head === false ? backbone(graph.file, all) : all.rows;
  const batch = batchOf(lowered);
  const rows = graph.perImage && batch !== 1 ? perImageRows(graph.file, kept, batch) : kept;
  return { rows, shared: measure.shared, batch, storedWeights: storedWeights(lowered, measure) };
}

export function evaluateGraphModel(model: ModelRef, options: EvaluateOptions): CostReport {
  const graph = model.spec.graph!;
  refuseBuiltinOptions(graph, model.spec, options);
  const resolution = graphResolution(model.spec, options.resolution);
  const { rows, shared, batch, storedWeights } = costFixedGraph(graph, resolution, options.convention);
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
    shared,
    storedWeights,
  };
}
