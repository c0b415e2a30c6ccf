/**
 * Counting conventions: which parameters count, how widths are built, how
 * many classes. Every report names the convention it used.
 */
import { type OpSpec, WORK_CATEGORIES, WORK_TITLES, type WorkCategory } from "../layers/define-layer-kind.js";
import type { Rules } from "./schema.js";

import type { ConventionName, Unit } from "./convention-names.js";

export { CONVENTION_NAMES, type ConventionName, UNITS, type Unit } from "./convention-names.js";

export interface Convention {
  readonly name: string;
  readonly summary: string;
  /** Width, expansion and head rules of this reference implementation. */
  readonly rules: Rules;
  /** Count the biases layers declare (classifier, SE FCs, V3's 1280 layer). */
  readonly bias: boolean;
  /** Count BatchNorm's learnable γ and β (2 per channel). */
  readonly bn: boolean;
  /** Count BatchNorm's moving mean and variance too (4 per channel), as Keras count_params() does. */
  readonly bnStatistics?: boolean;
  /** TF-slim checkpoints classify 1001 classes: 1000 plus background. */
  readonly backgroundClass: boolean;
  /** Overrides the model's class count; 0 leaves the classifier out (timm's num_classes=0). */
  readonly classes?: number;
  /** Overrides the model's input channels (1: a grayscale image, as TFLite Micro's person detector reads). */
  readonly channels?: number;
  /** false: the backbone only, cut at the global pool (torchvision's `model.features`). */
  readonly head?: boolean;
  /** FLOPs = 2 × MACs, labelled so everywhere. */
  readonly unit: Unit;
  /** Operations counted per element of each kind of element-wise work (absent: ignored). */
  readonly work: Readonly<Partial<Record<WorkCategory, bigint>>>;
  /**
   * Operations per element for ops torchvision calls as functions (V2's final
   * pool), when the counter sees those differently from modules (absent: as `work`).
   */
  readonly functionalWork?: Readonly<Partial<Record<WorkCategory, bigint>>>;
  /**
   * Operations per element for an average pool over a fixed window (torch's avg_pool2d, not its
   * adaptive pools), called as a module or as a function, when the counter sees those differently
   * (absent: as any module's or function's).
   */
  readonly fixedWindowWork?: {
    readonly module?: Readonly<Partial<Record<WorkCategory, bigint>>>;
    readonly functional?: Readonly<Partial<Record<WorkCategory, bigint>>>;
  };
  /** false: attention matmuls are not counted (a module-hook counter such as thop does not see them). */
  readonly matmuls?: boolean;
  /**
   * false: the products of a linear called as a function (F.linear with a module's weight, as Swin's
   * attention and nn.MultiheadAttention call it) are not counted: a module-hook counter does not see them.
   */
  readonly functionalProducts?: boolean;
  /** ONNX operators whose products the counter does not see at all (ptflops: torch.einsum's Einsum). */
  readonly unseenProducts?: readonly string[];
  /**
   * "einsum-path": a general einsum's products as fvcore counts them, from the FLOPs numpy's
   * einsum_path prints (4 significant digits), halved; its two batched-matmul equations exactly.
   */
  readonly einsumProducts?: "einsum-path";
  /** The tool and source file the preset follows, for peer presets. */
  readonly reference?: string;
}

