/**
 * The formula families a user can ask for by name (`mbn-cost formula <kind>`).
 */
import type { Poly } from "../algebra/expr.js";
import { conv } from "./conv.js";
import { depthwise } from "./depthwise.js";
import { depthwiseSeparable } from "./depthwise-separable.js";
import { fullyConnected } from "./fully-connected.js";
import { groupedConv } from "./grouped-conv.js";
import { fusedInvertedBottleneck, mobileMqa, universalInvertedBottleneck } from "./mobilenet-v4-blocks.js";
import { pointwise } from "./pointwise.js";

export interface FormulaKind {
  readonly title: string;
  readonly params: Poly;
  readonly macs: Poly;
  readonly bias: Poly;
  readonly bn: Poly;
}

import type { FormulaKindName } from "./formula-kind-names.js";

export { FORMULA_KIND_NAMES, type FormulaKindName } from "./formula-kind-names.js";

export const formulaKinds = {
  conv,
  dw: depthwise,
  pw: pointwise,
  dsconv: depthwiseSeparable,
  gconv: groupedConv,
  fc: fullyConnected,
  uib: universalInvertedBottleneck,
  "fused-ib": fusedInvertedBottleneck,
  mqa: mobileMqa,
} satisfies Record<FormulaKindName, FormulaKind>;
