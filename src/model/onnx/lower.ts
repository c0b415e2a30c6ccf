/**
 * An ONNX graph lowered onto the tensor-graph engine's op kinds (graph/): each node of the standard
 * domain becomes one node of a kind, its attributes read with the operator's defaults at the file's
 * opset (onnx/onnx docs/Operators.md and docs/Changelog.md), its inputs put in the kind's positions.
 * Lowering computes no shape: the kinds do (graph/infer.ts).
 */
import { InputError } from "../../errors.js";
import type { GraphNode, TensorGraph } from "../../graph/graph.js";
import { DATA_TYPE_NAMES, type DataType, type Tensor, tensorOf } from "../../graph/tensor.js";
import { AUTO_PADS, type AutoPad, type WindowAttrs } from "../../layers/window.js";
import { exportedAs, exporterReading } from "./exporter-names.js";
import type {
  FoldedNorms,
  OnnxAttribute,
  OnnxConstant,
  OnnxGraph,
  OnnxNode,
  OnnxValueInfo,
} from "./graph.js";
import { orderNodes } from "./order.js";

/** What a lowering returns: the node's kind and attributes, and its inputs in the kind's positions. */
type Lowered = Omit<GraphNode, "name" | "op" | "outputs">;

type Lowering = (node: OnnxNode, opset: number) => Lowered;

const described = (node: OnnxNode) => `${node.opType} '${node.name}'`;

const has = (node: OnnxNode, name: string): boolean => Object.hasOwn(node.attributes, name);
const attribute = (node: OnnxNode, name: string): OnnxAttribute | undefined =>
  has(node, name) ? node.attributes[name] : undefined;
const int = (node: OnnxNode, name: string, fallback: number): number => attribute(node, name)?.i ?? fallback;
const ints = (node: OnnxNode, name: string): readonly number[] | undefined => attribute(node, name)?.ints;
const text = (node: OnnxNode, name: string, fallback: string): string => attribute(node, name)?.s ?? fallback;

/** Input names in the given ONNX positions; an omitted optional input ("" or past the end) is undefined. */
const at = (node: OnnxNode, ...positions: number[]): (string | undefined)[] =>
  positions.map((p) => (node.inputs[p] ?? "") || undefined);

const all = (node: OnnxNode): (string | undefined)[] => node.inputs.map((name) => name || undefined);

const dataType = (code: number | undefined): DataType | undefined =>
  code !== undefined && Object.hasOwn(DATA_TYPE_NAMES, code)
    ? DATA_TYPE_NAMES[code as keyof typeof DATA_TYPE_NAMES]
    : undefined;

export const tensorOfConstant = (c: OnnxConstant): Tensor => tensorOf(c.dims, dataType(c.dataType), c.values);

function autoPad(node: OnnxNode): AutoPad {
  const value = text(node, "auto_pad", "NOTSET");
  if (!(AUTO_PADS as readonly string[]).includes(value))
    throw new InputError(`${described(node)}: auto_pad '${value}' is not one of ${AUTO_PADS.join(", ")}`);
  return value as AutoPad;
}

function windowOf(node: OnnxNode): Omit<WindowAttrs, "kernel"> & { kernel?: readonly number[] } {
  const kernel = ints(node, "kernel_shape");
  const strides = ints(node, "strides");
  const dilations = ints(node, "dilations");
  const pads = ints(node, "pads");
  return {
    ...(kernel && { kernel }),
    ...(strides && { strides }),
    ...(dilations && { dilations }),
    ...(pads && { pads }),
    autoPad: autoPad(node),
    ceilMode: int(node, "ceil_mode", 0) === 1,
  };
}

function poolWindow(node: OnnxNode): WindowAttrs {
  const { kernel, ...rest } = windowOf(node);
  if (kernel === undefined) throw new InputError(`${described(node)}: it has no kernel_shape`);
  return { kernel, ...rest };
}

const convLowering =
  (positions: [number, number, number], outputType?: (node: OnnxNode) => DataType | undefined): Lowering =>
  (node) => {
    const { ceilMode: _, ...window } = windowOf(node);
    const type = outputType?.(node);
    return {
      kind: "conv",
      attrs: { window, group: int(node, "group", 1), ...(type && { outputType: type }) },
      inputs: at(node, ...positions),
      extraInputs: node.inputs.filter((name, i) => name !== "" && !positions.includes(i)),
    };
  };

