/**
 * One handler per ONNX operator type (the standard domain, opsets 11–21; the
 * attention's in model/onnx/attention-handlers.ts): it
 * reads its inputs' shapes from the mapping and emits an op of a layer kind,
 * folds into its producer's op, or passes its input through. A node it
 * cannot map it hands to mapping.markUnsupported, to be listed (or refused). Output
 * shapes follow the ONNX operator specs (onnx/onnx docs/Operators.md).
 */
import { InputError } from "../../errors.js";
import { type Activation, type OpSpec, type Shape, sameSide } from "../../layers/define-layer-kind.js";
import { convOp, fcOp, layerScaleOp, mergeOp, poolOp } from "../blocks/block-kind.js";
import {
  matMulOfMaps,
  reshapeView,
  scaledView,
  softmax,
  squeezeView,
  transposeView,
  unsqueezeView,
} from "./attention-handlers.js";
import { hasFoldedNorm } from "./exporter-names.js";
import { type OnnxAttribute, type OnnxNode, product } from "./graph.js";
import type { GraphMapping, OnnxTensor } from "./to-ops.js";

/** Maps one node; a node it cannot map it hands to mapping.markUnsupported (listed, or refused). */
type Handler = (node: OnnxNode, mapping: GraphMapping) => void;

const ints = (a: OnnxAttribute | undefined): readonly number[] | undefined =>
  a?.ints && a.ints.length > 0 ? a.ints : undefined;

const refuse = (node: OnnxNode, what: string): never => {
  throw new InputError(`${node.opType} '${node.name}': ${what}`);
};

const sameShape = (a: Shape, b: Shape): boolean => a[0] === b[0] && a[1] === b[1] && a[2] === b[2];

/**
 * Padding that gives ⌈H/s⌉ (what the layer kinds compute): SAME, k − 1 in all per axis (at every H), or
 * explicit pads that give it at the map's size (TensorFlow's exporters write SAME so, for their input size).
 */
function checkSamePadding(node: OnnxNode, kernel: number, stride: number, [h, w]: Shape): void {
  const autoPad = node.attributes.auto_pad?.s ?? "NOTSET";
  if (autoPad === "SAME_UPPER" || autoPad === "SAME_LOWER") return;
  if (autoPad === "VALID" && kernel === 1) return;
  const pads = ints(node.attributes.pads) ?? [0, 0, 0, 0];
  const padded = (side: number, axis: number) =>
    Math.floor((side + pads[axis]! + pads[axis + 2]! - kernel) / stride) + 1;
  if (
    autoPad === "NOTSET" &&
    pads.length === 4 &&
    padded(h, 0) === sameSide(h, stride) &&
    padded(w, 1) === sameSide(w, stride)
  )
    return;
  refuse(
    node,
    `padding ${autoPad === "NOTSET" ? `[${pads.join(", ")}]` : autoPad} with a ${kernel}×${kernel} kernel at stride ${stride} on ${h}×${w} does not give ⌈H/s⌉×⌈W/s⌉ ('same' padding), the only output size mbn-cost's conv kinds compute`,
  );
}

function convGeometry(
  node: OnnxNode,
  weight: readonly number[],
  input: Shape,
): { kernel: number; stride: number } {
  if (weight.length !== 4)
    refuse(node, `a ${weight.length}-d weight; only 2-d convolutions (4-d weights) are counted`);
  const [kh, kw] = weight.slice(2) as [number, number];
  if (kh !== kw) refuse(node, `a ${kh}×${kw} kernel; only square kernels are counted`);
  const strides = ints(node.attributes.strides) ?? [1, 1];
  if (strides.length !== 2 || strides.some((s) => !Number.isSafeInteger(s) || s < 1))
    refuse(node, `strides [${strides.join(", ")}]; a stride is a whole number ≥ 1 per spatial axis`);
  if (strides[0] !== strides[1])
    refuse(node, `strides [${strides.join(", ")}]; only equal strides are counted`);
  if ((ints(node.attributes.dilations) ?? [1, 1]).some((d) => d !== 1))
    refuse(node, "dilated convolution is not counted");
  checkSamePadding(node, kh, strides[0]!, input);
  return { kernel: kh, stride: strides[0]! };
}