export const CONVENTIONS = {
  paper: {
    name: "paper",
    summary:
      "conv and FC weights only (no bias, no BatchNorm); MACs of conv and FC layers incl. squeeze-excite FCs",
    rules: "tf-slim",
    bias: false,
    bn: false,
    backgroundClass: false,
    unit: "macs",
    work: {},
  },
  torchvision: {
    name: "torchvision",
    summary:
      "params as sum(p.numel()) over torchvision's modules (weights, biases, BatchNorm γ and β); MACs of conv and linear layers",
    rules: "torchvision",
    bias: true,
    bn: true,
    backgroundClass: false,
    unit: "macs",
    work: {},
  },
  "tf-slim": {
    name: "tf-slim",
    summary:
      "as TF-slim's checkpoint tables: weights and biases, no BatchNorm, 1001 classes (with background); MACs of conv and FC layers",
    rules: "tf-slim",
    bias: true,
    bn: false,
    backgroundClass: true,
    unit: "macs",
    work: {},
  },
  fvcore: {
    name: "fvcore",
    summary:
      "fvcore FlopCountAnalysis on torchvision's models: conv and linear MACs (no bias), BatchNorm 2 per element (eval, affine), adaptive average pooling 1 per input element (avg_pool2d over a fixed window is not counted), attention matmuls (matmul, bmm, einsum); params = parameter_count",
    reference:
      "facebookresearch/fvcore 0.1.6 (commit 3378afe) fvcore/nn/jit_handles.py (batchnorm_flop_jit), flop_count.py, run on torchvision 0.14",
    rules: "torchvision",
    bias: true,
    bn: true,
    backgroundClass: false,
    unit: "macs",
    // its norm handle: 5 per element of an affine layer, group or instance norm; its upsample handles:
    // one per output element of a nearest upsampling, four of a bilinear one
    work: { bn: 2n, pool: 1n, norm: 5n, "group-norm": 5n, upsample: 1n, "upsample-linear": 4n },
    // its handles count adaptive_avg_pool2d; avg_pool2d is one of the operators it skips
    fixedWindowWork: { module: {}, functional: {} },
    einsumProducts: "einsum-path",
  },
  ptflops: {
    name: "ptflops",
    summary:
      "ptflops ≥ 0.7.1, pytorch backend (its default) with count_functional on (its default), on torchvision's models: conv and linear MACs plus one op per bias add, BatchNorm 2 per element (affine), ReLU6 1 per element, nn.ReLU 2 per element and nn.AdaptiveAvgPool2d and nn.MaxPool2d 2 per input element (the module hook and the patched F.relu / F.adaptive_avg_pool2d / F.max_pool2d it calls both count), a functional pool 1 per input element (F.avg_pool2d over a fixed window: 1 per output element), F.relu 1 per element, SiLU 1 per element (the patched F.silu), nn.GELU 2 per element (module hook + patched F.gelu), nn.LayerNorm 1 per element (by its exact type: torchvision's LayerNorm2d subclass is not counted), softmax 1 per element, attention matmuls (torch.matmul and Tensor.matmul, as torchvision calls them; not the @ operator); not counted: F.linear with a module's weight, torch.einsum, h-swish, h-sigmoid, sigmoid, residual + and SE *",
    reference:
      "sovrasov/flops-counter.pytorch 0.7.6 (commit d612c75) ptflops/pytorch_ops.py (MODULES_MAPPING, FUNCTIONAL_MAPPING), run on torchvision 0.14",
    rules: "torchvision",
    bias: true,
    bn: true,
    backgroundClass: false,
    unit: "macs",
    work: {
      bias: 1n,
      "linear-bias": 1n,
      bn: 2n,
      relu: 2n,
      relu6: 1n,
      silu: 1n,
      gelu: 2n,
      pool: 2n,
      "max-pool": 2n,
      norm: 1n,
      "group-norm": 2n,
      upsample: 2n,
      "upsample-linear": 2n,
      softmax: 1n,
    },
    // a function call is seen once, by the patched F.adaptive_avg_pool2d, F.max_pool2d or F.relu
    functionalWork: { pool: 1n, "max-pool": 1n, relu: 1n, upsample: 1n, "upsample-linear": 1n },
    functionalProducts: false,
    unseenProducts: ["Einsum"],
    // the patched F.avg_pool2d counts its output's elements (Inception's, in its blocks' forwards)
    fixedWindowWork: { functional: { "pool-divide": 1n } },
  },
  "ptflops-aten": {
    name: "ptflops-aten",
    summary:
      "ptflops' aten backend (backend='aten', the default from 0.7.4) on torchvision's models: conv and linear MACs plus one op per bias add (aten.convolution, aten.addmm); nothing else",
    reference:
      "sovrasov/flops-counter.pytorch 0.7.6 (commit d612c75) ptflops/aten_ops.py (ATEN_OPS_MAPPING), run on torchvision 0.14",
    rules: "torchvision",
    bias: true,
    bn: true,
    backgroundClass: false,
    unit: "macs",
    work: { bias: 1n },
  },
  thop: {
    name: "thop",
    summary:
      "thop on torchvision's models: conv and linear MACs (no bias), BatchNorm 4 per element (2·numel, doubled when affine), nn.AdaptiveAvgPool2d modules 1 per input and 1 per output element (functional pools unseen); max pooling and activations 0; attention matmuls and F.linear unseen (no module to hook)",
    reference:
      "ultralytics/thop 2.1.6 (commit fbb5e19) and Lyken17/pytorch-OpCounter 0.1.1 (commit 43c064a), thop/vision/basic_hooks.py (count_normalization, count_adap_avgpool), run on torchvision 0.14",
    rules: "torchvision",
    bias: true,
    bn: true,
    backgroundClass: false,
    unit: "macs",
    // count_normalization: 2 per element, doubled when affine
    work: { bn: 4n, pool: 1n, "pool-divide": 1n, norm: 4n, "group-norm": 4n },
    functionalWork: {},
    matmuls: false,
    functionalProducts: false,
  },
  "torch-flops": {
    name: "torch-flops",
    summary:
      "torch.utils.flop_counter.FlopCounterMode on torchvision's models: 2 FLOPs per conv, linear and attention-matmul MAC (scaled-dot-product attention included), nothing else (bias, norms, activations, pooling, element-wise ops all 0)",
    reference:
      "pytorch/pytorch torch/utils/flop_counter.py (conv_flop, addmm_flop: 2 per MAC), run with torch 2.6 on torchvision 0.21",
    rules: "torchvision",
    bias: true,
    bn: true,
    backgroundClass: false,
    unit: "flops",
    work: {},
  },
  keras: {
    name: "keras",
    summary:
      "Keras model.count_params() on TF Model Garden's models: weights, biases and 4 values per BatchNorm channel (γ, β, moving mean and variance); MACs of conv, FC and attention matmuls",
    reference:
      "tensorflow/models official/vision/modeling/backbones/mobilenet.py and mobilenet_test.py (test_mobilenet_scaling: network.count_params())",
    rules: "tf-slim",
    bias: true,
    bn: true,
    bnStatistics: true,
    backgroundClass: false,
    unit: "macs",
    work: {},
  },
  timm: {
    name: "timm",
    summary:
      "params as sum(p.numel()) over timm's modules (weights, biases, BatchNorm γ and β, RMSNorm weights, LayerScale γ); MACs of conv, linear and attention matmuls; timm's widths (make_divisible(c·α, 8), the stem kept when α < 1, the 1280 head never scaled) — checked on timm's MobileNetV4 and MobileNetV5 models; timm defines V1–V3 with blocks of its own, which these tables do not follow",
    reference:
      "huggingface/pytorch-image-models 1.0.29.dev0 (commit aa4b585) timm/models/mobilenetv3.py _gen_mobilenet_v4 and mobilenetv5.py _gen_mobilenet_v5, run on torch 1.13",
    rules: "timm",
    bias: true,
    bn: true,
    backgroundClass: false,
    unit: "macs",
    work: {},
  },
} as const satisfies Record<ConventionName, Convention>;