const unaryLowering =
  (outputType?: (node: OnnxNode) => DataType | undefined): Lowering =>
  (node) => {
    const type = outputType?.(node);
    return {
      kind: "unary",
      attrs: { op: node.opType, ...(type && { outputType: type }) },
      inputs: at(node, 0),
      extraInputs: node.inputs.slice(1).filter((name) => name !== ""),
    };
  };

const broadcastLowering: Lowering = (node) => ({
  kind: "broadcast",
  attrs: { op: node.opType, ...(node.opType === "Mod" && { fmod: int(node, "fmod", 0) === 1 }) },
  inputs: all(node),
});

const reduceLowering =
  (axesInputFrom: number): Lowering =>
  (node, opset) => {
    const axesFromInput = opset >= axesInputFrom;
    const axes = ints(node, "axes");
    return {
      kind: "reduce",
      attrs: {
        op: node.opType,
        ...(axes && !axesFromInput && { axes }),
        axesFromInput,
        keepdims: int(node, "keepdims", 1) === 1,
        noopWithEmptyAxes: int(node, "noop_with_empty_axes", 0) === 1,
      },
      inputs: axesFromInput ? at(node, 0, 1) : at(node, 0),
    };
  };

const argLowering: Lowering = (node) => ({
  kind: "reduce",
  attrs: { op: node.opType, axes: [int(node, "axis", 0)], keepdims: int(node, "keepdims", 1) === 1 },
  inputs: at(node, 0),
});

const normLowering =
  (mode: "batch" | "instance" | "layer" | "group" | "lp" | "mean-variance"): Lowering =>
  (node) => ({
    kind: "norm",
    attrs: {
      mode,
      ...(mode === "layer" && { axis: int(node, "axis", -1) }),
      ...(mode === "group" && { groups: int(node, "num_groups", 0) }),
    },
    inputs: all(node),
  });

const poolLowering =
  (mode: "max" | "average" | "lp", global: boolean): Lowering =>
  (node) => ({
    kind: "pool",
    attrs: {
      mode,
      ...(!global && { window: poolWindow(node) }),
      ...(mode === "average" && { countIncludePad: int(node, "count_include_pad", 0) === 1 }),
    },
    inputs: at(node, 0),
  });

/** Softmax and its kin: the axis defaults to 1 before opset 13 (the input seen as 2-d from there), −1 from 13. */
const softmaxLowering =
  (op: "Softmax" | "LogSoftmax" | "Hardmax"): Lowering =>
  (node, opset) => ({
    kind: "softmax",
    attrs: { op, axis: int(node, "axis", opset >= 13 ? -1 : 1) },
    inputs: at(node, 0),
  });

/** QuantizeLinear writes its zero point's element type (uint8 without one): the zero point is read for it. */
const quantizeLowering: Lowering = (node) => ({
  kind: "unary",
  attrs: { op: node.opType, outputType: "uint8", typeFromInput: 1 },
  inputs: at(node, 0, 2),
  extraInputs: at(node, 1).filter((n): n is string => n !== undefined),
});

const toType = (node: OnnxNode) => dataType(int(node, "to", 0));

const constantValue = (node: OnnxNode): Tensor => {
  const a = node.attributes;
  const t = attribute(node, "value")?.t;
  if (t) return tensorOfConstant(t);
  if (has(node, "value_float")) return tensorOf([], "float32", [a.value_float!.f!]);
  if (has(node, "value_floats"))
    return tensorOf([a.value_floats!.floats!.length], "float32", a.value_floats!.floats);
  if (has(node, "value_int")) return tensorOf([], "int64", [a.value_int!.i!]);
  if (has(node, "value_ints")) return tensorOf([a.value_ints!.ints!.length], "int64", a.value_ints!.ints);
  throw new InputError(`${described(node)}: a constant of a form not read (sparse or string values)`);
};

