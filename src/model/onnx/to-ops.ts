/**
 * An ONNX graph → the primitive ops of mbn-cost's layer kinds. Nodes are
 * visited in the file's (topological) order; each node type's handler
 * (model/onnx/node-handlers.ts) infers its output shape and either emits an
 * op, folds itself into its producer's op (an activation, a BatchNorm, a bias
 * add), or passes its input through (Flatten, Identity…). The ops then read
 * their inputs by tensor name, so branches (residual adds, squeeze-excite)
 * wire up as in the built-in blocks.
 */
import { InputError } from "../../errors.js";
import type { LayerKind, OpSpec, Shape } from "../../layers/define-layer-kind.js";
import { layerKinds } from "../../layers/registry.js";
import { handlerFor } from "./node-handlers.js";
import { orderNodes } from "./order.js";
import { blockOf, isOwnModule, isPytorchExport, scopeSizes } from "./exporter-names.js";
import type { FoldedNorms, OnnxConstant, OnnxGraph, OnnxNode } from "./graph.js";

/** What a tensor is, as far as counting goes. */
export type OnnxTensor =
  | { readonly kind: "activation"; readonly shape: Shape }
  | { readonly kind: "constant"; readonly dims: readonly number[]; readonly values?: readonly number[] }
  /** Attention scores Q·Kᵀ (and their softmax): the query and key maps they come from, and their ONNX dims. */
  | {
      readonly kind: "scores";
      readonly query: string;
      readonly key: string;
      readonly dims: readonly number[];
    };

/** A map's elements in ONNX's N×C×H×W layout. */
export const mapDims = ([h, w, c]: Shape): number[] => [1, c, h, w];

const sameDims = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((d, i) => d === b[i]);

/** An op being built, with the tensor names it reads and writes. */
export interface PendingOp {
  spec: OpSpec;
  readonly input: string;
  readonly reads?: string;
  readonly output: string;
}

export interface OnnxNetwork {
  readonly ops: readonly OpSpec[];
  /** The input's channels and the spatial size the file declares (undefined where dynamic). */
  readonly input: { readonly channels: number; readonly height?: number; readonly width?: number };
  /** Convs that hold a BatchNorm the exporter folded into them. */
  readonly foldedNorms: number;
  /** Node types not mapped, with their counts (only with allowUnknown; otherwise an error). */
  readonly unsupported: ReadonlyMap<string, number>;
  /** How the file was read: the exporter's conventions applied, what was assumed. */
  readonly notes: readonly string[];
}

export interface OnnxMappingOptions {
  /** Count unsupported nodes as zero (assumed to keep their input's shape) instead of refusing the file. */
  readonly allowUnknown?: boolean;
  /** Which convs with a bias hold a folded BatchNorm (default auto: PyTorch's renamed weights). */
  readonly foldedNorms?: FoldedNorms;
}

/** The side a dynamic spatial size is checked at when the file leaves it open. */
export const DYNAMIC_SIDE = 224;

/** The mapping's state, shared by the node handlers. */
export class GraphMapping {
  readonly tensors = new Map<string, OnnxTensor>();
  private readonly alias = new Map<string, string>();
  /** Tensor name → indices of the nodes reading it. */
  readonly readers = new Map<string, number[]>();
  /** Canonical tensor name → the op writing it. */
  readonly producers = new Map<string, PendingOp>();
  readonly ops: PendingOp[] = [];
  /**
   * Tensors that are a map's elements laid out otherwise (attention's Reshape, Transpose, Unsqueeze):
   * their own ONNX dims, by their own name; `canonical` gives the map.
   */
  readonly views = new Map<string, readonly number[]>();
  /** Nodes a pattern already accounted for (the Mul of x·sigmoid(x)). */
  readonly done = new Set<number>();
  readonly unsupported = new Map<string, number>();
  foldedNorms = 0;
  readonly pytorch: boolean;
  readonly scopeSizes: ReadonlyMap<string, number>;