/** Parameters per BatchNorm γ-and-β pair the convention counts: 1, or 2 with the moving statistics. */
export const bnParamsFactor = (c: Convention): bigint => (c.bn ? (c.bnStatistics ? 2n : 1n) : 0n);

/**
 * An op's norm parameters are its kind's `bn` formula (a BatchNorm's γ and β) over this: 1, or 2 for an
 * RMSNorm, whose weight alone is half as many (MobileNetV5).
 */
export const normParamsDivisor = (op: Pick<OpSpec, "norm">): 1 | 2 => (op.norm === "rms" ? 2 : 1);

/** An op's norm parameters from its kind's `bn` formula's value. */
export const normParamsOf = (op: Pick<OpSpec, "norm">, bn: bigint): bigint =>
  bn / BigInt(normParamsDivisor(op));

/** How many times a convention counts an op's norm parameters: a BatchNorm's, with its running statistics where it counts them; an RMSNorm has none. */
export function normParamsFactor(op: Pick<OpSpec, "bn" | "norm">, c: Convention): bigint {
  if (!op.bn) return 0n;
  return op.norm === "rms" ? (c.bn ? 1n : 0n) : bnParamsFactor(c);
}

/** The work category of an op's norm: a BatchNorm's, or an RMSNorm's (which no peer counter counts). */
export const normWorkCategory = (op: Pick<OpSpec, "norm">): "bn" | "rms-norm" =>
  op.norm === "rms" ? "rms-norm" : "bn";

