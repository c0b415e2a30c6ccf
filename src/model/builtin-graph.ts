/**
 * A built network as a tensor graph: each built op lowered onto the engine's op kinds (graph/kinds), as
 * an exporter writes the same layers — a conv with its bias, BatchNorm and activation as nodes of their
 * own, an FC as Flatten + Gemm, squeeze-and-excite's gate multiplying the map, MobileNetV4's attention
 * as reshapes, two MatMuls and a Softmax. Shapes come from the kinds' own rules as each node is added;
 * the lowering writes only what a layer stores (its weights' layout) and its attributes.
 *
 * The built-in evaluator (evaluate/cost.ts, the papers' formulas per layer kind) is the fast path; the
 * engine counting this graph is the general one, and the two are proven equal on every built-in model
 * under every convention (test/model/builtin-graph.test.ts).
 */
import { inferNode } from "../graph/infer.js";
import type { GraphNode, TensorGraph } from "../graph/graph.js";
import type { Tensor } from "../graph/tensor.js";
import type { Activation, OpSpec, Shape } from "../layers/define-layer-kind.js";
import { mixedGroups } from "../layers/mixed-conv.js";
import { resampling } from "../layers/resample.js";

export interface BuiltinGraph {
  readonly graph: TensorGraph;
  /** Each node's built op, by index in the ops lowered. */
  readonly origin: readonly number[];
  /** Each built op's output tensor. */
  readonly outputs: readonly string[];
  /** Every tensor, inferred as the nodes were added. */
  readonly tensors: ReadonlyMap<string, Tensor>;
}

type NewNode = Omit<GraphNode, "block" | "outputs"> & { readonly outputs?: readonly string[] };

/** Adds nodes and stored tensors for one op at a time, inferring each node's outputs as it comes. */
class GraphWriter {
  readonly nodes: GraphNode[] = [];
  readonly origin: number[] = [];
  readonly initializers = new Map<string, Tensor>();
  readonly tensors = new Map<string, Tensor>();
  private op: OpSpec | undefined;
  private index = -1;

  /** The op whose nodes come next. */
  begin(op: OpSpec, index: number): void {
    this.op = op;
    this.index = index;
  }

  dims(tensor: string): readonly number[] {
    return this.tensors.get(tensor)!.dims;
  }

  /** A stored tensor of the op's: a weight (its values never known), or a small constant with values. */
  stored(part: string, dims: readonly number[], values?: readonly number[]): string {
    const name = `${this.op!.name}.${part}`;
    const tensor: Tensor = values ? { dims, dtype: "int64", values } : { dims, dtype: "float32" };
    this.initializers.set(name, tensor);
    this.tensors.set(name, tensor);
    return name;
  }

  /** Adds a node named after the op (`part` after a slash when it is not the op's main node); its first output. */
  add(part: string, node: NewNode): string {
    const name = part === "" ? this.op!.name : `${this.op!.name}/${part}`;
    const full = {
      ...node,
      name,
      block: this.op!.block,
      outputs: node.outputs ?? [name],
    } as GraphNode;
    inferNode(full, this.tensors);
    this.nodes.push(full);
    this.origin.push(this.index);
    return full.outputs[0]!;
  }
}

const unary = (op: string, x: string, bounds?: readonly [number, number]): NewNode => ({
  name: "",
  op,
  kind: "unary",
  attrs: { op, ...(bounds && { bounds }) },
  inputs: [x],
});

const ACTIVATION_OPS: Record<Exclude<Activation, "none" | "relu6" | "silu">, string> = {
  relu: "Relu",
  hswish: "HardSwish",
  hsigmoid: "HardSigmoid",
  sigmoid: "Sigmoid",
  gelu: "Gelu",
};

/** The op's BatchNorm (γ, β and the running statistics) and activation after its main node. */
function normAndActivation(w: GraphWriter, op: OpSpec, x: string): string {
  let y = x;
  if (op.bn && op.norm === "rms") {
    const scale = w.stored("norm.weight", [w.dims(y)[1]!]);
    y = w.add("norm", {
      name: "",
      op: "RMSNormalization",
      kind: "norm",
      attrs: { mode: "rms" },
      inputs: [y, scale],
    });
  } else if (op.bn) {
    const channels = [w.dims(y)[1]!];
    const [scale, shift, mean, variance] = ["bn.weight", "bn.bias", "bn.mean", "bn.var"].map((part) =>
      w.stored(part, channels),
    );
    y = w.add("bn", {
      name: "",
      op: "BatchNormalization",
      kind: "norm",
      attrs: { mode: "batch" },
      inputs: [y, scale, shift, mean, variance],
    });
  }
  return activation(w, op.act, y);
}

