/**
 * Attention in an exported graph: the queries, keys and values are maps
 * (1×1 convs' outputs) that Reshape, Transpose and Unsqueeze lay out as
 * tokens; those nodes are views of the map (same elements, no work), tracked
 * with their ONNX dims. Q·Kᵀ gives scores, Softmax keeps them, and the scores
 * times V become one op of the `attention` layer kind (both matmuls and the
 * softmax), as the built-in Mobile MQA block counts them: h heads of key
 * dimension d over keys and values downsampled by the stride between the
 * query's and the key's maps. As timm/layers/attention2d.py
 * MultiQueryAttention2d exports (torch.onnx, opset 17).
 */
import { InputError } from "../../errors.js";
import type { OpSpec } from "../../layers/define-layer-kind.js";
import { type OnnxNode, product } from "./graph.js";
import type { GraphMapping } from "./to-ops.js";

type Handler = (node: OnnxNode, mapping: GraphMapping) => void;

/** Reshape's target: 0 copies the input's dim (allowzero 0), -1 takes what is left. */
export function reshapedDims(input: readonly number[], target: readonly number[]): number[] | undefined {
  const dims = target.map((d, i) => (d === 0 ? (input[i] ?? -2) : d));
  const known = product(dims.filter((d) => d !== -1));
  const free = dims.filter((d) => d === -1).length;
  if (dims.some((d) => d < -1 || d === -2) || free > 1 || known === 0) return undefined;
  const rest = product(input) / known;
  if (!Number.isInteger(rest) || (free === 0 && rest !== 1)) return undefined;
  return dims.map((d) => (d === -1 ? rest : d));
}

/** A Reshape that is not a flatten: a view of its input's map. */
export const reshapeView = (node: OnnxNode, m: GraphMapping, target: readonly number[]): boolean => {
  const dims = m.dimsOf(node.inputs[0]!);
  const shaped = dims && reshapedDims(dims, target);
  if (!shaped) return false;
  m.view(node.outputs[0]!, node.inputs[0]!, shaped);
  return true;
};

export const transposeView: Handler = (node, m) => {
  const dims = m.dimsOf(node.inputs[0]!);
  if (!dims) return m.markUnsupported(node, "of a constant");
  const perm = node.attributes.perm?.ints ?? dims.map((_, i) => dims.length - 1 - i);
  if (perm.length !== dims.length || perm.some((p) => dims[p] === undefined))
    throw new InputError(
      `Transpose '${node.name}': permutation [${perm.join(", ")}] of a ${dims.length}-d tensor`,
    );
  m.view(
    node.outputs[0]!,
    node.inputs[0]!,
    perm.map((p) => dims[p]!),
  );
};

/** The axes of an Unsqueeze or a Squeeze: an attribute before opset 13, an input from it; negative ones from the end of `rank` (as a function of how many there are). */
function axesOf(node: OnnxNode, m: GraphMapping, rank: (count: number) => number): number[] | undefined {
  const input = m.tensor(node.inputs[1] ?? "");
  const given = node.attributes.axes?.ints?.length
    ? node.attributes.axes.ints
    : input?.kind === "constant"
      ? input.values
      : undefined;
  return given?.map((a) => (a < 0 ? a + rank(given.length) : a));
}

/** Unsqueeze of a map: a view with 1s added. */
export const unsqueezeView: Handler = (node, m) => {
  const dims = m.dimsOf(node.inputs[0]!)!;
  const axes = axesOf(node, m, (count) => dims.length + count);
  if (!axes) return m.markUnsupported(node, "axes not constant");
  const out = [...dims];
  for (const axis of [...axes].sort((a, b) => a - b)) out.splice(axis, 0, 1);
  m.view(node.outputs[0]!, node.inputs[0]!, out);
};

/** Squeeze of a map: a view with 1s removed (all of them when no axes are given). */
export const squeezeView: Handler = (node, m) => {
  const dims = m.dimsOf(node.inputs[0]!)!;
  const axes = axesOf(node, m, () => dims.length) ?? dims.flatMap((d, i) => (d === 1 ? [i] : []));
  m.view(
    node.outputs[0]!,
    node.inputs[0]!,
    dims.filter((_, i) => !axes.includes(i)),
  );
};