/** ONNX operator type → its lowering. Types not here are not counted (an error, or --allow-unknown outside the standard domain). */
const LOWERINGS: Readonly<Record<string, Lowering>> = {
  Conv: convLowering([0, 1, 2]),
  ConvInteger: convLowering([0, 1, -1], () => "int32"),
  // its output has its data's element type (the zero points of x and y share it in every quantizer)
  QLinearConv: convLowering([0, 3, 8]),
  // output_shape: the output's spatial sizes (its pads then follow from them)
  ConvTranspose: (node) => {
    const { kernel: _, ceilMode: __, ...window } = windowOf(node);
    const outputPadding = ints(node, "output_padding");
    const outputSpatial = ints(node, "output_shape");
    return {
      kind: "conv-transpose",
      attrs: {
        ...window,
        group: int(node, "group", 1),
        ...(outputPadding && { outputPadding }),
        ...(outputSpatial && { outputSpatial }),
      },
      inputs: at(node, 0, 1, 2),
    };
  },
  MaxPool: poolLowering("max", false),
  AveragePool: poolLowering("average", false),
  LpPool: poolLowering("lp", false),
  GlobalMaxPool: poolLowering("max", true),
  GlobalAveragePool: poolLowering("average", true),
  GlobalLpPool: poolLowering("lp", true),
  Gemm: (node) => ({
    kind: "gemm",
    attrs: { transA: int(node, "transA", 0) === 1, transB: int(node, "transB", 0) === 1 },
    inputs: at(node, 0, 1, 2),
  }),
  MatMul: (node) => ({ kind: "matmul", attrs: {}, inputs: at(node, 0, 1) }),
  MatMulInteger: (node) => ({
    kind: "matmul",
    attrs: { outputType: "int32" },
    inputs: at(node, 0, 1),
    extraInputs: node.inputs.slice(2).filter((n) => n !== ""),
  }),
  QLinearMatMul: (node) => ({
    kind: "matmul",
    attrs: {},
    inputs: at(node, 0, 3),
    extraInputs: [1, 2, 4, 5, 6, 7].map((p) => node.inputs[p] ?? "").filter((n) => n !== ""),
  }),
  Einsum: (node) => ({ kind: "einsum", attrs: { equation: text(node, "equation", "") }, inputs: all(node) }),
  BatchNormalization: normLowering("batch"),
  InstanceNormalization: normLowering("instance"),
  LayerNormalization: normLowering("layer"),
  GroupNormalization: normLowering("group"),
  LpNormalization: normLowering("lp"),
  MeanVarianceNormalization: normLowering("mean-variance"),
  Softmax: softmaxLowering("Softmax"),
  LogSoftmax: softmaxLowering("LogSoftmax"),
  Hardmax: softmaxLowering("Hardmax"),
  ReduceSum: reduceLowering(13),
  ReduceMean: reduceLowering(18),
  ReduceMax: reduceLowering(18),
  ReduceMin: reduceLowering(18),
  ReduceProd: reduceLowering(18),
  ReduceL1: reduceLowering(18),
  ReduceL2: reduceLowering(18),
  ReduceLogSum: reduceLowering(18),
  ReduceLogSumExp: reduceLowering(18),
  ReduceSumSquare: reduceLowering(18),
  ArgMax: argLowering,
  ArgMin: argLowering,
  Reshape: (node) => ({
    kind: "reshape",
    attrs: { op: "Reshape", allowzero: int(node, "allowzero", 0) === 1 },
    inputs: at(node, 0, 1),
  }),
  Flatten: (node) => ({
    kind: "reshape",
    attrs: { op: "Flatten", axis: int(node, "axis", 1) },
    inputs: at(node, 0),
  }),
  Squeeze: (node, opset) => squeezeLowering(node, opset, "Squeeze"),
  Unsqueeze: (node, opset) => squeezeLowering(node, opset, "Unsqueeze"),
  Transpose: (node) => {
    const perm = ints(node, "perm");
    return { kind: "transpose", attrs: perm ? { perm } : {}, inputs: at(node, 0) };
  },
  Concat: (node) => ({ kind: "concat", attrs: { axis: int(node, "axis", 0) }, inputs: all(node) }),
  Split: (node, opset) => {
    const split = opset < 13 ? ints(node, "split") : undefined;
    const numOutputs = has(node, "num_outputs") ? int(node, "num_outputs", 0) : undefined;
    return {
      kind: "split",
      attrs: {
        axis: int(node, "axis", 0),
        outputs: node.outputs.length,
        ...(split && split.length > 0 && { split }),
        ...(numOutputs !== undefined && { numOutputs }),
      },
      inputs: opset < 13 ? at(node, 0) : at(node, 0, 1),
    };
  },
  Slice: (node, opset) => {
    if (opset >= 10) return { kind: "slice", attrs: {}, inputs: at(node, 0, 1, 2, 3, 4) };
    const axes = ints(node, "axes");
    return {
      kind: "slice",
      attrs: { starts: ints(node, "starts") ?? [], ends: ints(node, "ends") ?? [], ...(axes && { axes }) },
      inputs: at(node, 0),
    };
  },
  Pad: (node, opset) =>
    opset < 11
      ? {
          kind: "pad",
          attrs: { pads: ints(node, "pads") ?? [], mode: text(node, "mode", "constant") },
          inputs: at(node, 0),
        }
      : { kind: "pad", attrs: { mode: text(node, "mode", "constant") }, inputs: at(node, 0, 1, 2, 3) },
  Resize: (node, opset) => ({
    kind: "resize",
    attrs: {
      mode: text(node, "mode", "nearest"),
      ...(has(node, "axes") && { axes: ints(node, "axes") ?? [] }),
    },
    inputs: opset < 11 ? at(node, 0, 1) : at(node, 0, 2, 3),
    extraInputs: opset < 11 ? [] : at(node, 1).filter((n): n is string => n !== undefined),
  }),
  Upsample: (node, opset) =>
    opset < 9
      ? {
          kind: "resize",
          attrs: { mode: text(node, "mode", "nearest"), scales: attribute(node, "scales")?.floats ?? [] },
          inputs: at(node, 0),
        }
      : { kind: "resize", attrs: { mode: text(node, "mode", "nearest") }, inputs: at(node, 0, 1) },
  Gather: (node) => ({
    kind: "gather",
    attrs: { op: "Gather", axis: int(node, "axis", 0) },
    inputs: at(node, 0, 1),
  }),
  GatherElements: (node) => ({
    kind: "gather",
    attrs: { op: "GatherElements", axis: int(node, "axis", 0) },
    inputs: at(node, 0, 1),
  }),
  Shape: (node) => ({
    kind: "shape",
    attrs: {
      op: "Shape",
      ...(has(node, "start") && { start: int(node, "start", 0) }),
      ...(has(node, "end") && { end: int(node, "end", 0) }),
    },
    inputs: at(node, 0),
  }),
  Size: (node) => ({ kind: "shape", attrs: { op: "Size" }, inputs: at(node, 0) }),
  Constant: (node) => ({
    kind: "constant",
    attrs: { op: "Constant", value: constantValue(node) },
    inputs: [],
  }),
  ConstantOfShape: (node) => {
    const t = attribute(node, "value")?.t;
    return {
      kind: "constant",
      attrs: { op: "ConstantOfShape", ...(t && { value: tensorOfConstant(t) }) },
      inputs: at(node, 0),
    };
  },
  Expand: (node) => ({ kind: "expand", attrs: { op: "Expand" }, inputs: at(node, 0, 1) }),
  Tile: (node) => ({ kind: "expand", attrs: { op: "Tile" }, inputs: at(node, 0, 1) }),
  Range: (node) => ({ kind: "range", attrs: {}, inputs: at(node, 0, 1, 2) }),
  DepthToSpace: (node) => ({
    kind: "depth-to-space",
    attrs: { op: "DepthToSpace", blocksize: int(node, "blocksize", 0) },
    inputs: at(node, 0),
  }),
  SpaceToDepth: (node) => ({
    kind: "depth-to-space",
    attrs: { op: "SpaceToDepth", blocksize: int(node, "blocksize", 0) },
    inputs: at(node, 0),
  }),
  Cast: unaryLowering(toType),
  CastLike: (node) => ({
    kind: "unary",
    attrs: { op: "CastLike" },
    inputs: at(node, 0),
    extraInputs: at(node, 1).filter((n): n is string => !!n),
  }),
  QuantizeLinear: quantizeLowering,
  DequantizeLinear: unaryLowering(() => "float32"),
  DynamicQuantizeLinear: unaryLowering(() => "uint8"),
  // its bounds: attributes before opset 11, inputs 2 and 3 from 11
  Clip: (node, opset) =>
    opset < 11
      ? {
          kind: "unary",
          attrs: { op: "Clip", bounds: [attribute(node, "min")?.f, attribute(node, "max")?.f] },
          inputs: at(node, 0),
        }
      : { kind: "unary", attrs: { op: "Clip" }, inputs: at(node, 0, 1, 2) },
  // scatters write updates into a copy of their data: the data's dims
  ScatterND: unaryLowering(),
  ScatterElements: unaryLowering(),
  Scatter: unaryLowering(),
  Where: broadcastLowering,
  PRelu: broadcastLowering,
  ...Object.fromEntries(
    [
      "Add",
      "Sub",
      "Mul",
      "Div",
      "Pow",
      "Mod",
      "Max",
      "Min",
      "Sum",
      "Mean",
      "Equal",
      "Less",
      "Greater",
      "LessOrEqual",
      "GreaterOrEqual",
      "And",
      "Or",
      "Xor",
      "BitShift",
    ].map((op) => [op, broadcastLowering]),
  ),
  ...Object.fromEntries(
    [
      "Identity",
      "Dropout",
      "Relu",
      "LeakyRelu",
      "Elu",
      "Selu",
      "Celu",
      "ThresholdedRelu",
      "Sigmoid",
      "HardSigmoid",
      "HardSwish",
      "Tanh",
      "Softplus",
      "Softsign",
      "Gelu",
      "Mish",
      "Erf",
      "Exp",
      "Log",
      "Sqrt",
      "Reciprocal",
      "Neg",
      "Abs",
      "Floor",
      "Ceil",
      "Round",
      "Sign",
      "Not",
      "Sin",
      "Cos",
      "IsNaN",
      "IsInf",
      "CumSum",
      "Trilu",
      "Shrink",
    ].map((op) => [op, unaryLowering()]),
  ),
};

