/**
 * A TensorFlow Lite subgraph lowered onto the tensor-graph engine's op kinds (graph/kinds). Each
 * operator becomes a node of a kind with its attributes, in the stored order; a fused activation
 * becomes a node of its own after it. Maps stay NHWC (the kinds read `channelsLast`); a filter is
 * given to the conv kind in its O×(I/g)×kH×kW order, which changes no count. Shapes come from the
 * kinds' rules, never from here: the file's declared shapes are checked against them
 * (io/read-tflite-model.ts). A custom operator passes with the shapes the file declares, counted as
 * zero; a builtin operator without a rule is refused by name.
 */
import { InputError } from "../../errors.js";
import type { GraphNode, TensorGraph } from "../../graph/graph.js";
import type { PoolMode } from "../../graph/kinds/pool.js";
import type { DataType, Tensor } from "../../graph/tensor.js";
import type { WindowAttrs } from "../../layers/window.js";
import type { TfliteModel, TfliteOperator, TfliteSubgraph, TfliteTensor } from "./graph.js";

export interface TfliteLowering {
  /** Sizes replacing the data input's height or width at --resolution, by axis; undefined keeps the file's. */
  readonly sizeOf?: (axis: number) => number | undefined;
}

/** TFLite's element types (schema.fbs TensorType) as the engine's. */
const DATA_TYPES: Readonly<Record<string, DataType>> = {
  FLOAT32: "float32",
  FLOAT16: "float16",
  FLOAT64: "float64",
  BFLOAT16: "bfloat16",
  INT8: "int8",
  UINT8: "uint8",
  INT16: "int16",
  UINT16: "uint16",
  INT32: "int32",
  UINT32: "uint32",
  INT64: "int64",
  UINT64: "uint64",
  BOOL: "bool",
  STRING: "string",
};

/** Fused activations (schema.fbs ActivationFunctionType) as the engine's element-wise ops. */
const FUSED: Readonly<Record<number, { name: string; op: string; bounds?: readonly [number, number] }>> = {
  1: { name: "RELU", op: "Relu" },
  2: { name: "RELU_N1_TO_1", op: "Clip", bounds: [-1, 1] },
  3: { name: "RELU6", op: "Clip", bounds: [0, 6] },
  4: { name: "TANH", op: "Tanh" },
  5: { name: "SIGN_BIT", op: "Sign" },
};

/** Element-wise ops of one tensor, by TFLite operator. */
const UNARY: Readonly<Record<string, { op: string; bounds?: readonly [number, number] }>> = {
  RELU: { op: "Relu" },
  RELU6: { op: "Clip", bounds: [0, 6] },
  RELU_N1_TO_1: { op: "Clip", bounds: [-1, 1] },
  RELU_0_TO_1: { op: "Clip", bounds: [0, 1] },
  LOGISTIC: { op: "Sigmoid" },
  TANH: { op: "Tanh" },
  HARD_SWISH: { op: "HardSwish" },
  GELU: { op: "Gelu" },
  LEAKY_RELU: { op: "LeakyRelu" },
  PRELU: { op: "PRelu" },
  ELU: { op: "Elu" },
  EXP: { op: "Exp" },
  LOG: { op: "Log" },
  SQRT: { op: "Sqrt" },
  RSQRT: { op: "Rsqrt" },
  SQUARE: { op: "Square" },
  ABS: { op: "Abs" },
  NEG: { op: "Neg" },
  SIN: { op: "Sin" },
  COS: { op: "Cos" },
  FLOOR: { op: "Floor" },
  CEIL: { op: "Ceil" },
  ROUND: { op: "Round" },
  SIGN: { op: "Sign" },
  QUANTIZE: { op: "QuantizeLinear" },
  DEQUANTIZE: { op: "DequantizeLinear" },
  CAST: { op: "Cast" },
};

/** Element-wise ops of several tensors, broadcast, by TFLite operator. */
const BROADCAST: Readonly<Record<string, string>> = {
  ADD: "Add",
  SUB: "Sub",
  MUL: "Mul",
  DIV: "Div",
  POW: "Pow",
  MINIMUM: "Min",
  MAXIMUM: "Max",
  SQUARED_DIFFERENCE: "SquaredDifference",
  FLOOR_DIV: "FloorDiv",
  FLOOR_MOD: "Mod",
  EQUAL: "Equal",
  NOT_EQUAL: "NotEqual",
  LESS: "Less",
  GREATER: "Greater",
  LESS_EQUAL: "LessOrEqual",
  GREATER_EQUAL: "GreaterOrEqual",
  LOGICAL_AND: "And",
  LOGICAL_OR: "Or",
  SELECT: "Where",
  SELECT_V2: "Where",
};

