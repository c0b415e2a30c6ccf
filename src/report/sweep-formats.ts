export const SWEEP_FORMATS = ["csv", "jsonl", "json", "table", "markdown", "svg"] as const;
export type SweepFormat = (typeof SWEEP_FORMATS)[number];