function squeezeLowering(node: OnnxNode, opset: number, op: "Squeeze" | "Unsqueeze"): Lowered {
  const axes = ints(node, "axes");
  return opset < 13
    ? { kind: "reshape", attrs: { op, axes: axes ?? [] }, inputs: at(node, 0) }
    : { kind: "reshape", attrs: { op }, inputs: at(node, 0, 1) };
}

/** Whether this standard operator type is lowered onto a kind. */
export const isLowered = (opType: string): boolean => Object.hasOwn(LOWERINGS, opType);

const qualified = (node: OnnxNode) => `${node.domain ? `${node.domain}.` : ""}${node.opType}`;

/**
 * An operator outside the standard domain, let through by --allow-unknown: it counts nothing, and its
 * outputs have the dims the file declares, or it is refused (nothing downstream is guessed).
 */
function declaredNode(node: OnnxNode, declared: ReadonlyMap<string, readonly number[]>): Lowered {
  const outputs = node.outputs.map((name) => {
    const dims = declared.get(name);
    if (dims === undefined)
      throw new InputError(
        `${described(node)}: the operator ${qualified(node)} is not counted, and the file does not declare the shape of its output '${name}', so what follows cannot be counted either`,
      );
    return dims;
  });
  return { kind: "declared", attrs: { outputs }, inputs: all(node) };
}

