export const NOTATIONS = ["unicode", "ascii", "latex"] as const;
export type Notation = (typeof NOTATIONS)[number];
