/**
 * evaluateModel: shape propagation and exact per-layer costs. Every number
 * comes from a layer kind's formulas evaluated on its bindings; totals are
 * the sums of the rows, by construction.
 */
import { type Resolution, squareResolution } from "../model/resolution.js";
import { type CountFunction, compileCount } from "../algebra/evaluate.js";
import {
  elementsOf,
  type LayerKind,
  type LayerKindName,
  type OpSpec,
  type Shape,
  type WorkCategory,
} from "../layers/define-layer-kind.js";
import { layerKinds } from "../layers/registry.js";
import { InputError } from "../errors.js";
import { buildNetwork } from "../model/build.js";
import { graphCounting } from "./graph-counting.js";
import {
  type Convention,
  inputChannelsFor,
  normParamsFactor,
  normParamsOf,
  normWorkCategory,
  workFactorsOf,
} from "../model/conventions.js";
import type { ModelSpec } from "../model/schema.js";
import type { DataType } from "../graph/tensor.js";

/** A tensor a row reads or writes, for the memory models' liveness (a graph's layer model, the arena). */
export interface RowTensor {
  readonly name: string;
  readonly elements: bigint;
  /** Its element type as a file stores it (int8, float32…); undefined: a built-in's, at --dtype. */
  readonly dtype?: DataType | undefined;
}

export interface LayerRow {
  readonly index: number;
  /** A built-in's op behind the row (its flags, saved tensors, width fields); a graph's rows have none. */
  readonly spec?: OpSpec;
  readonly name: string;
  readonly block: string;
  /** A graph file's node it counts, as a viewer keys it (GraphNode.source); a built-in's rows have none. */
  readonly source?: string;
  /** Its stage ("stage 2"), where a `stages` entry built it; else the by-stage breakdown keys it by its block. */
  readonly stage?: string;
  /**
   * A built-in's primitive op kind (conv, depthwise, pointwise, gconv, fc, avgpool, add, scale); a
   * graph's operator as the file names it (Conv, Relu, MatMul…).
   */
  readonly op: string;
  /** Key in the by-type breakdown (the kind's, or "se" inside squeeze-excite). */
  readonly type: string;
  /** A built-in's maps as height × width × channels; a graph's tensors in the file's own dims. */
  readonly input: readonly number[];
  readonly output: readonly number[];
  /** The side (height) of the feature map it outputs, for the by-resolution breakdown; undefined: not a map. */
  readonly outputSide?: number | undefined;
  /** Activation elements it reads: its input, and a second operand (a residual add's, a scale's, Q·Kᵀ's). */
  readonly readElements: bigint;
  /** A 1×1 convolution without groups (ShuffleNet V2's memory access cost applies to it). */
  readonly oneByOne: boolean;
  /** How a pool was called (explain's functional/module split): as a function, or as x.mean. */
  readonly functional?: boolean | "mean" | undefined;
  /** The computed tensors it reads and writes (their lifetimes: the arena, a graph's layer memory model). */
  readonly tensors?: { readonly reads: readonly RowTensor[]; readonly writes: readonly RowTensor[] };
  /** Parameters under the convention: weights, plus bias and BatchNorm when it counts them. */
  readonly params: bigint;
  /** The convention's count: the weights' MACs plus the element-wise work it counts. */
  readonly macs: bigint;
  /** A graph's row: the bytes, as the file stores them, of the parameters first read here (counted or not). */
  readonly storedBytes?: bigint;
  /** Weights, bias and BatchNorm parameters of the layer, counted or not. */
  readonly paramParts: { readonly weights: bigint; readonly bias: bigint; readonly bn: bigint };
  /** Multiply-accumulates of the weights alone (conv, FC). */
  readonly weightMacs: bigint;
  /** Multiply-accumulates of matmuls between activations (attention), counted unless the convention's matmuls is false. */
  readonly matmulMacs: bigint;
  /** Elements touched by each kind of element-wise work, counted or not. */
  readonly work: Readonly<Partial<Record<WorkCategory, bigint>>>;
  /** Elements of the output activation. */
  readonly activations: bigint;
}

/** A row's stage: its `stages` entry's stage, else its block (a stem, a fusion adapter, a classifier). */
export const stageOf = (row: Pick<LayerRow, "stage" | "block">): string => row.stage ?? row.block;

export interface Totals {
  readonly params: bigint;
  readonly macs: bigint;
}

export interface ModelRef {
  /** How the user named it: alias, id or path. */
  readonly ref: string;
  /** The built-in model's id (mobilenet-v1…), or the resolved path of a user's file. */
  readonly id: string;
  readonly spec: ModelSpec;
}