/** Reductions, by TFLite operator. */
const REDUCE: Readonly<Record<string, string>> = {
  MEAN: "ReduceMean",
  SUM: "ReduceSum",
  REDUCE_MAX: "ReduceMax",
  REDUCE_MIN: "ReduceMin",
  REDUCE_PROD: "ReduceProd",
  ARG_MAX: "ArgMax",
  ARG_MIN: "ArgMin",
};

/** Each tensor's name in the lowered graph: the file's, with `#<index>` after a name used before. */
export function tensorNames(graph: TfliteSubgraph): string[] {
  const seen = new Set<string>();
  return graph.tensors.map((t, i) => {
    const name = seen.has(t.name) ? `${t.name}#${i}` : t.name;
    seen.add(name);
    return name;
  });
}

/** The ONNX operator each kind's node is (patterns of several nodes, and --no-head, read it). */
const STANDARD: Readonly<Record<string, string>> = {
  matmul: "MatMul",
  conv: "Conv",
  "conv-transpose": "ConvTranspose",
  gemm: "Gemm",
  softmax: "Softmax",
  concat: "Concat",
  transpose: "Transpose",
  pad: "Pad",
  resize: "Resize",
};

/** A node's ONNX operator: its attributes' (element-wise ops, reductions, views), its pool's, or its kind's. */
function standardOf(node: NewNode): string | undefined {
  const attrs = node.attrs as { readonly op?: string; readonly mode?: string };
  if (node.kind === "pool") return attrs.mode === "max" ? "MaxPool" : "AveragePool";
  return attrs.op ?? STANDARD[node.kind];
}

type NewNode = Omit<GraphNode, "name" | "op" | "outputs" | "block">;

/** The lowering of one subgraph: unique tensor names, stored tensors, nodes. */
class SubgraphWriter {
  readonly nodes: GraphNode[] = [];
  readonly initializers = new Map<string, Tensor>();
  readonly inputs = new Map<string, Tensor>();
  private readonly names: readonly string[];
  private readonly written = new Set<string>();

  constructor(readonly graph: TfliteSubgraph) {
    this.names = tensorNames(graph);
  }

  /** A tensor's name, or undefined for an omitted optional input (−1). */
  name(index: number): string | undefined {
    return index < 0 ? undefined : this.names[index];
  }

  /** A constant the lowering adds (a Reshape's target, a Pad's pads in ONNX's order). */
  constant(name: string, values: readonly number[]): string {
    this.initializers.set(name, { dims: [values.length], dtype: "int64", values });
    return name;
  }

  /** A stored tensor given to a kind with its dims in the kind's order (a filter as O×I×kH×kW). */
  restored(index: number, dims: readonly number[]): string {
    const name = this.name(index)!;
    this.initializers.set(name, { ...this.initializers.get(name)!, dims });
    return name;
  }

  /** Whether a tensor is an input, a constant, or written by a node before. */
  isKnown(tensor: string): boolean {
    return this.inputs.has(tensor) || this.initializers.has(tensor) || this.written.has(tensor);
  }

  /** Adds a node of the operator `source` names (its first output tensor, as the file names it). */
  add(name: string, op: string, outputs: readonly string[], node: NewNode, source: string): void {
    for (const output of outputs) this.written.add(output);
    const standard = standardOf(node);
    this.nodes.push({ ...node, name, op, outputs, source, ...(standard && { standard }) } as GraphNode);
  }
}

const typeOf = (type: string, where: string): DataType => {
  const dtype = Object.hasOwn(DATA_TYPES, type) ? DATA_TYPES[type] : undefined;
  if (dtype === undefined) throw new InputError(`${where}: element type ${type} is not supported`);
  return dtype;
};

/** What a lowering sees of one operator, and how it adds its nodes. */
class OperatorContext {
  readonly name: string;
  /** The operator as a viewer keys it: its first output tensor's own name (GraphNode.source). */
  readonly source: string;
  readonly inputs: readonly (string | undefined)[];
  readonly outputs: readonly string[];