const conv: Handler = (node, m) => {
  const x = m.activation(node);
  const weight = m.constant(node, 1).dims;
  const { kernel, stride } = convGeometry(node, weight, x);
  const groups = node.attributes.group?.i ?? 1;
  if (!Number.isSafeInteger(groups) || groups < 1) refuse(node, `group ${groups}; a group count is ≥ 1`);
  const out = weight[0]!;
  if (weight[1]! * groups !== x[2])
    refuse(node, `weight ${weight.join("×")} with ${groups} groups does not fit ${x[2]} input channels`);
  const hasBias = (node.inputs[2] ?? "") !== "";
  const rule = m.foldedNormRule;
  const folded =
    hasBias && (rule === "all" || (rule === "auto" && m.pytorch && hasFoldedNorm(node.inputs[1]!)));
  if (folded) m.foldedNorms++;
  const kind =
    groups === 1
      ? kernel === 1
        ? "pointwise"
        : "conv"
      : groups === x[2] && out === x[2]
        ? "depthwise"
        : "gconv";
  const spec = convOp({
    kind,
    ...m.placed(node),
    kernel,
    stride,
    out,
    groups,
    bias: hasBias && !folded,
    bn: folded,
    act: "none",
  });
  m.emit(node, spec, [sameSide(x[0], stride), sameSide(x[1], stride), out]);
};

function linear(node: OnnxNode, m: GraphMapping, inputs: number, outputs: number, bias: boolean): void {
  const x = m.activation(node, 0, true);
  if (inputs !== product(x))
    refuse(node, `a ${inputs}-input weight on a feature map of ${product(x)} elements`);
  m.emit(node, fcOp({ ...m.placed(node), out: outputs, bias }), [1, 1, outputs]);
}

const gemm: Handler = (node, m) => {
  if (node.attributes.transA?.i) refuse(node, "a transposed input (transA) is not a linear layer");
  const weight = m.constant(node, 1).dims;
  if (weight.length !== 2) refuse(node, `a ${weight.length}-d weight; a linear layer's is 2-d`);
  const [inputs, outputs] = node.attributes.transB?.i ? [weight[1]!, weight[0]!] : [weight[0]!, weight[1]!];
  linear(node, m, inputs, outputs, (node.inputs[2] ?? "") !== "");
};

const matMul: Handler = (node, m) => {
  const weight = m.tensor(node.inputs[1] ?? "");
  if (weight?.kind !== "constant") return matMulOfMaps(node, m);
  if (weight.dims.length !== 2) return m.markUnsupported(node, `with a ${weight.dims.length}-d weight`);
  linear(node, m, weight.dims[0]!, weight.dims[1]!, false);
};

/** Folds an element-wise activation into the op that writes its input, when nothing else reads that. */
function foldActivation(node: OnnxNode, m: GraphMapping, act: Activation, readers = 1): boolean {
  const op = m.soleProducer(node.inputs[0]!, readers);
  if (op?.spec.act !== "none") {
    m.markUnsupported(node, "not right after an op whose output only it reads");
    return false;
  }
  op.spec = { ...op.spec, act };
  m.same(node.outputs[0]!, node.inputs[0]!);
  return true;
}

const activation =
  (act: Activation): Handler =>
  (node, m) => {
    foldActivation(node, m, act);
  };

const clipActivation: Handler = (node, m) => {
  const bound = (position: number, attribute: string) =>
    (node.inputs[position] ?? "") !== ""
      ? m.constant(node, position).values?.[0]
      : node.attributes[attribute]?.f;
  const [low, high] = [bound(1, "min"), bound(2, "max")];
  const act =
    low !== 0
      ? undefined
      : high === 6
        ? "relu6"
        : high === undefined || high === Infinity
          ? "relu"
          : undefined;
  if (act === undefined) return m.markUnsupported(node, `bounds ${low}, ${high}`);
  foldActivation(node, m, act);
};

/** x · sigmoid(x) is SiLU and x · hard_sigmoid(x) h-swish (exporters before opset 14 write them so); otherwise a gate. */
const gateOrSwish =
  (gate: Activation, swish: Activation): Handler =>
  (node, m) => {
    const x = node.inputs[0]!;
    const after = m.readers.get(node.outputs[0]!) ?? [];
    const mul = after.length === 1 ? m.graph.nodes[after[0]!] : undefined;
    const isSwish = mul?.opType === "Mul" && mul.inputs.includes(x) && mul.inputs.includes(node.outputs[0]!);
    if (!isSwish) {
      foldActivation(node, m, gate);
      return;
    }
    if (!foldActivation(node, m, swish, 2)) return;
    m.done.add(after[0]!);
    m.same(mul.outputs[0]!, x);
  };