export interface CostReport {
  readonly model: ModelRef;
  /** As the user wrote it ("0.5"), and its value. */
  readonly alpha: { readonly text: string; readonly value: number };
  readonly resolution: Resolution;
  /** The depth multiplier asked for (--depth), on top of the model's own; 1 when none. */
  readonly depth: number;
  readonly convention: Convention;
  readonly rows: readonly LayerRow[];
  readonly totals: Totals;
  /** Images counted at once: a graph's declared batch (a dynamic one is 1); absent for the built-ins, which count one. */
  readonly batch?: number;
  /** A graph's parameters as its file stores them: their bytes, and their element types. */
  readonly storedWeights?: { readonly bytes: bigint; readonly types: readonly string[] };
  /** A graph's MACs were divided by its batch (--per-image). */
  readonly perImage?: boolean;
  /** A graph's stored tensors read as parameters by several nodes (counted once), with those nodes. */
  readonly shared?: ReadonlyMap<string, readonly string[]>;
}

interface CompiledKind {
  readonly kind: LayerKind;
  readonly params: CountFunction;
  readonly macs: CountFunction;
  readonly bias: CountFunction;
  readonly bn: CountFunction;
  readonly outputElements: CountFunction;
  readonly work: readonly { readonly category: WorkCategory; readonly count: CountFunction }[];
}

const compiled = new Map<LayerKindName, CompiledKind>();

function compiledKind(name: LayerKindName): CompiledKind {
  let c = compiled.get(name);
  if (!c) {
    const kind: LayerKind = layerKinds[name];
    c = {
      kind,
      params: compileCount(kind.params),
      macs: compileCount(kind.macs),
      bias: compileCount(kind.bias),
      bn: compileCount(kind.bn),
      outputElements: compileCount(kind.outputElements),
      work: kind.work.map((w) => ({ category: w.category, count: compileCount(w.formula) })),
    };
    compiled.set(name, c);
  }
  return c;
}

export interface NetworkCost {
  readonly rows: LayerRow[];
  readonly totals: Totals;
}

/**
 * Walks built ops from an input shape: finds each op's input (the previous
 * output or a saved tensor), applies its kind's shape rule and checks, and
 * hands the op, its shapes and its formulas' bindings to `visit`. The one
 * place shapes are propagated (exact costs, fast sweep totals, validation);
 * refuses shapes the network cannot compute.
 */
export function walkNetwork(
  ops: readonly OpSpec[],
  input: Shape,
  visit?: (op: OpSpec, index: number, source: Shape, output: Shape, bindings: Record<string, number>) => void,
): Shape {
  const saved = new Map<string, Shape>();
  let current = input;
  for (const [index, op] of ops.entries()) {
    const source = op.inputFrom === undefined ? current : saved.get(op.inputFrom);
    if (!source) throw new Error(`op ${op.name} reads '${op.inputFrom}', which no earlier op saved`);
    if (op.saveInputAs !== undefined) saved.set(op.saveInputAs, source);
    if (op.reads !== undefined && !saved.has(op.reads))
      throw new Error(`op ${op.name} reads '${op.reads}', which no earlier op saved`);
    const kind: LayerKind = layerKinds[op.kind];
    const operand = op.reads === undefined ? undefined : saved.get(op.reads);
    const output = kind.outputShape(op, source, operand);
    if (!(output[0] >= 1 && output[1] >= 1)) {
      throw new InputError(
        `layer ${op.name}: its ${source[0]}×${source[1]} input is too small for it (output ${output[0]}×${output[1]}); use a larger --resolution`,
      );
    }
    const problem = kind.check?.(op, source, output, operand);
    if (problem !== undefined) throw new InputError(`layer ${op.name}: ${problem}`);
    visit?.(op, index, source, output, kind.bind(op, source, output));
    if (op.saveOutputAs !== undefined) saved.set(op.saveOutputAs, output);
    current = output;
  }
  return current;
}

/** Bindings past 2^53 − 1 would round: the exact path refuses them (the fast path checks its totals). */
export function refuseUnsafeBindings(op: OpSpec, bindings: Record<string, number>): void {
  for (const symbol in bindings) {
    const value = bindings[symbol]!;
    if (!Number.isSafeInteger(value)) {
      throw new InputError(
        `layer ${op.name}: ${symbol} = ${value} is past 2^53 − 1; mbn-cost refuses rather than round it`,
      );
    }
  }
}

/** Refuses, before any work, what costNetwork would refuse on these ops at this input. */
export const checkNetwork = (ops: readonly OpSpec[], input: Shape): void => {
  walkNetwork(ops, input, (op, _index, _source, _output, bindings) => refuseUnsafeBindings(op, bindings));
};

/** What a built op's row says of the tensors it moves, and how it was called. */
function movement(op: OpSpec, kind: LayerKind, source: Shape, output: Shape) {
  const second = (kind as { secondOperand?(op: OpSpec, i: Shape, o: Shape): number }).secondOperand;
  return {
    outputSide: output[0],
    readElements: elementsOf(source) + BigInt(second?.(op, source, output) ?? 0),
    oneByOne: "kernel" in op && op.kernel === 1 && "groups" in op && op.groups === 1,
    ...(op.functional !== undefined && { functional: op.functional }),
  };
}