  constructor(
    readonly w: SubgraphWriter,
    readonly op: TfliteOperator,
    readonly at: number,
  ) {
    this.outputs = op.outputs.map((i) => w.name(i) ?? "");
    this.name = this.outputs[0] || `${op.op}_${at + 1}`;
    this.source = w.graph.tensors[op.outputs[0] ?? -1]?.name || this.name;
    this.inputs = op.inputs.map((i) => w.name(i));
  }

  /** The file's tensor at an input position. */
  tensor(position: number): TfliteTensor | undefined {
    return this.w.graph.tensors[this.op.inputs[position] ?? -1];
  }

  /** The file's declared dims of the operator's first output. */
  get outputShape(): readonly number[] {
    return this.w.graph.tensors[this.op.outputs[0]!]!.shape;
  }

  /** The values of a constant input (a permutation, paddings), which its kind needs as attributes. */
  constantValues(position: number, what: string): readonly number[] {
    const values = this.tensor(position)?.values;
    if (values === undefined)
      throw new InputError(`${this.op.op} '${this.name}': its ${what} are not constants of the file`);
    return values;
  }

  /** A window of the operator's strides, dilations and padding. */
  window(kernel: readonly number[]): WindowAttrs {
    const { strideH, strideW, dilationHFactor, dilationWFactor, padding } = this.op.options;
    return {
      kernel,
      strides: [strideH as number, strideW as number],
      autoPad: padding === 1 ? "VALID" : "SAME_UPPER",
      ...(dilationHFactor !== undefined && {
        dilations: [dilationHFactor as number, dilationWFactor as number],
      }),
    };
  }

  /** Adds the operator's node writing its outputs. */
  node(node: NewNode, outputs: readonly string[] = this.outputs): void {
    this.w.add(this.name, this.op.op, outputs, node, this.source);
  }

  /**
   * Adds the operator's node; with a fused activation, the node writes an intermediate tensor and the
   * activation, a node of its own after it, writes the operator's output.
   */
  fused(node: NewNode, outputs: readonly string[] = this.outputs): void {
    const fused = FUSED[this.op.options.fusedActivationFunction as number];
    if (!fused) {
      this.node(node, outputs);
      return;
    }
    const before = `${outputs[0]}:before-activation`;
    this.node(node, [before, ...outputs.slice(1)]);
    this.w.add(
      `${this.name}/activation`,
      `fused ${fused.name}`,
      [outputs[0]!],
      {
        kind: "unary",
        attrs: { op: fused.op, ...(fused.bounds && { bounds: fused.bounds }) },
        inputs: [before],
        inPlace: true,
      },
      this.source,
    );
  }

  /** Adds a Reshape of `x` to `target` (a tensor of the new dims), named after the operator and `part`. */
  reshape(part: string, x: string | undefined, target: string, outputs: readonly string[]): void {
    this.w.add(
      part === "" ? this.name : `${this.name}/${part}`,
      part === "" ? this.op.op : "RESHAPE",
      outputs,
      {
        kind: "reshape",
        attrs: { op: "Reshape", allowzero: false },
        inputs: [x, target],
      },
      this.source,
    );
  }
}

type Lowering = (c: OperatorContext) => void;

/** CONV_2D: the filter O×kH×kW×I; an input of more channels than I is read in groups. */
const conv2d: Lowering = (c) => {
  const [o, kh, kw, i] = c.tensor(1)!.shape as [number, number, number, number];
  const filter = c.w.restored(c.op.inputs[1]!, [o, i, kh, kw]);
  const channels = c.tensor(0)!.shape.at(-1)!;
  const attrs = { window: c.window([kh, kw]), group: i > 0 ? channels / i : 1, channelsLast: true };
  c.fused({ kind: "conv", attrs, inputs: [c.inputs[0], filter, c.inputs[2]] });
};

/** DEPTHWISE_CONV_2D: the filter 1×kH×kW×O, O = channels × depth_multiplier: one group per input channel. */
const depthwiseConv2d: Lowering = (c) => {
  const [, kh, kw, o] = c.tensor(1)!.shape as [number, number, number, number];
  const filter = c.w.restored(c.op.inputs[1]!, [o, 1, kh, kw]);
  const attrs = { window: c.window([kh, kw]), group: c.tensor(0)!.shape.at(-1)!, channelsLast: true };
  c.fused({ kind: "conv", attrs, inputs: [c.inputs[0], filter, c.inputs[2]] });
};

/**
 * FULLY_CONNECTED: the weights units×in; the input as rows of `in`, one product by the weights, and with
 * keep_num_dims the rows back in the input's leading dims, as the file declares them.
 */
