/** Names (and what they mean), so that declaring CLI options does not load the evaluators. */
export const BREAKDOWNS = ["type", "resolution", "stage", "block", "layer"] as const;
export type BreakdownBy = (typeof BREAKDOWNS)[number];
/** Breakdowns that align across models (layer names do not). */
export const COMPARE_BREAKDOWNS = [
  "type",
  "resolution",
  "stage",
  "block",
] as const satisfies readonly BreakdownBy[];
export type CompareBreakdownBy = (typeof COMPARE_BREAKDOWNS)[number];

export const MEMORY_MODELS = ["block", "layer"] as const;
export type MemoryModel = (typeof MEMORY_MODELS)[number];

export const MEMORY_MODEL_SUMMARY: Record<MemoryModel, string> = {
  block:
    "each block holds only its input and output (internal expanded tensors streamed; MobileNetV2 Section 5.1)",
  layer: "each op holds its input and output, plus tensors saved for a later residual add or SE scale",
};

export const DTYPE_NAMES = ["fp32", "fp16", "int8"] as const;
export type Dtype = (typeof DTYPE_NAMES)[number];

/** What moves through memory in the roofline: every op's input and output, or only each block's. */
export const FUSIONS = ["none", "block"] as const;
export type Fusion = (typeof FUSIONS)[number];

export const FUSION_SUMMARY: Record<Fusion, string> = {
  none: "every op reads its input and writes its output to memory (as the MobileNetV4 paper's roofline assumes)",
  block:
    "a block's inner tensors stay on chip: it reads its input and writes its output once (MobileNetV2 Section 5.1)",
};