  constructor(
    readonly graph: OnnxGraph,
    readonly foldedNormRule: FoldedNorms = "auto",
  ) {
    this.pytorch = isPytorchExport(graph);
    this.scopeSizes = scopeSizes(graph);
    for (const [index, node] of graph.nodes.entries())
      for (const name of node.inputs) {
        const readers = this.readers.get(name);
        if (readers) readers.push(index);
        else this.readers.set(name, [index]);
      }
  }

  canonical(name: string): string {
    let current = name;
    for (let next = this.alias.get(current); next !== undefined; next = this.alias.get(current))
      current = next;
    return current;
  }

  /** `name` is another name of `target` (Identity, Flatten, a folded activation). */
  same(name: string, target: string): void {
    if (name !== target) this.alias.set(name, this.canonical(target));
  }

  tensor(name: string): OnnxTensor | undefined {
    return this.tensors.get(this.canonical(name));
  }

  /** The shape of a map read in its own layout (N×C×H×W); a view in another layout is refused unless `anyLayout` (a linear layer reads elements). */
  activation(node: OnnxNode, position = 0, anyLayout = false): Shape {
    const name = node.inputs[position] ?? "";
    const t = this.tensor(name);
    if (t?.kind !== "activation")
      throw new InputError(`${node.opType} '${node.name}': input ${position + 1} is not a feature map`);
    const view = this.views.get(name);
    if (view !== undefined && !anyLayout && !sameDims(view, mapDims(t.shape)))
      throw new InputError(
        `${node.opType} '${node.name}': input ${position + 1} is a ${view.join("×")} view of a ${mapDims(t.shape).join("×")} map, not a map`,
      );
    return t.shape;
  }

  /** ONNX dims of an activation as this name sees it: a view's own, or its map's N×C×H×W. */
  dimsOf(name: string): readonly number[] | undefined {
    const t = this.tensor(name);
    return t?.kind === "activation" ? (this.views.get(name) ?? mapDims(t.shape)) : undefined;
  }

  /** `name` holds the elements of `base`'s map laid out as `dims`. */
  view(name: string, base: string, dims: readonly number[]): void {
    this.same(name, base);
    this.views.set(name, dims);
  }

  constant(node: OnnxNode, position: number): OnnxConstant {
    const t = this.tensor(node.inputs[position] ?? "");
    if (t?.kind !== "constant")
      throw new InputError(
        `${node.opType} '${node.name}': input ${position + 1} ('${node.inputs[position] ?? ""}') is not a constant of known shape`,
      );
    return t;
  }

  /** Emits an op reading the node's input at `position` (and `reads`), writing its first output. */
  emit(node: OnnxNode, spec: OpSpec, shape: Shape, position = 0, reads?: string): PendingOp {
    return this.emitReading(node.inputs[position]!, node, spec, shape, reads);
  }

  /** Emits an op reading the tensor `input` (which need not be one of the node's inputs), writing the node's first output. */
  emitReading(input: string, node: OnnxNode, spec: OpSpec, shape: Shape, reads?: string): PendingOp {
    this.checkKindShape(input, node, spec, shape);
    const output = node.outputs[0]!;
    const op: PendingOp = {
      spec: reads !== undefined ? ({ ...spec, reads: this.canonical(reads) } as OpSpec) : spec,
      input: this.canonical(input),
      output,
      ...(reads !== undefined ? { reads: this.canonical(reads) } : {}),
    };
    this.ops.push(op);
    this.producers.set(output, op);
    this.tensors.set(output, { kind: "activation", shape });
    return op;
  }

  /**
   * The op is counted by its kind's shape rule: that rule must give the output shape the ONNX operator
   * gives (the node handler's), or the file is refused rather than counted at another size.
   */
  private checkKindShape(input: string, node: OnnxNode, spec: OpSpec, shape: Shape): void {
    const source = this.tensor(input);
    if (source?.kind !== "activation") return;
    const kind: LayerKind = layerKinds[spec.kind];
    const ruled = kind.outputShape(spec, source.shape);
    if (!sameDims(ruled, shape))
      throw new InputError(
        `${node.opType} '${node.name}': ONNX gives a ${shape.join("×")} output (H×W×C), a ${kind.title} gives ${ruled.join("×")}; not counted rather than counted at another size`,
      );
  }