const fullyConnected: Lowering = (c) => {
  const [, columns] = c.tensor(1)!.shape as [number, number];
  const rows = `${c.name}:rows`;
  c.reshape("rows", c.inputs[0], c.w.constant(`${c.name}:rows-shape`, [-1, columns]), [rows]);
  const gemm: NewNode = {
    kind: "gemm",
    attrs: { transA: false, transB: true },
    inputs: [rows, c.inputs[1], c.inputs[2]],
  };
  if (!c.op.options.keepNumDims) {
    c.fused(gemm);
    return;
  }
  const product = `${c.name}:product`;
  c.fused(gemm, [product]);
  c.reshape("shape", product, c.w.constant(`${c.name}:shape`, c.outputShape), c.outputs);
};

const pool2d =
  (mode: PoolMode): Lowering =>
  (c) => {
    const kernel = [c.op.options.filterHeight as number, c.op.options.filterWidth as number];
    c.fused({
      kind: "pool",
      attrs: { mode, window: c.window(kernel), channelsLast: true },
      inputs: [c.inputs[0]],
    });
  };

/** PAD, PADV2, MIRROR_PAD: the paddings rank×2 (begin, end per axis), given as ONNX's begins then ends. */
const pad =
  (mode: string): Lowering =>
  (c) => {
    const pairs = c.constantValues(1, "paddings");
    const pads = [...pairs.filter((_, i) => i % 2 === 0), ...pairs.filter((_, i) => i % 2 === 1)];
    c.node({ kind: "pad", attrs: { pads, mode }, inputs: [c.inputs[0]] });
  };

/** RESIZE_*: the new height and width (input 2) on axes 1 and 2. */
const resize =
  (mode: string): Lowering =>
  (c) =>
    c.node({ kind: "resize", attrs: { axes: [1, 2], mode }, inputs: [c.inputs[0], undefined, c.inputs[1]] });

/** RESHAPE: to input 2 when the file gives it, else to the declared output (SQUEEZE, EXPAND_DIMS too). */
const view: Lowering = (c) => {
  const given = c.op.op === "RESHAPE" && c.tensor(1)?.values !== undefined;
  const target = given ? c.inputs[1]! : c.w.constant(`${c.name}:shape`, c.outputShape);
  c.reshape("", c.inputs[0], target, c.outputs);
};

const [LOWEST, HIGHEST] = [-(2 ** 31), 2 ** 31 - 1];

/**
 * STRIDED_SLICE as a Slice of every axis (a masked begin or end: the axis's own end, as TensorFlow
 * reads the masks) and, for a shrunk axis, a Squeeze of it. Ellipsis and new-axis masks and offsets are
 * refused.
 */
const stridedSlice: Lowering = (c) => {
  const {
    beginMask = 0,
    endMask = 0,
    ellipsisMask = 0,
    newAxisMask = 0,
    shrinkAxisMask = 0,
    offset,
  } = c.op.options as Record<string, number | boolean>;
  if (ellipsisMask !== 0 || newAxisMask !== 0 || offset === true)
    throw new InputError(
      `STRIDED_SLICE '${c.name}': its ellipsis or new-axis masks, or offsets, are not read yet`,
    );
  const begin = c.constantValues(1, "begins");
  const end = c.constantValues(2, "ends");
  const steps = c.tensor(3) ? c.constantValues(3, "strides") : begin.map(() => 1);
  const bit = (mask: number | boolean, axis: number) => ((mask as number) & (1 << axis)) !== 0;
  const starts = begin.map((b, axis) => (bit(beginMask, axis) ? (steps[axis]! > 0 ? LOWEST : HIGHEST) : b));
  const ends = end.map((e, axis) => {
    if (bit(shrinkAxisMask, axis)) return begin[axis] === -1 ? HIGHEST : begin[axis]! + 1;
    return bit(endMask, axis) ? (steps[axis]! > 0 ? HIGHEST : LOWEST) : e;
  });
  const axes = begin.map((_, axis) => axis);
  const shrunk = axes.filter((axis) => bit(shrinkAxisMask, axis));
  const bounds = [
    starts,
    ends,
    axes,
    shrunk.length > 0 ? steps.map((s, axis) => (bit(shrinkAxisMask, axis) ? 1 : s)) : steps,
  ];
  const [startsName, endsName, axesName, stepsName] = ["starts", "ends", "axes", "steps"].map((part, i) =>
    c.w.constant(`${c.name}:${part}`, bounds[i]!),
  );
  const sliced = shrunk.length > 0 ? `${c.name}:sliced` : c.outputs[0]!;
  c.node({ kind: "slice", attrs: {}, inputs: [c.inputs[0], startsName, endsName, axesName, stepsName] }, [
    sliced,
  ]);
  if (shrunk.length > 0)
    c.w.add(
      `${c.name}/shrink`,
      "SQUEEZE",
      c.outputs,
      {
        kind: "reshape",
        attrs: { op: "Squeeze", axes: shrunk },
        inputs: [sliced],
      },
      c.source,
    );
};