export function lowerNode(
  node: OnnxNode,
  opset: number,
  unknown?: { readonly declared: ReadonlyMap<string, readonly number[]> },
): GraphNode {
  const standard = node.domain === "";
  const lowering = standard && isLowered(node.opType) ? LOWERINGS[node.opType]! : undefined;
  if (!lowering && (standard || !unknown))
    throw new InputError(
      `${described(node)}: the operator ${qualified(node)} is not counted${standard ? "" : " (--allow-unknown lets an operator outside the standard domain through when the file declares its output shapes)"}`,
    );
  const lowered = lowering ? lowering(node, opset) : declaredNode(node, unknown!.declared);
  return { name: node.name, op: node.opType, outputs: node.outputs, ...lowered } as GraphNode;
}

/** How a file's nodes are read, whatever size it is counted at. */
export interface GraphReading {
  /** Which convs with a bias hold a folded BatchNorm (default auto: PyTorch's renamed weights). */
  readonly foldedNorms?: FoldedNorms;
  /** Let operators outside the standard domain through, uncounted, where the file declares their outputs' dims. */
  readonly allowUnknown?: boolean;
}

export interface LoweringOptions extends GraphReading {
  /** The batch of a graph whose batch is dynamic (default 1). */
  readonly batch?: number;
  /**
   * Sizes of the inputs' other dims, by input name and axis: a dynamic dim's, or one replacing the
   * size the file declares (height and width at --resolution); undefined keeps the file's.
   */
  readonly sizeOf?: (name: string, axis: number) => number | undefined;
}

