/** Names only, so that declaring CLI options does not load the presets. */
export const CONVENTION_NAMES = [
  "paper",
  "torchvision",
  "tf-slim",
  "fvcore",
  "ptflops",
  "ptflops-aten",
  "thop",
  "torch-flops",
  "keras",
  "timm",
] as const;
export type ConventionName = (typeof CONVENTION_NAMES)[number];

export const UNITS = ["macs", "flops"] as const;
export type Unit = (typeof UNITS)[number];