/**
 * TRANSPOSE_CONV: input 1 the output's dims (N×H×W×O), the filter O×kH×kW×I, given to the kind as
 * I×O×kH×kW, the data input 3, a bias input 4 (from schema version 3 on).
 */
const transposeConv: Lowering = (c) => {
  const [o, kh, kw, i] = c.tensor(1)!.shape as [number, number, number, number];
  const filter = c.w.restored(c.op.inputs[1]!, [i, o, kh, kw]);
  // the output's dims: input 1's values when they are constants, else as the file declares the output
  const dims = c.tensor(0)?.values ?? c.outputShape;
  const { strides, autoPad } = c.window([kh, kw]);
  const attrs = {
    ...(strides && { strides }),
    ...(autoPad && { autoPad }),
    group: 1,
    outputSpatial: dims.slice(1, -1),
    channelsLast: true,
  };
  c.fused({ kind: "conv-transpose", attrs, inputs: [c.inputs[2], filter, c.inputs[3]] });
};

/** BATCH_MATMUL: a MatMul, each operand adjoint (adj_x, adj_y) first swapping its last two axes. */
const batchMatmul: Lowering = (c) => {
  const operand = (position: number, adjoint: unknown) => {
    const name = c.inputs[position];
    if (adjoint !== true) return name;
    const rank = c.tensor(position)!.shape.length;
    const perm = [...Array(rank).keys()].map((axis) => (axis < rank - 2 ? axis : 2 * rank - 3 - axis));
    const swapped = `${c.name}:adjoint-${position}`;
    c.w.add(
      `${c.name}/adjoint-${position}`,
      "TRANSPOSE",
      [swapped],
      {
        kind: "transpose",
        attrs: { perm },
        inputs: [name],
      },
      c.source,
    );
    return swapped;
  };
  const inputs = [operand(0, c.op.options.adjX), operand(1, c.op.options.adjY)];
  c.node({ kind: "matmul", attrs: {}, inputs });
};

/** Every builtin operator with a lowering. */
const LOWERINGS: Readonly<Record<string, Lowering>> = {
  CONV_2D: conv2d,
  DEPTHWISE_CONV_2D: depthwiseConv2d,
  FULLY_CONNECTED: fullyConnected,
  AVERAGE_POOL_2D: pool2d("average"),
  MAX_POOL_2D: pool2d("max"),
  L2_POOL_2D: pool2d("lp"),
  SOFTMAX: (c) => c.node({ kind: "softmax", attrs: { op: "Softmax", axis: -1 }, inputs: [c.inputs[0]] }),
  CONCATENATION: (c) =>
    c.fused({ kind: "concat", attrs: { axis: c.op.options.axis as number }, inputs: c.inputs }),
  TRANSPOSE: (c) =>
    c.node({ kind: "transpose", attrs: { perm: c.constantValues(1, "permutation") }, inputs: [c.inputs[0]] }),
  PAD: pad("constant"),
  PADV2: pad("constant"),
  MIRROR_PAD: pad("reflect"),
  RESIZE_BILINEAR: resize("linear"),
  RESIZE_NEAREST_NEIGHBOR: resize("nearest"),
  RESHAPE: view,
  SQUEEZE: view,
  EXPAND_DIMS: view,
  STRIDED_SLICE: stridedSlice,
  TRANSPOSE_CONV: transposeConv,
  BATCH_MATMUL: batchMatmul,
  // the state (input 4) is a variable: what the op reads besides, not part of its shape rule
  SVDF: (c) =>
    c.fused({ kind: "svdf", attrs: { rank: c.op.options.rank as number }, inputs: c.inputs.slice(0, 4) }),
  UNIDIRECTIONAL_SEQUENCE_LSTM: (c) => c.node({ kind: "lstm", attrs: {}, inputs: c.inputs }),
};