function activation(w: GraphWriter, act: Activation, x: string): string {
  if (act === "none") return x;
  if (act === "relu6") return w.add("act", unary("Clip", x, [0, 6]));
  if (act !== "silu") return w.add("act", unary(ACTIVATION_OPS[act], x));
  // x·σ(x), as torch exports SiLU (graph/patterns.ts reads the pair as one)
  const gate = w.add("act/sigmoid", unary("Sigmoid", x));
  return w.add("act", { name: "", op: "Mul", kind: "broadcast", attrs: { op: "Mul" }, inputs: [x, gate] });
}

type ConvOp = Extract<OpSpec, { kind: "conv" | "pointwise" | "depthwise" | "gconv" }>;

function lowerConv(w: GraphWriter, op: ConvOp, x: string): string {
  const channels = w.dims(x)[1]!;
  const weight = w.stored("weight", [op.out, channels / op.groups, op.kernel, op.kernel]);
  const bias = op.bias ? [w.stored("bias", [op.out])] : [];
  const y = w.add("", {
    name: "",
    op: "Conv",
    kind: "conv",
    attrs: {
      window: { kernel: [op.kernel, op.kernel], strides: [op.stride, op.stride], autoPad: "SAME_UPPER" },
      group: op.groups,
    },
    inputs: [x, weight, ...bias],
  });
  return normAndActivation(w, op, y);
}

/** Blur pooling as timm's BlurPool2d runs it: F.conv2d with its filter, a buffer (a constant, not a parameter). */
function lowerBlurPool(w: GraphWriter, op: Extract<OpSpec, { kind: "blurpool" }>, x: string): string {
  const channels = w.dims(x)[1]!;
  const filter = w.add("filter", {
    name: "",
    op: "Constant",
    kind: "constant",
    attrs: { op: "Constant", value: { dims: [channels, 1, op.kernel, op.kernel], dtype: "float32" } },
    inputs: [],
  });
  const window = {
    kernel: [op.kernel, op.kernel],
    strides: [op.stride, op.stride],
    autoPad: "SAME_UPPER" as const,
  };
  return w.add("", {
    name: "",
    op: "Conv",
    kind: "conv",
    attrs: { window, group: channels },
    inputs: [x, filter],
  });
}

/** A mixed convolution as timm's MixedConv2d runs it: the channels split, a conv per group, concatenated. */
function lowerMixedConv(w: GraphWriter, op: Extract<OpSpec, { kind: "mixconv" }>, x: string): string {
  const groups = mixedGroups(op, w.dims(x)[1]!);
  const parts = w.add("split", {
    name: "",
    op: "Split",
    kind: "split",
    attrs: { axis: 1, split: groups.map((g) => g.in), outputs: groups.length },
    inputs: [x],
    outputs: groups.map((_, i) => `${op.name}/split:${i}`),
  });
  const convs = groups.map((g, i) => {
    const group = op.depthwise ? g.in : 1;
    const weight = w.stored(`weight.${i}`, [g.out, g.in / group, g.kernel, g.kernel]);
    const bias = op.bias ? [w.stored(`bias.${i}`, [g.out])] : [];
    const window = {
      kernel: [g.kernel, g.kernel],
      strides: [op.stride, op.stride],
      autoPad: "SAME_UPPER" as const,
    };
    return w.add(`${i}`, {
      name: "",
      op: "Conv",
      kind: "conv",
      attrs: { window, group },
      inputs: [i === 0 ? parts : `${op.name}/split:${i}`, weight, ...bias],
    });
  });
  const joined = w.add("", { name: "", op: "Concat", kind: "concat", attrs: { axis: 1 }, inputs: convs });
  return normAndActivation(w, op, joined);
}