/** GELU as exporters before opset 20 write it: x · (erf(x / √2) + 1) · 0.5 (Div, Erf, Add, Mul, Mul). */
const divisionOrGelu: Handler = (node, m) => {
  const x = node.inputs[0]!;
  const divisor = m.tensor(node.inputs[1] ?? "");
  const chain: number[] = [];
  let output = node.outputs[0]!;
  for (const type of ["Erf", "Add", "Mul", "Mul"]) {
    const index = m.soleReader(output);
    const next = index === undefined ? undefined : m.graph.nodes[index];
    if (next?.opType !== type) return m.markUnsupported(node);
    chain.push(index!);
    output = next.outputs[0]!;
  }
  const timesX = m.graph.nodes[chain[2]!]!;
  if (divisor?.kind !== "constant" || !timesX.inputs.includes(x)) return m.markUnsupported(node);
  if (!foldActivation(node, m, "gelu", 2)) return;
  for (const index of chain) m.done.add(index);
  m.same(output, x);
};

const batchNorm: Handler = (node, m) => {
  const op = m.soleProducer(node.inputs[0]!);
  if (op && !op.spec.bn && op.spec.act === "none" && op.spec.kind !== "add") {
    op.spec = { ...op.spec, bn: true };
    m.same(node.outputs[0]!, node.inputs[0]!);
    return;
  }
  m.emit(node, { kind: "norm", ...m.placed(node), bias: false, bn: true, act: "none" }, m.activation(node));
};

const add: Handler = (node, m) => {
  const [a, b] = [m.tensor(node.inputs[0]!), m.tensor(node.inputs[1]!)];
  if (a?.kind === "activation" && b?.kind === "activation") {
    if (!sameShape(a.shape, b.shape))
      refuse(
        node,
        `operands of ${a.shape.join("×")} and ${b.shape.join("×")}; residual adds take equal shapes`,
      );
    const previous = m.ops.at(-1)?.output;
    const [first, second] = m.canonical(node.inputs[1]!) === previous ? [1, 0] : [0, 1];
    m.emit(node, mergeOp({ kind: "add", ...m.placed(node), reads: "" }), a.shape, first, node.inputs[second]);
    return;
  }
  // MatMul + Add of a constant vector: the linear layer's bias
  const [x, constant] = a?.kind === "activation" ? [0, b] : [1, a];
  const op = m.soleProducer(node.inputs[x]!);
  if (!op || op.spec.bias || op.spec.act !== "none" || constant?.kind !== "constant")
    return m.markUnsupported(node, "not a residual add or a linear layer's bias");
  op.spec = { ...op.spec, bias: true };
  m.same(node.outputs[0]!, node.inputs[x]!);
};

const channels = (t: OnnxTensor | undefined): number | undefined =>
  t?.kind === "constant" ? product(t.dims) : undefined;

const mul: Handler = (node, m) => {
  if (scaledView(node, m)) return;
  const [a, b] = [m.tensor(node.inputs[0]!), m.tensor(node.inputs[1]!)];
  if (a?.kind === "activation" && b?.kind === "activation") {
    // the gate is 1×1×C; on a 1×1 map too, it is the operand a sigmoid (or h-sigmoid) wrote
    const gated = (name: string) =>
      ["sigmoid", "hsigmoid"].includes(m.producers.get(m.canonical(name))?.spec.act ?? "");
    const isGate = (t: Shape, x: Shape, name: string) =>
      t[0] === 1 && t[1] === 1 && t[2] === x[2] && (!sameShape(t, x) || gated(name));
    const [map, gate] = isGate(b.shape, a.shape, node.inputs[1]!)
      ? [0, 1]
      : isGate(a.shape, b.shape, node.inputs[0]!)
        ? [1, 0]
        : [-1, -1];
    if (map < 0) return m.markUnsupported(node, "of two feature maps, not a channel scale");
    const x = map === 0 ? a.shape : b.shape;
    m.emit(node, mergeOp({ kind: "scale", ...m.placed(node), reads: "" }), x, map, node.inputs[gate]);
    return;
  }
  const [x, constant] = a?.kind === "activation" ? [a, b] : [b, a];
  if (x?.kind !== "activation" || channels(constant) !== x.shape[2])
    return m.markUnsupported(node, "not a per-channel scale");
  m.emit(node, layerScaleOp(m.placed(node)), x.shape, a?.kind === "activation" ? 0 : 1);
};

function globalPool(node: OnnxNode, m: GraphMapping, functional: boolean | "mean"): void {
  const x = m.activation(node);
  const spec: OpSpec = { ...poolOp(m.placed(node)), ...(functional ? { functional } : {}) };
  m.emit(node, spec, [1, 1, x[2]]);
}

const globalAveragePool: Handler = (node, m) => globalPool(node, m, m.calledAsFunction(node));