  /** The index of the one node reading this tensor, if exactly one does. */
  soleReader(name: string): number | undefined {
    const readers = this.readers.get(name) ?? [];
    return readers.length === 1 ? readers[0] : undefined;
  }

  /** The op writing this tensor when nothing else reads it: the one a following activation or norm may fold into. */
  soleProducer(name: string, readers = 1): PendingOp | undefined {
    const op = this.producers.get(this.canonical(name));
    return op && (this.readers.get(name)?.length ?? 0) === readers ? op : undefined;
  }

  /** A pool called as a function in a module's forward (PyTorch exports only), which hook-based counters see otherwise. */
  calledAsFunction(node: OnnxNode): boolean {
    return this.pytorch && !isOwnModule(node, this.scopeSizes);
  }

  placed(node: OnnxNode): { name: string; block: string } {
    return { name: node.name, block: blockOf(node) };
  }

  /** A node not mapped: its type (with why, when the type itself is mapped elsewhere) counted for the error or the report. */
  markUnsupported(node: OnnxNode, why?: string): void {
    const key = why === undefined ? node.opType : `${node.opType} (${why})`;
    this.unsupported.set(key, (this.unsupported.get(key) ?? 0) + 1);
    const first = node.inputs.find((name) => this.tensor(name)?.kind === "activation");
    for (const output of node.outputs) if (first !== undefined) this.same(output, first);
  }
}

function inputOf(graph: OnnxGraph, mapping: GraphMapping): OnnxNetwork["input"] & { name: string } {
  const candidates = graph.inputs.filter((i) => !graph.initializers.has(i.name));
  const data = candidates.find((i) => mapping.readers.has(i.name) && i.dims?.length === 4);
  if (!data) throw new InputError("no image input: expected a graph input of shape N×C×H×W");
  const [, channels, height, width] = data.dims!;
  if (typeof channels !== "number" || channels < 1)
    throw new InputError(`input '${data.name}': its channel count is not fixed`);
  const fixed = typeof height === "number" && height > 0 && typeof width === "number" && width > 0;
  return fixed ? { name: data.name, channels, height, width } : { name: data.name, channels };
}

function registerConstants(graph: OnnxGraph, mapping: GraphMapping, dataInput: string): void {
  for (const [name, constant] of graph.initializers)
    mapping.tensors.set(name, { kind: "constant", ...constant });
  for (const input of graph.inputs) {
    if (input.name === dataInput || graph.initializers.has(input.name)) continue;
    // export_params=False: the weights are graph inputs of known shape
    const dims = input.dims?.map((d) => (typeof d === "number" ? d : 1)) ?? [];
    mapping.tensors.set(input.name, { kind: "constant", dims });
  }
}

function visitNodes(graph: OnnxGraph, mapping: GraphMapping, options: OnnxMappingOptions): void {
  for (const [index, node] of graph.nodes.entries()) {
    if (mapping.done.has(index)) continue;
    const handler = node.domain === "" ? handlerFor(node.opType) : undefined;
    try {
      if (handler === undefined) mapping.markUnsupported(node);
      else handler(node, mapping);
    } catch (error) {
      // a node after an unsupported one may fail for that reason: name the cause, not the symptom
      if (!(error instanceof InputError) || mapping.unsupported.size === 0) throw error;
      if (!options.allowUnknown) continue; // refused at the end, listing every unsupported type
      throw new InputError(
        `${error.message} (after ${unsupportedList(mapping.unsupported)}, counted as zero and assumed to keep their input's shape)`,
      );
    }
  }
}

/** Which op outputs later ops read by name, and the final specs with their wiring. */
function wire(ops: readonly PendingOp[], dataInput: string): OpSpec[] {
  const read = new Set<string>();
  const specs = ops.map((op, i) => {
    const previous = i === 0 ? dataInput : ops[i - 1]!.output;
    if (op.input !== previous) read.add(op.input);
    if (op.reads !== undefined) read.add(op.reads);
    return op.input === previous ? op.spec : { ...op.spec, inputFrom: op.input };
  });
  const wired = specs.map((spec, i) =>
    read.has(ops[i]!.output) ? { ...spec, saveOutputAs: ops[i]!.output } : spec,
  );
  if (wired.length > 0 && read.has(dataInput)) wired[0] = { ...wired[0]!, saveInputAs: dataInput };
  return wired;
}

