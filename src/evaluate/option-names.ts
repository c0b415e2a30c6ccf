/** Names only, so that declaring CLI options does not load the evaluators. */
export const BREAKDOWNS = ["type", "resolution", "block", "layer"] as const;
export type BreakdownBy = (typeof BREAKDOWNS)[number];

export const MEMORY_MODELS = ["block", "layer"] as const;
export type MemoryModel = (typeof MEMORY_MODELS)[number];

export const DTYPE_NAMES = ["fp32", "fp16", "int8"] as const;
export type Dtype = (typeof DTYPE_NAMES)[number];