/** A map multiplied by a scalar while laid out as tokens: attention's 1/√d, not counted (as in the built-in MQA). */
export function scaledView(node: OnnxNode, m: GraphMapping): boolean {
  const [a, b] = node.inputs.map((name) => m.tensor(name));
  const position = a?.kind === "activation" ? 0 : 1;
  const scalar = position === 0 ? b : a;
  const name = node.inputs[position]!;
  if (scalar?.kind !== "constant" || product(scalar.dims) !== 1 || !m.views.has(name)) return false;
  m.view(node.outputs[0]!, name, m.dimsOf(name)!);
  return true;
}

/** The stride from the query's map to the key's: the product of the strides of the ops between the key and a tensor the query comes from. */
function kvStride(m: GraphMapping, query: string, key: string): number | undefined {
  const ancestors = new Set<string>();
  for (let name: string | undefined = query; name !== undefined && ancestors.size < 64; ) {
    ancestors.add(name);
    name = m.producers.get(name)?.input;
  }
  let stride = 1;
  for (let name = key, steps = 0; !ancestors.has(name); steps++) {
    const op = m.producers.get(name);
    if (!op || steps > 16) return undefined;
    stride *= "stride" in op.spec && op.spec.kind !== "avgpool" ? op.spec.stride : 1;
    name = op.input;
  }
  return stride;
}

function emitAttention(node: OnnxNode, m: GraphMapping, dims: readonly number[]): void {
  const scores = m.tensor(node.inputs[0]!);
  const [q, k, v] = [
    scores?.kind === "scores" ? m.tensor(scores.query) : undefined,
    scores?.kind === "scores" ? m.tensor(scores.key) : undefined,
    m.tensor(node.inputs[1]!),
  ];
  if (
    scores?.kind !== "scores" ||
    q?.kind !== "activation" ||
    k?.kind !== "activation" ||
    v?.kind !== "activation"
  ) {
    m.markUnsupported(node, "not scores times values");
    return;
  }
  const d = k.shape[2];
  const stride = kvStride(m, scores.query, scores.key);
  const fits = (side: number, kv: number) => stride !== undefined && Math.ceil(side / stride) === kv;
  if (
    v.shape.join() !== k.shape.join() ||
    q.shape[2] % d !== 0 ||
    // the scores' head axis: h query heads against one shared key (multi-head attention has h keys)
    scores.dims.at(-3) !== q.shape[2] / d ||
    !fits(q.shape[0], k.shape[0]) ||
    !fits(q.shape[1], k.shape[1])
  )
    throw new InputError(
      `MatMul '${node.name}': queries ${q.shape.join("×")}, keys ${k.shape.join("×")}, values ${v.shape.join("×")} are not multi-query attention (h heads sharing one key and value)`,
    );
  const spec: OpSpec = {
    kind: "attention",
    ...m.placed(node),
    bias: false,
    bn: false,
    act: "none",
    heads: q.shape[2] / d,
    keyDim: d,
    kvStride: stride!,
  };
  m.emitReading(scores.query, node, spec, q.shape);
  m.views.set(node.outputs[0]!, dims);
}

/** A MatMul of two feature maps: Q·Kᵀ gives scores; scores·V is the attention op. */
export const matMulOfMaps: Handler = (node, m) => {
  const [a, b] = [m.tensor(node.inputs[0]!), m.dimsOf(node.inputs[1]!)];
  const left = a?.kind === "scores" ? a.dims : m.dimsOf(node.inputs[0]!);
  if (!left || !b || left.length < 2 || left.length !== b.length || left.at(-1) !== b.at(-2))
    return m.markUnsupported(node, "of two feature maps whose shapes do not multiply");
  const dims = [...left.slice(0, -2).map((d, i) => Math.max(d, b[i]!)), left.at(-2)!, b.at(-1)!];
  if (a?.kind === "scores") return emitAttention(node, m, dims);
  const [query, key] = [m.canonical(node.inputs[0]!), m.canonical(node.inputs[1]!)];
  m.tensors.set(node.outputs[0]!, { kind: "scores", query, key, dims });
};

export const softmax: Handler = (node, m) => {
  if (m.tensor(node.inputs[0]!)?.kind !== "scores") return m.markUnsupported(node, "not of attention scores");
  m.same(node.outputs[0]!, node.inputs[0]!);
};
