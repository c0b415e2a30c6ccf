/**
 * The formula families a user can ask for by name (`mbn-cost formula <kind>`).
 */
import type { Poly } from "../algebra/expr.js";
import { conv } from "./conv.js";
import { depthwise } from "./depthwise.js";
import { depthwiseSeparable } from "./depthwise-separable.js";
import { fullyConnected } from "./fully-connected.js";
import { groupedConv } from "./grouped-conv.js";
import { pointwise } from "./pointwise.js";

export interface FormulaKind {
  readonly title: string;
  readonly params: Poly;
  readonly macs: Poly;
  readonly bias: Poly;
  readonly bn: Poly;
}

export const FORMULA_KIND_NAMES = ["conv", "dw", "pw", "dsconv", "gconv", "fc"] as const;
export type FormulaKindName = (typeof FORMULA_KIND_NAMES)[number];

export const formulaKinds = {
  conv,
  dw: depthwise,
  pw: pointwise,
  dsconv: depthwiseSeparable,
  gconv: groupedConv,
  fc: fullyConnected,
} satisfies Record<FormulaKindName, FormulaKind>;
