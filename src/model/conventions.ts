/**
 * Counting conventions: which parameters count, how widths are built, how
 * many classes. Every report names the convention it used.
 */
import type { Rules } from "./schema.js";

export const UNITS = ["macs", "flops"] as const;
export type Unit = (typeof UNITS)[number];

export interface Convention {
  readonly name: string;
  readonly summary: string;
  /** Width, expansion and head rules of this reference implementation. */
  readonly rules: Rules;
  /** Count the biases layers declare (classifier, SE FCs, V3's 1280 layer). */
  readonly bias: boolean;
  /** Count BatchNorm's learnable γ and β (2 per channel). */
  readonly bn: boolean;
  /** TF-slim checkpoints classify 1001 classes: 1000 plus background. */
  readonly backgroundClass: boolean;
  /** Overrides the model's class count. */
  readonly classes?: number;
  /** FLOPs = 2 × MACs, labelled so everywhere. */
  readonly unit: Unit;
}

export const CONVENTIONS = {
  paper: {
    name: "paper",
    summary: "conv and FC weights only (no bias, no BatchNorm); MACs of conv and FC layers incl. squeeze-excite FCs; TF-slim width rules",
    rules: "tf-slim",
    bias: false,
    bn: false,
    backgroundClass: false,
    unit: "macs",
  },
  torchvision: {
    name: "torchvision",
    summary: "params as sum(p.numel()) over torchvision's modules (weights, biases, BatchNorm γ and β); MACs of conv and linear layers; torchvision width rules",
    rules: "torchvision",
    bias: true,
    bn: true,
    backgroundClass: false,
    unit: "macs",
  },
  "tf-slim": {
    name: "tf-slim",
    summary: "as TF-slim's checkpoint tables: weights and biases, no BatchNorm, 1001 classes (with background); MACs of conv and FC layers; TF-slim width rules",
    rules: "tf-slim",
    bias: true,
    bn: false,
    backgroundClass: true,
    unit: "macs",
  },
} as const satisfies Record<string, Convention>;

export type ConventionName = keyof typeof CONVENTIONS;
export const CONVENTION_NAMES = Object.keys(CONVENTIONS) as ConventionName[];

export interface ConventionOverrides {
  readonly bias?: boolean;
  readonly bn?: boolean;
  readonly classes?: number;
  readonly unit?: Unit;
}

/** A preset with per-item overrides; the name records them ("paper+bias"). */
export function resolveConvention(name: ConventionName, overrides: ConventionOverrides = {}): Convention {
  const base: Convention = CONVENTIONS[name];
  const changes: string[] = [];
  if (overrides.bias !== undefined && overrides.bias !== base.bias) changes.push(overrides.bias ? "bias" : "no-bias");
  if (overrides.bn !== undefined && overrides.bn !== base.bn) changes.push(overrides.bn ? "bn" : "no-bn");
  if (overrides.classes !== undefined) changes.push(`classes=${overrides.classes}`);
  return {
    ...base,
    ...(overrides.bias !== undefined && { bias: overrides.bias }),
    ...(overrides.bn !== undefined && { bn: overrides.bn }),
    ...(overrides.classes !== undefined && { classes: overrides.classes }),
    ...(overrides.unit !== undefined && { unit: overrides.unit }),
    name: [name, ...changes].join("+"),
  };
}

/** Classes the classifier has under this convention. */
export const classesFor = (modelClasses: number, convention: Convention): number =>
  convention.classes ?? modelClasses + (convention.backgroundClass ? 1 : 0);
