/**
 * The contract every layer kind fulfils. Shared code (the evaluator,
 * breakdowns, renderers) reads only these fields and never switches on the
 * kind: each kind declares its own formulas and shape rule.
 */
import type { Poly } from "../algebra/expr.js";

/** [H, W, C] of a feature map. */
export type Shape = readonly [number, number, number];

/** Elements of a tensor of this shape, exactly. */
/**
 * Elements of a tensor of these dims, exactly. The product in doubles is exact while it stays a safe
 * integer (each partial product of whole dims is at most the whole), and one BigInt is cheaper than one
 * per dim; past 2^53 − 1 it is multiplied out in BigInt.
 */
export const elementsOf = (shape: readonly number[]): bigint => {
  let product = 1;
  for (const d of shape) product *= d;
  return Number.isSafeInteger(product) ? BigInt(product) : shape.reduce((a, d) => a * BigInt(d), 1n);
};

export const ACTIVATIONS = [
  "none",
  "relu",
  "relu6",
  "hswish",
  "hsigmoid",
  "sigmoid",
  "silu",
  "gelu",
] as const;
export type Activation = (typeof ACTIVATIONS)[number];

/** What every op has: where it sits, what follows it, which saved tensors it uses. */
export interface OpBase {
  readonly name: string;
  readonly block: string;
  readonly bias: boolean;
  readonly bn: boolean;
  /** Its norm is an RMSNorm (a weight per channel, no shift, no statistics) rather than a BatchNorm (MobileNetV5). */
  readonly norm?: "rms";
  readonly act: Activation;
  /** Breakdown key when it differs from the kind's own (squeeze-excite parts say "se"). */
  readonly type?: string;
  /** The stage of a `stages` entry it belongs to ("stage 2"): the by-stage breakdown's key. */
  readonly stage?: string;
  /** Read the tensor saved under this label instead of the previous op's output. */
  readonly inputFrom?: string;
  /** Save this op's input under a label for a later op (residual add, SE scale). */
  readonly saveInputAs?: string;
  /** Save this op's output under a label for a later op. */
  readonly saveOutputAs?: string;
  /** A saved tensor this op reads besides its input (the other operand of an add or a scale). */
  readonly reads?: string;
  /**
   * A pool called as a function (nn.functional), which module-hook counters (thop) do not see; "mean":
   * as x.mean([2, 3]) (MnasNet), which no peer counter counts.
   */
  readonly functional?: boolean | "mean";
  /** An average pool over a fixed window (F.avg_pool2d, not adaptive), which some counters skip. */
  readonly fixedWindow?: boolean;
}

/** The fields a convolution-family op adds (conv, depthwise, pointwise, grouped conv). */
export interface ConvFields {
  readonly kernel: number;
  readonly stride: number;
  /** Output channels. */
  readonly out: number;
  readonly groups: number;
}

/** Multi-query attention's matmuls: h query heads of key dimension d share one key and value, at the input downsampled by kvStride. */
export interface AttentionFields {
  readonly heads: number;
  readonly keyDim: number;
  readonly kvStride: number;
  /** The saved key and value (their labels): d channels each, at the input downsampled by kvStride. */
  readonly keys: string;
  readonly values: string;
}

/** The other operand of an add or a scale is a saved tensor. */
export interface MergeFields {
  readonly reads: string;
}

/** A primitive operation of one kind, with its channel widths resolved: the base and the kind's own fields. */
export type OpOf<K extends string, Fields> = OpBase & { readonly kind: K } & Fields;

/** A primitive operation, with its channel widths already resolved: one variant per registered layer kind. */
export type { OpSpec } from "./registry.js";

/**
 * Element-wise work besides the multiply-accumulates of the weights. Each
 * category has its own formula; conventions say which they count, and at how
 * many operations per element. Nothing is silently zero: a report lists the
 * categories its convention ignores.
 */
