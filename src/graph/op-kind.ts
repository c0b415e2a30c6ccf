/**
 * The contract every op kind of the tensor-graph engine fulfils. A kind is
 * one file (graph/kinds/…): its shape rule here, and its cost formulas. The
 * engine and the importers never switch on a kind: an importer lowers a
 * node onto a kind and its attributes; the kind says what comes out.
 */
import type { Tensor } from "./tensor.js";

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
}

/** A kind taking `Attrs`: `defineOpKind<ConvAttrs>()({ … })`. */
export const defineOpKind =
  <Attrs>() =>
  <K extends OpKind<Attrs>>(kind: K): K =>
    kind;