const reduceMean: Handler = (node, m) => {
  // axes: an attribute before opset 18, an input from it
  const input = m.tensor(node.inputs[1] ?? "");
  const list = ints(node.attributes.axes) ?? (input?.kind === "constant" ? input.values : undefined);
  const spatial =
    list !== undefined && list.length === 2 && list.every((a) => a === 2 || a === 3 || a === -1 || a === -2);
  if (!spatial) return m.markUnsupported(node, "not over height and width");
  globalPool(node, m, "mean");
};

const averagePool: Handler = (node, m) => {
  const x = m.activation(node);
  const [kernel, kw] = ints(node.attributes.kernel_shape) ?? [0, 0];
  const strides = ints(node.attributes.strides) ?? [1, 1];
  const padded = (ints(node.attributes.pads) ?? []).some((p) => p !== 0) || node.attributes.ceil_mode?.i;
  if (!kernel || kernel !== kw || strides.some((s) => s !== kernel) || padded)
    return m.markUnsupported(node, "not a square window with stride = window and no padding");
  if (x[0] < kernel || x[1] < kernel) refuse(node, `a ${kernel}×${kernel} window on a ${x[0]}×${x[1]} map`);
  const side = (s: number) => Math.floor((s - kernel) / kernel) + 1;
  m.emit(node, poolOp({ ...m.placed(node), kernel, stride: kernel }), [side(x[0]), side(x[1]), x[2]]);
};

/** A square window at equal strides, padded alike on every side pair (torch.nn.MaxPool2d, as exported). */
const maxPool: Handler = (node, m) => {
  const x = m.activation(node);
  const [kernel, kw] = ints(node.attributes.kernel_shape) ?? [0, 0];
  const [stride, sw] = ints(node.attributes.strides) ?? [1, 1];
  const pads = ints(node.attributes.pads) ?? [0, 0, 0, 0];
  const pad = pads[0]! + pads[2]!;
  const dilated = (ints(node.attributes.dilations) ?? [1, 1]).some((d) => d !== 1);
  const autoPad = node.attributes.auto_pad?.s ?? "NOTSET";
  if (
    !kernel ||
    kernel !== kw ||
    stride !== sw ||
    pads[1]! + pads[3]! !== pad ||
    dilated ||
    autoPad !== "NOTSET"
  )
    return m.markUnsupported(node, "not a square window at equal strides with explicit padding");
  const ceil = node.attributes.ceil_mode?.i === 1;
  const spec: OpSpec = {
    kind: "maxpool",
    ...m.placed(node),
    bias: false,
    bn: false,
    act: "none",
    kernel,
    stride: stride!,
    pad,
    ceil,
    ...(m.calledAsFunction(node) && { functional: true }),
  };
  const round = ceil ? Math.ceil : Math.floor;
  const side = (s: number) => round((s + pad - kernel) / stride!) + 1;
  if (side(x[0]) < 1 || side(x[1]) < 1) refuse(node, `a ${kernel}×${kernel} window on a ${x[0]}×${x[1]} map`);
  m.emit(node, spec, [side(x[0]), side(x[1]), x[2]]);
};

/** Feature maps joined on channels (axis 1): one concat op per joined map, each appending it. */
const concat: Handler = (node, m) => {
  const inputs = node.inputs.filter(Boolean);
  if (m.tensor(inputs[0]!)?.kind !== "activation") return shapeArithmetic(node, m);
  const shapes = inputs.map((_, i) => m.activation(node, i));
  const axis = node.attributes.axis?.i ?? 0;
  const [h, w] = shapes[0]!;
  if ((axis !== 1 && axis !== -3) || shapes.some((s) => s[0] !== h || s[1] !== w))
    return m.markUnsupported(node, "not of feature maps of one size on channels");
  let channels = shapes[0]![2];
  let current = inputs[0]!;
  for (const [i, shape] of shapes.entries()) {
    if (i === 0) continue;
    channels += shape[2];
    const last = i === shapes.length - 1;
    const step = last ? node : { ...node, outputs: [`${node.outputs[0]}#${i}`] };
    const name = last ? node.name : `${node.name}#${i}`;
    const spec: OpSpec = {
      kind: "concat",
      name,
      block: m.placed(node).block,
      bias: false,
      bn: false,
      act: "none",
      reads: "",
      channels: shape[2],
    };
    m.emitReading(current, step, spec, [h, w, channels], inputs[i]);
    current = step.outputs[0]!;
  }
};

/** Reshaping ops that keep the elements: the layer kinds read a flattened map as its H·W·C elements. */
const passThrough: Handler = (node, m) => {
  m.same(node.outputs[0]!, node.inputs[0]!);
};

