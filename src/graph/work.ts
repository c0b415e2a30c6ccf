/**
 * What a node does besides its products, as conventions count it: element-wise work by category (the
 * layer kinds' categories: bias adds, BatchNorm, each activation, pooling, residual adds, scales,
 * softmax), and the role of each weight it reads (a weight, a bias, a norm's scale or shift), which
 * conventions count or not.
 */
import type { WorkCategory } from "../layers/define-layer-kind.js";
import { elementNumber } from "./dims.js";
import type { Tensor } from "./tensor.js";

export type { WorkCategory } from "../layers/define-layer-kind.js";

export interface WorkItem {
  readonly category: WorkCategory;
  /** Elements the work touches, once each. */
  readonly elements: bigint;
}

/** What a stored tensor is to the node reading it: conventions count weights always, the others by choice. */
export type ParamRole = "weight" | "bias" | "norm";

/**
 * A stored tensor read where any input may be a weight (an Add, a Mul, a Concat) is one when it holds
 * more than one number: a single number there is an exporter's constant (GELU's √2, a scale's 0.5).
 */
export const isWeightAnywhere = (t: Tensor | undefined): boolean =>
  t !== undefined && elementNumber(t.dims) > 1;

/** What an importer knows of a node beyond its operator: how its exporter wrote it. */
export interface NodeFlags {
  /**
   * A convolution holding a BatchNorm its exporter folded into it: its bias is the norm's shift, and
   * the norm's scale (one per output channel) counts as a parameter too, as in the model exported.
   */
  readonly foldedNorm?: boolean;
  /**
   * A pool, a ReLU or a linear called as a function in a module's forward (F.adaptive_avg_pool2d,
   * F.relu, F.linear), which module-hook counters see otherwise or not at all; "mean": as
   * x.mean([2, 3]), which no peer counter counts.
   */
  readonly functional?: boolean | "mean";
  /**
   * An average pool over a fixed window (torch's avg_pool2d, which the PyTorch exporter writes as Pad +
   * AveragePool), not an adaptive one (GlobalAveragePool, or an AveragePool alone): fvcore counts only these.
   */
  readonly fixedWindow?: boolean;
}

/**
 * A node's part in a pattern of several nodes (graph/patterns.ts): the category of work the pattern
 * carries on its last node, "part" for its other nodes, "norm-part" for a normalization's other nodes
 * (their stored operands are the norm's scale and shift).
 */
export type PatternRole = WorkCategory | "part" | "norm-part";

/** Whether a pattern's other node carries the work: no work of its own. */
export const isPatternPart = (role: PatternRole | undefined): role is "part" | "norm-part" =>
  role === "part" || role === "norm-part";

/** What a kind's work and roles see of a node. */
export interface NodeContext<Attrs = unknown> {
  readonly node: NodeFlags;
  readonly attrs: Attrs;
  readonly inputs: readonly (Tensor | undefined)[];
  readonly outputs: readonly Tensor[];
  /** Whether the input at this position is stored (a weight or a constant), not computed by the graph. */
  readonly isStored: (position: number) => boolean;
  /**
   * The category a pattern of several nodes gave this one (graph/patterns.ts: x·σ(x) is SiLU), or
   * "part" for a node whose work the pattern's other node carries.
   */
  readonly role?: PatternRole;
}