/** How an op was called, where counters tell it apart: as a function (or x.mean), an average pool over a fixed window. */
export interface CallFlags {
  readonly functional?: OpSpec["functional"];
  readonly fixedWindow?: boolean;
}

/**
 * Operations per element the convention counts for each kind of an op's work (thop does not see
 * functional pools; ptflops counts module pools twice; fvcore counts no fixed-window average pool).
 */
export function workFactorsOf(op: CallFlags, c: Convention): Convention["work"] {
  if (op.functional === "mean") return {};
  const table = op.functional === true ? (c.functionalWork ?? c.work) : c.work;
  const fixedWindow = op.fixedWindow ? c.fixedWindowWork : undefined;
  const pooling = op.functional === true ? fixedWindow?.functional : fixedWindow?.module;
  if (pooling === undefined) return table;
  // a fixed window's table says how its pooling counts; the op's other work counts as the call's
  const { pool: _pool, "pool-divide": _divide, ...rest } = table;
  return { ...rest, ...pooling };
}

const describeFactors = (work: Convention["work"]): string => {
  const counted = (["pool", "pool-divide"] as const).filter((k) => work[k] !== undefined);
  return counted.length ? counted.map((k) => `${WORK_TITLES[k]} ×${work[k]}`).join(", ") : "not counted";
};

/** "counted: BatchNorm ×2, pooling ×1; ignored: bias adds, ReLU, …" */
export function describeWork(c: Convention): string {
  const counted = WORK_CATEGORIES.filter((k) => c.work[k] !== undefined).map(
    (k) => `${WORK_TITLES[k]} ×${c.work[k]}`,
  );
  const ignored = WORK_CATEGORIES.filter((k) => c.work[k] === undefined).map((k) => WORK_TITLES[k]);
  // only pools, ReLU and upsampling are called as functions (the schema's `functional` flag, a graph's scopes)
  const functional =
    c.functionalWork &&
    (["pool", "pool-divide", "max-pool", "relu", "upsample", "upsample-linear"] as const).map(
      (k) => `${WORK_TITLES[k]} ×${c.functionalWork?.[k] ?? 0n}`,
    );
  const functionalText = functional ? `; called as functions: ${functional.join(", ")}` : "";
  const fixedWindow = c.fixedWindowWork;
  const fixedWindowText = fixedWindow
    ? `; average pools over a fixed window (not adaptive): ${(["module", "functional"] as const)
        .filter((call) => fixedWindow[call] !== undefined)
        .map(
          (call) => `${call === "module" ? "modules" : "functions"} ${describeFactors(fixedWindow[call]!)}`,
        )
        .join(", ")}`
    : "";
  return `element-wise work counted: ${counted.length ? counted.join(", ") : "none"}${functionalText}${fixedWindowText}; ignored: ${ignored.join(", ")}`;
}