export const WORK_CATEGORIES = [
  "bias",
  "bn",
  "relu",
  "relu6",
  "hswish",
  "hsigmoid",
  "sigmoid",
  "silu",
  "gelu",
  "pool",
  "pool-divide",
  "add",
  "scale",
  "layer-scale",
  "softmax",
  "max-pool",
  "linear-bias",
  "norm",
  "group-norm",
  "upsample",
  "upsample-linear",
  "rms-norm",
] as const;
export type WorkCategory = (typeof WORK_CATEGORIES)[number];

export const WORK_TITLES: Record<WorkCategory, string> = {
  bias: "bias adds",
  bn: "BatchNorm",
  relu: "ReLU",
  relu6: "ReLU6",
  hswish: "h-swish",
  hsigmoid: "h-sigmoid",
  sigmoid: "sigmoid",
  silu: "SiLU",
  gelu: "GELU",
  pool: "pooling (input elements)",
  "pool-divide": "pooling divides (output elements)",
  add: "residual adds",
  scale: "SE scale multiplies",
  "layer-scale": "LayerScale multiplies",
  softmax: "softmax (attention scores, a classifier's output)",
  "max-pool": "max pooling (input elements)",
  "linear-bias": "linear biases added to maps of 4 or more dims",
  norm: "LayerNorm",
  "group-norm": "GroupNorm and InstanceNorm",
  upsample: "nearest upsampling (output elements)",
  "upsample-linear": "linear and cubic upsampling (output elements)",
  "rms-norm": "RMSNorm",
};

export interface WorkItem {
  readonly category: WorkCategory;
  /** Elements the work touches, once per element. */
  readonly formula: Poly;
}

export interface LayerKind<Op extends OpBase = OpBase> {
  readonly kind: string;
  readonly title: string;
  /** Key in the by-type breakdown. */
  readonly type: string;
  /** Learnable weights. */
  readonly params: Poly;
  /** Multiply-accumulates of the weights (of the activations, for a kind whose `matmul` is set). */
  readonly macs: Poly;
  /** Its MACs are matmuls between activations (attention), which module-hook counters (thop) do not see. */
  readonly matmul?: true;
  /** Bias parameters, when the layer has a bias. */
  readonly bias: Poly;
  /** Learnable BatchNorm parameters (γ and β), when followed by BatchNorm. */
  readonly bn: Poly;
  /** Elements of the output: what a bias add, a BatchNorm or an activation after this layer touches. */
  readonly outputElements: Poly;
  /** Element-wise work of its own (a pool's reads, a residual add, an SE scale). */
  readonly work: readonly WorkItem[];
  /** Elements it reads besides its input: an add's other operand, a scale's gate, attention's keys and values. */
  secondOperand?(op: Op, input: Shape, output: Shape): number;
  /**
   * Its output's shape; `operand` is the saved tensor it reads besides its input (`reads`), for a kind
   * whose shape depends on it (`operandShape`).
   */
  outputShape(op: Op, input: Shape, operand?: Shape): Shape;
  /** Its output shape depends on the saved tensor it reads (an upsampling to its size, a concatenation). */
  readonly operandShape?: true;
  /** Why this op cannot apply to its input, if it cannot. */
  check?(op: Op, input: Shape, output: Shape, operand?: Shape): string | undefined;
  /** Values of the formulas' symbols for this op. */
  bind(op: Op, input: Shape, output: Shape): Record<string, number>;
}

/** The op type a layer kind takes. */
export type OpOfKind<L> = L extends LayerKind<infer Op> ? Op : never;

/** The registered layer kinds' names (layers/registry.ts). */
export type { LayerKindName } from "./registry.js";

/** A layer kind taking ops with `Fields` besides the base: `defineLayerKind<"conv", ConvFields>()({ … })`. */
export const defineLayerKind =
  <const K extends string, Fields = object>() =>
  <L extends LayerKind<OpOf<K, Fields>> & { readonly kind: K }>(kind: L): L =>
    kind;

/** 'same' padding: output side = ceil(input / stride). */
export { sameSide } from "./window.js";