/** The dims the file declares for its tensors, where it declares them whole. */
function declaredDims(graph: OnnxGraph): Map<string, readonly number[]> {
  const known = new Map<string, readonly number[]>();
  for (const info of graph.declared ?? [])
    if (info.dims?.every((d) => typeof d === "number" && d >= 0)) known.set(info.name, info.dims as number[]);
  return known;
}

/** A graph input's dims with its dynamic ones settled; refused when one cannot be. */
function settledDims(info: OnnxValueInfo, options: LoweringOptions): number[] {
  if (info.dims === undefined) throw new InputError(`input '${info.name}': the file gives no shape`);
  return info.dims.map((d, axis) => {
    const given = axis > 0 ? options.sizeOf?.(info.name, axis) : undefined;
    if (given !== undefined) return given;
    if (typeof d === "number" && d > 0) return d;
    const size = axis === 0 ? (options.batch ?? 1) : undefined;
    if (size === undefined)
      throw new InputError(
        `input '${info.name}': dimension ${axis + 1} (${d ?? "unnamed"}) is dynamic; give it a size`,
      );
    return size;
  });
}

/**
 * The data among a graph's inputs: the first, and any other with a dynamic dimension or a type that is
 * not float. The rest are weights of a file exported without them (torch.onnx.export with
 * export_params=False lists them after the data, each with its fixed shape).
 */
function isDataInput(info: OnnxValueInfo, index: number): boolean {
  if (index === 0) return true;
  const type = dataType(info.elemType);
  return (
    info.dims === undefined ||
    info.dims.some((d) => typeof d !== "number" || d < 1) ||
    (type !== undefined && type !== "float32" && type !== "float16")
  );
}

/**
 * The file's graph as a tensor graph: nodes ordered and lowered, data inputs settled, weights and
 * constants kept. An Identity of a stored tensor is the exporter's copy of a weight (torch 1.13 stores
 * equal initializers once and copies them so): it becomes a weight of its own, not a node.
 */
export function lowerGraph(file: OnnxGraph, options: LoweringOptions = {}): TensorGraph {
  const graph = orderNodes(file);
  const stored = new Map([...graph.initializers].map(([name, c]) => [name, tensorOfConstant(c)]));
  const inputs = new Map<string, Tensor>();
  for (const [index, info] of graph.inputs.filter((i) => !graph.initializers.has(i.name)).entries()) {
    const tensor = tensorOf(settledDims(info, options), dataType(info.elemType));
    if (isDataInput(info, index)) inputs.set(info.name, tensor);
    else stored.set(info.name, tensor);
  }
  const reading = exporterReading(graph, stored, options.foldedNorms ?? "auto");
  const unknown = options.allowUnknown ? { declared: declaredDims(graph) } : undefined;
  const nodes: GraphNode[] = [];
  for (const node of graph.nodes) {
    const copied =
      node.opType === "Identity" && node.domain === "" ? stored.get(node.inputs[0] ?? "") : undefined;
    if (copied) {
      stored.set(node.outputs[0]!, copied);
      continue;
    }
    // the lowered node is new: the exporter's flags join it rather than a copy of it
    nodes.push(
      Object.assign(lowerNode(node, graph.opset, unknown), exportedAs(node, reading), {
        source: node.source ?? node.name,
      }),
    );
  }
  return { inputs, initializers: stored, nodes };
}