/**
 * What a convention does differently from the paper convention, in a few
 * words each ("+ biases", "ops per element: bn 2"): the short convention line.
 */
export function conventionDifferences(c: Convention): string[] {
  const paper: Convention = CONVENTIONS.paper;
  const differences: string[] = [];
  // the paper's convention counts neither biases nor BatchNorm: a difference can only add them
  if (c.bias) differences.push("+ biases");
  if (c.bn) differences.push(c.bnStatistics ? "+ BN with moving statistics" : "+ BN");
  if (c.head === false) differences.push("no head (backbone only)");
  if (c.channels !== undefined) differences.push(`${c.channels} input channel${c.channels === 1 ? "" : "s"}`);
  if (c.classes === 0) differences.push("no classifier");
  else if (c.classes !== undefined) differences.push(`${c.classes} classes`);
  else if (c.backgroundClass) differences.push("1001 classes");
  if (c.rules !== paper.rules) differences.push(`${c.rules} widths`);
  if (c.matmuls === false) differences.push("no attention matmuls");
  const counted = WORK_CATEGORIES.filter((k) => c.work[k] !== undefined);
  if (counted.length > 0)
    differences.push(`ops per element: ${counted.map((k) => `${k} ${c.work[k]}`).join(", ")}`);
  return differences;
}

export interface ConventionOverrides {
  readonly bias?: boolean;
  readonly bn?: boolean;
  readonly classes?: number;
  readonly channels?: number;
  readonly head?: boolean;
  readonly unit?: Unit;
}

const CHANGES: Record<string, string> = {
  bias: "biases counted",
  "no-bias": "biases not counted",
  bn: "BatchNorm γ and β counted",
  "no-bn": "BatchNorm not counted",
  "no-head": "the backbone only (cut at the global pool; no classifier)",
  "classes=0": "no classifier (0 classes)",
};
const describeChange = (change: string): string =>
  CHANGES[change] ?? change.replace("classes=", "classes: ").replace("channels=", "input channels: ");

/** A preset with per-item overrides; the name records them ("paper+bias"). */
export function resolveConvention(name: ConventionName, overrides: ConventionOverrides = {}): Convention {
  const base: Convention = CONVENTIONS[name];
  const changes: string[] = [];
  if (overrides.bias !== undefined && overrides.bias !== base.bias)
    changes.push(overrides.bias ? "bias" : "no-bias");
  if (overrides.bn !== undefined && overrides.bn !== base.bn) changes.push(overrides.bn ? "bn" : "no-bn");
  if (overrides.classes !== undefined) changes.push(`classes=${overrides.classes}`);
  if (overrides.channels !== undefined) changes.push(`channels=${overrides.channels}`);
  if (overrides.head === false) changes.push("no-head");
  return {
    ...base,
    ...(overrides.bias !== undefined && { bias: overrides.bias }),
    ...(overrides.bn !== undefined && { bn: overrides.bn }),
    ...(overrides.classes !== undefined && { classes: overrides.classes }),
    ...(overrides.channels !== undefined && { channels: overrides.channels }),
    ...(overrides.head === false && { head: false }),
    ...(overrides.unit !== undefined && { unit: overrides.unit }),
    name: [name, ...changes].join("+"),
    summary:
      changes.length > 0
        ? `${base.summary}; overridden here: ${changes.map(describeChange).join(", ")}`
        : base.summary,
  };
}

/** Channels of the input image under this convention (--channels), else the model's. */
export const inputChannelsFor = (modelChannels: number, convention: Convention): number =>
  convention.channels ?? modelChannels;

/** Classes the classifier has under this convention. */
export const classesFor = (modelClasses: number, convention: Convention): number =>
  convention.classes ?? modelClasses + (convention.backgroundClass ? 1 : 0);
