export const SWEEP_FORMATS = ["csv", "tsv", "jsonl", "json", "table", "markdown", "svg"] as const;
export type SweepFormat = (typeof SWEEP_FORMATS)[number];