const lowerUnary: Lowering = (c) => {
  const { op, bounds } = UNARY[c.op.op]!;
  const outputType = typeOf(c.w.graph.tensors[c.op.outputs[0]!]!.type, c.name);
  c.node({ kind: "unary", attrs: { op, ...(bounds && { bounds }), outputType }, inputs: [c.inputs[0]] });
};

/** A custom operator: the shapes the file declares; what it reads besides computed tensors and constants (an NPU's scratch areas) is its own. */
const lowerCustom: Lowering = (c) => {
  c.node({
    kind: "declared",
    attrs: { outputs: c.op.outputs.map((i) => c.w.graph.tensors[i]!.shape) },
    inputs: c.inputs.filter((tensor) => tensor !== undefined && c.w.isKnown(tensor)),
  });
};

const lowerBroadcast: Lowering = (c) =>
  c.fused({ kind: "broadcast", attrs: { op: BROADCAST[c.op.op]!, channelsLast: true }, inputs: c.inputs });

const lowerReduce: Lowering = (c) => {
  const attrs = {
    op: REDUCE[c.op.op]!,
    axesFromInput: true,
    keepdims: c.op.options.keepDims === true,
    channelsLast: true,
  };
  c.node({ kind: "reduce", attrs, inputs: [c.inputs[0], c.inputs[1]] });
};

/** The lowering of an operator: its own, its family's (element-wise, reductions), a custom op's; none: no rule. */
function loweringOf(op: string): Lowering | undefined {
  if (Object.hasOwn(LOWERINGS, op)) return LOWERINGS[op];
  if (Object.hasOwn(UNARY, op)) return lowerUnary;
  if (Object.hasOwn(BROADCAST, op)) return lowerBroadcast;
  if (Object.hasOwn(REDUCE, op)) return lowerReduce;
  return op.startsWith("CUSTOM:") ? lowerCustom : undefined;
}

/** Each operator onto its kind, or refused by name. */
function lowerOperator(w: SubgraphWriter, op: TfliteOperator, at: number): void {
  const c = new OperatorContext(w, op, at);
  const lowering = loweringOf(op.op);
  if (!lowering)
    throw new InputError(
      `operator ${at + 1} (${op.op}, writing '${c.name}'): mbn-cost has no cost rule for ${op.op} yet`,
    );
  lowering(c);
}

/**
 * The subgraph's data input (first in the lowered graph, where the batch is read): the first of those
 * with the most dims (a TRANSPOSE_CONV's output dims may be an input too, a vector).
 */
export function dataInputOf(g: TfliteSubgraph): number | undefined {
  let best: number | undefined;
  for (const i of g.inputs)
    if (best === undefined || g.tensors[i]!.shape.length > g.tensors[best]!.shape.length) best = i;
  return best;
}

/** The model's first subgraph (the one TFLite runs) as a tensor graph. */
export function lowerTflite(model: TfliteModel, options: TfliteLowering = {}): TensorGraph {
  const g = model.subgraphs[0];
  if (!g) throw new InputError("the model has no subgraph");
  const w = new SubgraphWriter(g);
  for (const [i, t] of g.tensors.entries()) {
    const name = w.name(i)!;
    const dtype = typeOf(t.type, `tensor '${name}'`);
    if (t.bytes > 0)
      w.initializers.set(name, { dims: t.shape, dtype, ...(t.values && { values: t.values }) });
  }
  const data = dataInputOf(g);
  for (const i of [data, ...g.inputs.filter((i) => i !== data)]) {
    if (i === undefined) continue;
    const t = g.tensors[i]!;
    const dims = t.shape.map((d, axis) => (i === data ? (options.sizeOf?.(axis) ?? d) : d));
    w.inputs.set(w.name(i)!, { dims, dtype: typeOf(t.type, `input '${t.name}'`) });
  }
  // a variable (an LSTM's state) is written as the model runs: an input of each step, not a weight
  for (const [i, t] of g.tensors.entries())
    if (t.variable && !w.inputs.has(w.name(i)!))
      w.inputs.set(w.name(i)!, { dims: t.shape, dtype: typeOf(t.type, `tensor '${t.name}'`) });
  for (const [at, op] of g.operators.entries()) lowerOperator(w, op, at);
  return { inputs: w.inputs, initializers: w.initializers, nodes: w.nodes };
}
