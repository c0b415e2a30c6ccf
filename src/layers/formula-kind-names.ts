export const FORMULA_KIND_NAMES = [
  "conv",
  "dw",
  "pw",
  "dsconv",
  "gconv",
  "fc",
  "uib",
  "fused-ib",
  "mqa",
] as const;
export type FormulaKindName = (typeof FORMULA_KIND_NAMES)[number];