/**
 * The tensors built ops read and write, by name: each op writes its own output, named after it; it
 * reads the previous op's (or a saved one, inputFrom) and the saved tensor it `reads`.
 */
class BuiltTensors {
  private current: RowTensor;
  private readonly saved = new Map<string, RowTensor>();
  /** Names given so far: an op named as one before (a user's file may repeat a name) writes `<name>#2`. */
  private readonly names = new Set(["input"]);

  constructor(input: Shape) {
    this.current = { name: "input", elements: elementsOf(input) };
  }

  of(op: OpSpec, output: Shape): NonNullable<LayerRow["tensors"]> {
    const source = op.inputFrom === undefined ? this.current : this.saved.get(op.inputFrom)!;
    if (op.saveInputAs !== undefined) this.saved.set(op.saveInputAs, source);
    const reads = [source];
    const labels = op.kind === "attention" ? [op.keys, op.values] : [op.reads];
    for (const label of labels) {
      const other = label === undefined ? undefined : this.saved.get(label);
      if (other && !reads.includes(other)) reads.push(other);
    }
    let name = op.name;
    for (let n = 2; this.names.has(name); n++) name = `${op.name}#${n}`;
    this.names.add(name);
    const written: RowTensor = { name, elements: elementsOf(output) };
    if (op.saveOutputAs !== undefined) this.saved.set(op.saveOutputAs, written);
    this.current = written;
    return { reads, writes: [written] };
  }
}

/** Costs of built ops at an input shape. */
export function costNetwork(ops: readonly OpSpec[], input: Shape, convention: Convention): NetworkCost {
  const rows: LayerRow[] = [];
  let params = 0n;
  let macs = 0n;
  const tensors = new BuiltTensors(input);
  walkNetwork(ops, input, (op, index, source, output, bindings) => {
    refuseUnsafeBindings(op, bindings);
    const c = compiledKind(op.kind);
    const paramParts = {
      weights: c.params(bindings),
      bias: op.bias ? c.bias(bindings) : 0n,
      bn: op.bn ? normParamsOf(op, c.bn(bindings)) : 0n,
    };
    let rowParams = paramParts.weights;
    if (convention.bias) rowParams += paramParts.bias;
    rowParams += normParamsFactor(op, convention) * paramParts.bn;
    const opMacs = c.macs(bindings);
    const weightMacs = c.kind.matmul ? 0n : opMacs;
    const matmulMacs = c.kind.matmul ? opMacs : 0n;
    const work: Partial<Record<WorkCategory, bigint>> = {};
    const elements = c.outputElements(bindings);
    if (op.bias) work.bias = elements;
    if (op.bn) work[normWorkCategory(op)] = elements;
    if (op.act !== "none") work[op.act] = elements;
    for (const w of c.work) work[w.category] = (work[w.category] ?? 0n) + w.count(bindings);
    let rowMacs = weightMacs + (convention.matmuls === false ? 0n : matmulMacs);
    const factors = workFactorsOf(op, convention);
    for (const category in work) {
      const factor = factors[category as WorkCategory];
      if (factor !== undefined) rowMacs += factor * work[category as WorkCategory]!;
    }
    rows.push({
      index: index + 1,
      spec: op,
      name: op.name,
      block: op.block,
      ...(op.stage !== undefined && { stage: op.stage }),
      op: op.kind,
      type: op.type ?? c.kind.type,
      input: source,
      output,
      ...movement(op, c.kind, source, output),
      tensors: tensors.of(op, output),
      params: rowParams,
      macs: rowMacs,
      paramParts,
      weightMacs,
      matmulMacs,
      work,
      activations: BigInt(output[0]) * BigInt(output[1]) * BigInt(output[2]),
    });
    params += rowParams;
    macs += rowMacs;
  });
  return { rows, totals: { params, macs } };
}

export interface EvaluateOptions {
  readonly alpha: { readonly text: string; readonly value: number };
  /** A side (square), or height × width; default: the model's. */
  readonly resolution?: number | Resolution;
  /** Depth multiplier: each stage's n blocks become ⌈n·d⌉ (default 1). */
  readonly depth?: number;
  readonly convention: Convention;
}

export function evaluateModel(model: ModelRef, options: EvaluateOptions): CostReport {
  if (model.spec.graph) return graphCounting().evaluate(model, options);
  const given = options.resolution ?? model.spec.input.resolution;
  const resolution = typeof given === "number" ? squareResolution(given) : given;
  const ops = buildNetwork(model.spec, options.alpha.value, options.convention, options.depth);
  const { rows, totals } = costNetwork(
    ops,
    [resolution.height, resolution.width, inputChannelsFor(model.spec.input.channels, options.convention)],
    options.convention,
  );
  return {
    model,
    alpha: options.alpha,
    resolution,
    depth: options.depth ?? 1,
    convention: options.convention,
    rows,
    totals,
  };
}
