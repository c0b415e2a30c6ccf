/**
 * The contract every op kind of the tensor-graph engine fulfils. A kind is
 * one file (graph/kinds/…): its shape rule here, and its cost formulas. The
 * engine and the importers never switch on a kind: an importer lowers a
 * node onto a kind and its attributes; the kind says what comes out.
 */
import type { Poly } from "../algebra/expr.js";
import type { Tensor } from "./tensor.js";
import type { NodeContext, ParamRole, WorkItem } from "./work.js";

/** What a shape rule gives: the output tensors, or why the op cannot apply to these inputs (one line). */
export type Inferred = readonly Tensor[] | string;

export interface OpKind<Attrs = unknown> {
  /** The kind's name (graph rows and the by-type breakdown use it). */
  readonly kind: string;
  readonly title: string;
  /**
   * The output tensors for these inputs, by the operator's own semantics; an omitted optional input
   * is undefined. Values are given where the inputs' are known and the result is small.
   */
  infer(attrs: Attrs, inputs: readonly (Tensor | undefined)[]): Inferred;
  /** Multiply-accumulates of its products (convolutions, matrix products), over the symbols `bind` gives. */
  readonly macs?: Poly;
  /** Values of its formulas' symbols for these inputs and outputs. */
  bind?(
    attrs: Attrs,
    inputs: readonly (Tensor | undefined)[],
    outputs: readonly Tensor[],
  ): Record<string, number>;
  /**
   * The role of the stored tensor (a weight or a constant) read at this input position, when it is a
   * learnable one: a conv's weight and bias, a norm's scale and shift, a position embedding added.
   * Undefined: not a parameter (a norm's running statistics, a Reshape's target).
   */
  paramRole?(ctx: NodeContext<Attrs>, position: number): ParamRole | undefined;
  /** Element-wise work besides its products, by category (what conventions count per element). */
  work?(ctx: NodeContext<Attrs>): readonly WorkItem[];
  /**
   * The node's key in the by-type breakdown, where the kind tells more than its operator does (a conv
   * is a pointwise, depthwise, grouped or full convolution; a product by stored weights is an fc);
   * undefined: the file's operator.
   */
  typeOf?(ctx: NodeContext<Attrs>): string;
  /** Its products multiply two computed tensors (attention's Q·Kᵀ), which some counters do not see. */
  isMatmul?(ctx: NodeContext<Attrs>): boolean;
}

/** A kind taking `Attrs`: `defineOpKind<ConvAttrs>()({ … })`. */
export const defineOpKind =
  <Attrs>() =>
  <K extends OpKind<Attrs>>(kind: K): K =>
    kind;
