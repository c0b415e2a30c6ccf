import { mul } from "../algebra/expr.js";
import { defineLayerKind } from "./define-layer-kind.js";
import { M, N } from "./symbols.js";

/** Fully connected layer on the flattened input (M = H·W·C inputs, N outputs). */
/** A fully connected layer's own field. */
export interface FullyConnectedFields {
  /** Outputs. */
  readonly out: number;
}

export const fullyConnected = defineLayerKind<"fc", FullyConnectedFields>()({
  kind: "fc",
  title: "fully connected",
  type: "fc",
  params: mul(M, N),
  macs: mul(M, N),
  bias: N,
  bn: mul(2, N),
  outputElements: N,
  work: [],
  outputShape: (op) => [1, 1, op.out],
  bind: (_op, [h, w, c], output) => ({ M: h * w * c, N: output[2] }),
});