const reshape: Handler = (node, m) => {
  const source = m.tensor(node.inputs[0]!);
  if (source?.kind !== "activation") return passThrough(node, m);
  const target = m.tensor(node.inputs[1] ?? "");
  const dims = target?.kind === "constant" ? target.values : undefined;
  // to [N, features] (or [N, -1]): a flatten
  if (dims?.length === 2 && (dims[1] === -1 || dims[1] === product(source.shape)))
    return passThrough(node, m);
  if (!dims || !reshapeView(node, m, dims))
    m.markUnsupported(node, "to a shape of other elements, or not constant");
};

const constantNode: Handler = (node, m) => {
  const a = node.attributes;
  const value = a.value?.t;
  const tensor: OnnxTensor = value
    ? { kind: "constant", ...value }
    : a.value_float
      ? { kind: "constant", dims: [], values: [a.value_float.f ?? 0] }
      : a.value_int
        ? { kind: "constant", dims: [], values: [a.value_int.i ?? 0] }
        : { kind: "constant", dims: [a.value_ints?.ints?.length ?? 0], values: a.value_ints?.ints ?? [] };
  m.tensors.set(node.outputs[0]!, tensor);
};

/** Export helpers' shape arithmetic (Shape → Gather → Unsqueeze → Concat feeding a Reshape): constants in, a constant out. */
const shapeArithmetic: Handler = (node, m) => {
  const source = m.tensor(node.inputs[0]!);
  if (node.opType === "Shape" && source?.kind === "activation") {
    const [h, w, c] = source.shape;
    m.tensors.set(node.outputs[0]!, { kind: "constant", dims: [4], values: [1, c, h, w] });
    return;
  }
  const operands = node.inputs.filter(Boolean).map((name) => m.tensor(name));
  if (operands.some((t) => t?.kind !== "constant"))
    return m.markUnsupported(node, node.opType === "Concat" ? "of feature maps" : "of a feature map");
  const values = operands.map((t) => (t as { values?: readonly number[] }).values);
  const result =
    node.opType === "Gather" && values[0] && values[1]
      ? values[1].map((i) => values[0]![i < 0 ? values[0]!.length + i : i]!)
      : node.opType === "Concat" && values.every(Boolean)
        ? values.flatMap((v) => [...v!])
        : node.opType === "Unsqueeze" || node.opType === "Squeeze" || node.opType === "Cast"
          ? values[0]
          : undefined;
  m.tensors.set(node.outputs[0]!, {
    kind: "constant",
    dims: [result?.length ?? 0],
    ...(result ? { values: result } : {}),
  });
};

/** Squeeze and Unsqueeze lay a feature map out otherwise (a view), or reshape a constant of the export's shape arithmetic. */
const onFeatureMapOrConstant =
  (view: Handler): Handler =>
  (node, m) =>
    m.tensor(node.inputs[0]!)?.kind === "activation" ? view(node, m) : shapeArithmetic(node, m);

const refuseTransposed: Handler = (node) =>
  refuse(node, "transposed convolution is not counted (no layer kind computes it yet)");

const NODE_HANDLERS: Readonly<Record<string, Handler>> = {
  Conv: conv,
  ConvTranspose: refuseTransposed,
  Gemm: gemm,
  MatMul: matMul,
  BatchNormalization: batchNorm,
  Relu: activation("relu"),
  Clip: clipActivation,
  HardSwish: activation("hswish"),
  HardSigmoid: gateOrSwish("hsigmoid", "hswish"),
  Sigmoid: gateOrSwish("sigmoid", "silu"),
  Gelu: activation("gelu"),
  Div: divisionOrGelu,
  Add: add,
  Mul: mul,
  GlobalAveragePool: globalAveragePool,
  ReduceMean: reduceMean,
  AveragePool: averagePool,
  MaxPool: maxPool,
  Flatten: passThrough,
  Reshape: reshape,
  Squeeze: onFeatureMapOrConstant(squeezeView),
  Unsqueeze: onFeatureMapOrConstant(unsqueezeView),
  Transpose: transposeView,
  Softmax: softmax,
  Identity: passThrough,
  Dropout: passThrough,
  Constant: constantNode,
  Shape: shapeArithmetic,
  Gather: shapeArithmetic,
  Concat: concat,
  Cast: shapeArithmetic,
};

/** The handler of an operator type; an op type is file text, so an Object property name ("constructor") is no handler. */
export const handlerFor = (opType: string): Handler | undefined =>
  Object.hasOwn(NODE_HANDLERS, opType) ? NODE_HANDLERS[opType] : undefined;