/** Flatten + Gemm, its BatchNorm and activation, and the result as an N×C×1×1 map again. */
function lowerFullyConnected(w: GraphWriter, op: Extract<OpSpec, { kind: "fc" }>, x: string): string {
  const flat = w.add("flatten", {
    name: "",
    op: "Flatten",
    kind: "reshape",
    attrs: { op: "Flatten", axis: 1 },
    inputs: [x],
  });
  const weight = w.stored("weight", [op.out, w.dims(flat)[1]!]);
  const bias = op.bias ? [w.stored("bias", [op.out])] : [];
  const y = w.add("", {
    name: "",
    op: "Gemm",
    kind: "gemm",
    attrs: { transA: false, transB: true },
    inputs: [flat, weight, ...bias],
  });
  const out = normAndActivation(w, op, y);
  return w.add("unsqueeze", {
    name: "",
    op: "Unsqueeze",
    kind: "reshape",
    attrs: { op: "Unsqueeze", axes: [2, 3] },
    inputs: [out],
  });
}

function lowerPool(w: GraphWriter, op: Extract<OpSpec, { kind: "avgpool" }>, x: string): string {
  const global = op.kernel === 0;
  const window = { kernel: [op.kernel, op.kernel], strides: [op.kernel, op.kernel] };
  return w.add("", {
    name: "",
    op: global ? "GlobalAveragePool" : "AveragePool",
    kind: "pool",
    attrs: { mode: "average", ...(!global && { window }) },
    inputs: [x],
    ...(op.functional !== undefined && { functional: op.functional }),
    ...(op.fixedWindow && { fixedWindow: true }),
  });
}

const product = (op: "Add" | "Mul", a: string, b: string): NewNode => ({
  name: "",
  op,
  kind: "broadcast",
  attrs: { op },
  inputs: [a, b],
});

const reshapeTo = (w: GraphWriter, part: string, x: string, target: string): string =>
  w.add(part, {
    name: "",
    op: "Reshape",
    kind: "reshape",
    attrs: { op: "Reshape", allowzero: false },
    inputs: [x, target],
  });

/** A MatMul of two computed tensors (attention's Q·Kᵀ and A·V). */
const matmul = (w: GraphWriter, part: string, a: string, b: string): string =>
  w.add(part, { name: "", op: "MatMul", kind: "matmul", attrs: {}, inputs: [a, b] });

const swapLastTwo = (w: GraphWriter, part: string, x: string): string =>
  w.add(part, { name: "", op: "Transpose", kind: "transpose", attrs: { perm: [0, 1, 3, 2] }, inputs: [x] });

/**
 * Multi-query attention as timm's MultiQueryAttention2d runs it: the queries as h heads of d channels
 * over the map's tokens, the shared key and value over theirs; Q·Kᵀ, softmax, A·V, and the heads back
 * as the queries' map.
 */
function lowerAttention(
  w: GraphWriter,
  op: Extract<OpSpec, { kind: "attention" }>,
  x: string,
  saved: ReadonlyMap<string, string>,
): string {
  const [keys, values] = [op.keys, op.values].map((label) => savedTensor(op, saved, label));
  const heads = w.stored("heads", [4], [0, op.heads, op.keyDim, -1]);
  const shared = w.stored("shared", [4], [0, 1, op.keyDim, -1]);
  const queries = swapLastTwo(w, "queries", reshapeTo(w, "queries/heads", x, heads));
  const keyRows = reshapeTo(w, "keys", keys!, shared);
  const scores = matmul(w, "scores", queries, keyRows);
  const weights = w.add("softmax", {
    name: "",
    op: "Softmax",
    kind: "softmax",
    attrs: { op: "Softmax", axis: -1 },
    inputs: [scores],
  });
  const valueRows = swapLastTwo(w, "values", reshapeTo(w, "values/heads", values!, shared));
  const attended = matmul(w, "values/weighted", weights, valueRows);
  const mapShape = w.add("shape", {
    name: "",
    op: "Shape",
    kind: "shape",
    attrs: { op: "Shape" },
    inputs: [x],
  });
  return reshapeTo(w, "", swapLastTwo(w, "heads", attended), mapShape);
}

function savedTensor(op: OpSpec, saved: ReadonlyMap<string, string>, label: string): string {
  const tensor = saved.get(label);
  if (tensor === undefined) throw new Error(`op ${op.name} reads '${label}', which no earlier op saved`);
  return tensor;
}

