/**
 * Width rules of a reference implementation, as a strategy: where TF-slim and
 * torchvision build different widths from the same table, each says its own
 * answer here, and the block kinds ask without knowing which one they have.
 */
import { makeDivisible, roundHalfEven } from "./scale.js";
import type { Rules } from "./schema.js";

/** A block's expanded (hidden) width as the rules compute it, and whether a 1×1 conv performs the expansion. */
export interface Expansion {
  readonly hidden: number;
  readonly expands: boolean;
}

export interface WidthRules {
  readonly name: Rules;
  /**
   * MobileNetV2's inverted residual: expansion by factor t of the actual input.
   * `round` is the model's channel rounding.
   */
  expandByFactor(input: number, t: number, round: (v: number) => number): Expansion;
  /** MobileNetV3's bneck: expansion to the table's `exp` width, given the table's input width. */
  expandToTableWidth(input: number, tableInput: number, tableExpanded: number, alpha: number): Expansion;
}

export const WIDTH_RULES_OF: Record<Rules, WidthRules> = {
  "tf-slim": {
    name: "tf-slim",
    // mobilenet_v2.py expand_input_by_factor: make_divisible(in·t, 8); a conv only if it widens
    expandByFactor: (input, t, round) => {
      const hidden = round(input * t);
      return { hidden, expands: hidden > input };
    },
    // mobilenet_v3.py: make_divisible(in · exp/in_table, 8) on the actual input; a conv only if it widens
    expandToTableWidth: (input, tableInput, tableExpanded) => {
      const hidden = makeDivisible(input * (tableExpanded / tableInput));
      return { hidden, expands: hidden > input };
    },
  },
  torchvision: {
    name: "torchvision",
    // mobilenetv2.py InvertedResidual: int(round(in·t)); a conv whenever t ≠ 1
    expandByFactor: (input, t) => ({ hidden: roundHalfEven(input * t), expands: t !== 1 }),
    // mobilenetv3.py: make_divisible(exp·α, 8); a conv whenever it differs from the input
    expandToTableWidth: (input, _tableInput, tableExpanded, alpha) => {
      const hidden = makeDivisible(tableExpanded * alpha);
      return { hidden, expands: hidden !== input };
    },
  },
  // timm's _efficientnet_blocks.py: mid_chs = make_divisible(in_chs · exp_ratio), as TF-slim's; its
  // MobileNetV4 (the models it was checked on) expands by make_divisible(in·e, 8) in the block kinds themselves
  timm: {
    name: "timm",
    expandByFactor: (input, t, round) => WIDTH_RULES_OF["tf-slim"].expandByFactor(input, t, round),
    expandToTableWidth: (input, tableInput, tableExpanded, alpha) =>
      WIDTH_RULES_OF["tf-slim"].expandToTableWidth(input, tableInput, tableExpanded, alpha),
  },
};
