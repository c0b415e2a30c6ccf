export const FORMULA_KIND_NAMES = ["conv", "dw", "pw", "dsconv", "gconv", "fc"] as const;
export type FormulaKindName = (typeof FORMULA_KIND_NAMES)[number];