/** A Resize of `x` to these height and width, as F.interpolate (nearest or bilinear) calls it. */
function resizeTo(
  w: GraphWriter,
  x: string,
  mode: "nearest" | "linear",
  [height, width]: readonly number[],
): string {
  const [batch, channels] = w.dims(x);
  const sizes = w.stored("sizes", [4], [batch!, channels!, height!, width!]);
  return w.add("", {
    name: "",
    op: "Resize",
    kind: "resize",
    attrs: { mode },
    inputs: [x, undefined, sizes],
    functional: true,
  });
}

/** MobileNetV5's resize to side × side: none, F.avg_pool2d over whole windows, or F.interpolate bilinear. */
function lowerResample(w: GraphWriter, op: Extract<OpSpec, { kind: "resample" }>, x: string): string {
  const [, , height, width] = w.dims(x);
  const how = resampling([height!, width!, 0], op.side);
  if (how === "same") return x;
  if (how === "bilinear") return resizeTo(w, x, "linear", [op.side, op.side]);
  const kernel = [height! / op.side, width! / op.side];
  return w.add("", {
    name: "",
    op: "AveragePool",
    kind: "pool",
    attrs: { mode: "average", window: { kernel, strides: kernel } },
    inputs: [x],
    functional: true,
    fixedWindow: true,
  });
}

/** The op's nodes, reading `x`; its output tensor. */
function lowerOp(w: GraphWriter, op: OpSpec, x: string, saved: ReadonlyMap<string, string>): string {
  switch (op.kind) {
    case "conv":
    case "pointwise":
    case "depthwise":
    case "gconv":
      return lowerConv(w, op, x);
    case "fc":
      return lowerFullyConnected(w, op, x);
    case "avgpool":
      return normAndActivation(w, op, lowerPool(w, op, x));
    case "add":
      return normAndActivation(w, op, w.add("", product("Add", x, savedTensor(op, saved, op.reads))));
    case "scale":
      return normAndActivation(w, op, w.add("", product("Mul", x, savedTensor(op, saved, op.reads))));
    case "layerscale": {
      const gamma = w.stored("gamma", [w.dims(x)[1]!, 1, 1]);
      return normAndActivation(w, op, w.add("", product("Mul", x, gamma)));
    }
    case "norm":
      return normAndActivation(w, op, x);
    case "attention":
      return normAndActivation(w, op, lowerAttention(w, op, x, saved));
    case "upsample": {
      const target = w.dims(savedTensor(op, saved, op.reads)).slice(2);
      const same = target.every((side, i) => side === w.dims(x)[i + 2]);
      return normAndActivation(w, op, same ? x : resizeTo(w, x, "nearest", target));
    }
    case "concat": {
      const other = savedTensor(op, saved, op.reads);
      const joined = w.add("", {
        name: "",
        op: "Concat",
        kind: "concat",
        attrs: { axis: 1 },
        inputs: [x, other],
      });
      return normAndActivation(w, op, joined);
    }
    case "resample":
      return normAndActivation(w, op, lowerResample(w, op, x));
    case "mixconv":
      return lowerMixedConv(w, op, x);
    case "blurpool":
      return normAndActivation(w, op, lowerBlurPool(w, op, x));
  }
}

/** The built ops as a tensor graph reading one N×C×H×W image (batch 1) of the input's [H, W, C]. */
export function builtinGraph(ops: readonly OpSpec[], [height, width, channels]: Shape): BuiltinGraph {
  const input = "image";
  const w = new GraphWriter();
  const image: Tensor = { dims: [1, channels, height, width], dtype: "float32" };
  w.tensors.set(input, image);
  const saved = new Map<string, string>();
  const outputs: string[] = [];
  let current = input;
  for (const [index, op] of ops.entries()) {
    w.begin(op, index);
    const x = op.inputFrom === undefined ? current : savedTensor(op, saved, op.inputFrom);
    if (op.saveInputAs !== undefined) saved.set(op.saveInputAs, x);
    current = lowerOp(w, op, x, saved);
    if (op.saveOutputAs !== undefined) saved.set(op.saveOutputAs, current);
    outputs.push(current);
  }
  return {
    graph: { inputs: new Map([[input, image]]), initializers: w.initializers, nodes: w.nodes },
    origin: w.origin,
    outputs,
    tensors: w.tensors,
  };
}