function unsupportedList(unsupported: ReadonlyMap<string, number>): string {
  return [...unsupported].map(([type, n]) => `${type} ×${n}`).join(", ");
}

export function graphToNetwork(file: OnnxGraph, options: OnnxMappingOptions = {}): OnnxNetwork {
  const graph = orderNodes(file);
  const mapping = new GraphMapping(graph, options.foldedNorms);
  const input = inputOf(graph, mapping);
  registerConstants(graph, mapping, input.name);
  const shape: Shape = [input.height ?? DYNAMIC_SIDE, input.width ?? DYNAMIC_SIDE, input.channels];
  mapping.tensors.set(input.name, { kind: "activation", shape });
  visitNodes(graph, mapping, options);
  if (mapping.unsupported.size > 0 && !options.allowUnknown)
    throw new InputError(
      `unsupported ONNX operators: ${unsupportedList(mapping.unsupported)}; --allow-unknown counts them as zero (and lists them)`,
    );
  if (mapping.ops.length === 0) throw new InputError("no node maps onto a layer: nothing to count");
  markSqueezeExcite(mapping);
  const { name: _, ...declared } = input;
  return {
    ops: wire(mapping.ops, input.name),
    input: declared,
    foldedNorms: mapping.foldedNorms,
    unsupported: mapping.unsupported,
    notes: readingNotes(graph, mapping),
  };
}

/** A pool → … → gate chain whose gate scales the pool's own input is squeeze-and-excite: typed "se" as the built-ins are. */
function markSqueezeExcite(mapping: GraphMapping): void {
  for (const scale of mapping.ops.filter((op) => op.spec.kind === "scale" && op.reads !== undefined)) {
    const chain: PendingOp[] = [];
    let op = mapping.producers.get(scale.reads!);
    while (op && op.spec.kind !== "avgpool" && chain.length < 8) {
      chain.push(op);
      op = mapping.producers.get(op.input);
    }
    if (op?.spec.kind !== "avgpool" || op.input !== scale.input) continue;
    for (const member of [op, ...chain, scale]) member.spec = { ...member.spec, type: "se" };
  }
}

/** How convs with a bias were read: as holding a folded BatchNorm, or as biased. */
function foldingNote(mapping: GraphMapping): string | undefined {
  const rule = mapping.foldedNormRule;
  const why =
    rule === "all"
      ? "--folded-bn all: every conv with a bias"
      : "the exporter renamed their weights onnx::Conv_*; --folded-bn all|none to say otherwise";
  if (mapping.foldedNorms > 0)
    return `${mapping.foldedNorms} convs hold a folded BatchNorm (${why}): each counts as conv + BN, its bias as BN's shift`;
  if (rule === "none") return "--folded-bn none: conv biases count as biases";
  if (!mapping.pytorch)
    return "not a PyTorch export: conv biases count as biases (--folded-bn all if they are folded BatchNorms)";
  return undefined;
}

function readingNotes(graph: OnnxGraph, mapping: GraphMapping): string[] {
  const notes = [`read from ONNX: ${graph.producer}, opset ${graph.opset}, ${graph.nodes.length} nodes`];
  const folding = foldingNote(mapping);
  if (folding) notes.push(folding);
  const functional = mapping.ops.filter(
    (op) => (op.spec.kind === "avgpool" || op.spec.kind === "maxpool") && op.spec.functional,
  ).length;
  if (mapping.pytorch)
    notes.push(
      `module boundaries read from the exporter's scope names: pools called as functions: ${functional} (the rest are modules); activations all count as modules, as in the built-in models`,
    );
  else notes.push("not a PyTorch export: every pool counts as a module");
  if (mapping.unsupported.size > 0)
    notes.push(
      `unsupported, counted as zero and assumed to keep their input's shape: ${unsupportedList(mapping.unsupported)}`,
    );
  return notes;
}
