/** The commands, in help order (program.ts registers one declaration per name). */
export const COMMAND_NAMES = [
  "show",
  "compare",
  "sweep",
  "paper",
  "report",
  "check",
  "diff",
  "fit",
  "calibrate",
  "explain",
  "ridge",
  "roofline",
  "formula",
  "ratio",
  "schema",
  "models",
  "app",
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];
