/**
 * Published figures, transcribed with their sources
 * (../shared/reference/published.md and rules-and-inconsistencies.md).
 * Each names the convention that reproduces it and the rounding the source
 * used; a figure that no convention reproduces says why, and never bends a
 * formula. Used by `mbn-cost paper` and by test/published/.
 */
import type { ConventionName } from "../model/conventions.js";

export type Metric =
  | { readonly kind: "total"; readonly of: "macs" | "params" }
  /** Total without the rows of these types (V1 Table 4's 4866M leaves out the FC). */
  | { readonly kind: "without-types"; readonly of: "macs" | "params"; readonly types: readonly string[] }
  /** Total without these layers (TF-slim's V1 α = 0.75 rows leave out the first conv). */
  | { readonly kind: "without-layers"; readonly of: "macs" | "params"; readonly layers: readonly string[] }
  /** Percentage of the total taken by one layer type (V1 Table 2). */
  | { readonly kind: "share"; readonly of: "macs" | "params"; readonly type: string }
  /** MACs of the layers whose output map has one of these sides (FD-MobileNet's by-resolution argument). */
  | { readonly kind: "at-resolutions"; readonly of: "macs"; readonly sides: readonly number[] };

export interface Setting {
  readonly model: string;
  readonly alpha: string;
  readonly resolution: number;
  readonly convention: ConventionName;
}

export interface PublishedFigure extends Setting {
  readonly family: Family;
  /** Paper and table, or checkpoint table. */
  readonly source: string;
  readonly label: string;
  readonly metric: Metric;
  /** As printed, e.g. "569", "4.2", "94.86". */
  readonly printed: string;
  /** "M" = 10^6, "G" = 10^9, "%" for shares. */
  readonly unit: "M" | "G" | "%";
  /** How the source rounded to its printed digits. */
  readonly rounding: "nearest" | "floor";
  /** Why the source rounds or counts as it does here, when worth saying. */
  readonly note?: string;
  /** Set when the figure does not follow from the architecture: the explanation. */
  readonly inconsistency?: string;
  /** A metric that does reproduce an inconsistent figure, when one was found. */
  readonly explainedBy?: Metric;
}

export { FAMILIES, type Family } from "./families.js";
import type { Family } from "./families.js";

const macs: Metric = { kind: "total", of: "macs" };
const params: Metric = { kind: "total", of: "params" };

const V1_PAPER = "Howard et al. 2017, MobileNets (arXiv 1704.04861)";
const V1_SLIM = "TF-slim checkpoint table (tensorflow/models research/slim/nets/mobilenet_v1.md)";
const V2_PAPER = "Sandler et al. 2018, MobileNetV2 (arXiv 1801.04381)";
const V2_SLIM = "TF-slim checkpoint table (tensorflow/models research/slim/nets/mobilenet/README.md)";
const V3_PAPER = "Howard et al. 2019, Searching for MobileNetV3 (arXiv 1905.02244)";
const V3_SLIM = V2_SLIM;
const TORCHVISION_DOCS = "torchvision model documentation (weights meta: GFLOPS = GMACs, params incl. BatchNorm)";
const FD_README = "FD-MobileNet authors' README (qinzheng93/FD-MobileNet)";
const FD_PAPER = "Qin et al. 2018, FD-MobileNet (arXiv 1802.03750), Section 3.1 (seed 001)";

const v1 = (alpha: string, resolution: number) => ({ family: "v1" as const, model: "mobilenet-v1", alpha, resolution });

function v1Paper(): PublishedFigure[] {
  const paper = { convention: "paper" as const, unit: "M" as const, rounding: "nearest" as const };
  const t2 = (type: string, of: "macs" | "params", printed: string, extra: Partial<PublishedFigure> = {}): PublishedFigure => ({
    ...v1("1.0", 224),
    ...paper,
    source: `${V1_PAPER}, Table 2`,
    label: `${type} share of ${of === "macs" ? "Mult-Adds" : "parameters"}`,
    metric: { kind: "share", of, type },
    printed,
    unit: "%",
    ...extra,
  });
  return [
    { ...v1("1.0", 224), ...paper, family: "v1", model: "mobilenet-v1-conv", source: `${V1_PAPER}, Table 4`, label: "Conv MobileNet Mult-Adds", metric: { kind: "without-types", of: "macs", types: ["fc"] }, printed: "4866", note: "4866 is the conv layers only (4,866.27M); with the FC layer the total is 4,867.29M" },
    { ...v1("1.0", 224), ...paper, model: "mobilenet-v1-conv", source: `${V1_PAPER}, Table 4`, label: "Conv MobileNet parameters", metric: params, printed: "29.3" },
    { ...v1("1.0", 224), ...paper, source: `${V1_PAPER}, Table 4`, label: "MobileNet Mult-Adds", metric: macs, printed: "569" },
    { ...v1("1.0", 224), ...paper, source: `${V1_PAPER}, Table 4`, label: "MobileNet parameters", metric: params, printed: "4.2" },
    { ...v1("0.75", 224), ...paper, source: `${V1_PAPER}, Table 5`, label: "0.75 MobileNet Mult-Adds", metric: macs, printed: "325" },
    { ...v1("0.75", 224), ...paper, source: `${V1_PAPER}, Table 5`, label: "0.75 MobileNet parameters", metric: params, printed: "2.6" },
    { ...v1("1.0", 224), ...paper, model: "mobilenet-v1-shallow", source: `${V1_PAPER}, Table 5`, label: "Shallow MobileNet Mult-Adds", metric: macs, printed: "307" },
    { ...v1("1.0", 224), ...paper, model: "mobilenet-v1-shallow", source: `${V1_PAPER}, Table 5`, label: "Shallow MobileNet parameters", metric: params, printed: "2.9" },
    { ...v1("0.5", 224), ...paper, source: `${V1_PAPER}, Table 6`, label: "0.5 MobileNet-224 Mult-Adds", metric: macs, printed: "149" },
    { ...v1("0.5", 224), ...paper, source: `${V1_PAPER}, Table 6`, label: "0.5 MobileNet-224 parameters", metric: params, printed: "1.3" },
    { ...v1("0.25", 224), ...paper, source: `${V1_PAPER}, Table 6`, label: "0.25 MobileNet-224 Mult-Adds", metric: macs, printed: "41" },
    { ...v1("0.25", 224), ...paper, source: `${V1_PAPER}, Table 6`, label: "0.25 MobileNet-224 parameters", metric: params, printed: "0.5" },
    { ...v1("1.0", 192), ...paper, source: `${V1_PAPER}, Table 7`, label: "1.0 MobileNet-192 Mult-Adds", metric: macs, printed: "418" },
    { ...v1("1.0", 160), ...paper, source: `${V1_PAPER}, Table 7`, label: "1.0 MobileNet-160 Mult-Adds", metric: macs, printed: "290", rounding: "floor", note: "290.68M: the paper truncates here (TF-slim rounds to 291)" },
    { ...v1("1.0", 128), ...paper, source: `${V1_PAPER}, Table 7`, label: "1.0 MobileNet-128 Mult-Adds", metric: macs, printed: "186" },
    { ...v1("1.0", 128), ...paper, source: `${V1_PAPER}, Table 7`, label: "1.0 MobileNet-128 parameters", metric: params, printed: "4.2", note: "parameters do not depend on resolution" },
    t2("pointwise", "macs", "94.86"),
    t2("depthwise", "macs", "3.06"),
    t2("conv", "macs", "1.19", {
      inconsistency: "the paper prints 1.19%; the arithmetic gives 1.91% (10,838,016 / 568,740,352), a digit transposition — only 1.91 makes the four shares sum to 100%",
    }),
    t2("fc", "macs", "0.18"),
    t2("pointwise", "params", "74.59"),
    t2("depthwise", "params", "1.06"),
    t2("conv", "params", "0.02"),
    t2("fc", "params", "24.33"),
  ];
}

function v1Slim(): PublishedFigure[] {
  const table: [string, number, string][] = [
    ["1.0", 224, "569"], ["1.0", 192, "418"], ["1.0", 160, "291"], ["1.0", 128, "186"],
    ["0.75", 224, "317"], ["0.75", 192, "233"], ["0.75", 160, "162"], ["0.75", 128, "104"],
    ["0.5", 224, "150"], ["0.5", 192, "110"], ["0.5", 160, "77"], ["0.5", 128, "49"],
    ["0.25", 224, "41"], ["0.25", 192, "34"], ["0.25", 160, "21"], ["0.25", 128, "14"],
  ];
  const figures: PublishedFigure[] = table.map(([alpha, resolution, printed]) => {
    const base = { ...v1(alpha, resolution), convention: "tf-slim" as const, source: V1_SLIM, label: `MobileNet_v1_${alpha}_${resolution} Million MACs`, metric: macs, printed, unit: "M" as const, rounding: "nearest" as const };
    if (alpha === "0.75") {
      return { ...base, inconsistency: "the four α = 0.75 rows are 2.6% below the formula (and below the paper's 325): each equals the total without the first 3×3 convolution", explainedBy: { kind: "without-layers", of: "macs", layers: ["conv_1"] } };
    }
    if (alpha === "0.5" && resolution === 224) return { ...base, inconsistency: "149.50M rounds to 149 (the paper prints 149); no convention found gives 150" };
    if (alpha === "0.25" && resolution === 192) return { ...base, inconsistency: "the formula gives 30.2M; no convention found gives 34 (probably a typo for 30)" };
    return base;
  });
  const slimParams: [string, string][] = [["1.0", "4.24"], ["0.75", "2.59"], ["0.5", "1.34"], ["0.25", "0.47"]];
  for (const [alpha, printed] of slimParams) {
    figures.push({
      ...v1(alpha, 224),
      convention: "tf-slim",
      source: V1_SLIM,
      label: `MobileNet_v1_${alpha} Million parameters`,
      metric: params,
      printed,
      unit: "M",
      rounding: "nearest",
      inconsistency: "TF-slim's V1 parameter counts fit only weights + 1001-way FC with bias + 3 values per BatchNorm channel, a convention it does not document; none of the presets reproduces them",
    });
  }
  return figures;
}

function v2Figures(): PublishedFigure[] {
  const slim: [string, number, string][] = [
    ["1.4", 224, "582"], ["1.3", 224, "509"],
    ["1.0", 224, "300"], ["1.0", 192, "221"], ["1.0", 160, "154"], ["1.0", 128, "99"], ["1.0", 96, "56"],
    ["0.75", 224, "209"], ["0.75", 192, "153"], ["0.75", 160, "107"], ["0.75", 128, "69"], ["0.75", 96, "39"],
    ["0.5", 224, "97"], ["0.5", 192, "71"], ["0.5", 160, "50"], ["0.5", 128, "32"], ["0.5", 96, "18"],
    ["0.35", 224, "59"], ["0.35", 192, "43"], ["0.35", 160, "30"], ["0.35", 128, "20"], ["0.35", 96, "11"],
  ];
  const slimParams: [string, string][] = [["1.4", "6.06"], ["1.3", "5.34"], ["1.0", "3.47"], ["0.75", "2.61"], ["0.5", "1.95"], ["0.35", "1.66"]];
  const base = { family: "v2" as const, model: "mobilenet-v2", unit: "M" as const };
  return [
    { ...base, alpha: "1.0", resolution: 224, convention: "paper", source: `${V2_PAPER}, Table 4`, label: "MobileNetV2 MAdds", metric: macs, printed: "300", rounding: "floor" },
    { ...base, alpha: "1.0", resolution: 224, convention: "tf-slim", source: `${V2_PAPER}, Table 4`, label: "MobileNetV2 parameters", metric: params, printed: "3.4", rounding: "floor", note: "3.47M (TF-slim's count) truncated" },
    {
      ...base, alpha: "1.4", resolution: 224, convention: "paper", source: `${V2_PAPER}, Table 4`, label: "MobileNetV2 (1.4) MAdds", metric: macs, printed: "585", rounding: "nearest",
      inconsistency: "the architecture gives 582.2M (TF-slim prints 582); nothing found reproduces 585 — probably an earlier 1.4 configuration",
    },
    {
      ...base, alpha: "1.4", resolution: 224, convention: "tf-slim", source: `${V2_PAPER}, Table 4`, label: "MobileNetV2 (1.4) parameters", metric: params, printed: "6.9", rounding: "nearest",
      inconsistency: "the architecture gives 6.06M (TF-slim prints 6.06); nothing found reproduces 6.9",
    },
    ...slim.map(([alpha, resolution, printed]): PublishedFigure => ({
      ...base, alpha, resolution, convention: "tf-slim", source: V2_SLIM, label: `mobilenet_v2_${alpha}_${resolution} MACs (M)`, metric: macs, printed, rounding: "floor",
      ...(alpha === "1.0" && resolution === 224 && { note: "the TF-slim V2 table truncates (300.78M → 300)" }),
    })),
    ...slimParams.map(([alpha, printed]): PublishedFigure => ({
      ...base, alpha, resolution: 224, convention: "tf-slim", source: V2_SLIM, label: `mobilenet_v2_${alpha} parameters (M)`, metric: params, printed, rounding: "floor",
    })),
    { ...base, alpha: "1.0", resolution: 224, convention: "torchvision", source: TORCHVISION_DOCS, label: "mobilenet_v2 GFLOPS", metric: macs, printed: "0.30", unit: "G", rounding: "nearest" },
    { ...base, alpha: "1.0", resolution: 224, convention: "torchvision", source: TORCHVISION_DOCS, label: "mobilenet_v2 params (M)", metric: params, printed: "3.5", rounding: "nearest" },
  ];
}

function v3Figures(): PublishedFigure[] {
  const large = { family: "v3" as const, model: "mobilenet-v3-large", resolution: 224, unit: "M" as const };
  const small = { ...large, model: "mobilenet-v3-small" };
  return [
    {
      ...large, alpha: "1.0", convention: "paper", source: `${V3_PAPER}, Table 3`, label: "MobileNetV3-Large 1.0 MAdds", metric: macs, printed: "219", rounding: "nearest",
      inconsistency: "conv + FC + SE FCs give 216.6M (TF-slim and torchvision: 217); the paper's +2.4M is about the element-wise work no table counts, and the paper does not state its convention",
    },
    { ...large, alpha: "1.0", convention: "paper", source: `${V3_PAPER}, Table 3`, label: "MobileNetV3-Large 1.0 parameters", metric: params, printed: "5.4", rounding: "floor", note: "5.45M truncated (V3's parameter rounding is not uniform)" },
    { ...small, alpha: "1.0", convention: "paper", source: `${V3_PAPER}, Table 4 (final revision)`, label: "MobileNetV3-Small 1.0 MAdds", metric: macs, printed: "56", rounding: "floor", note: "56.51M truncated" },
    { ...small, alpha: "1.0", convention: "paper", source: `${V3_PAPER}, Table 4 (final revision)`, label: "MobileNetV3-Small 1.0 parameters", metric: params, printed: "2.5", rounding: "nearest" },
    {
      ...small, alpha: "0.75", convention: "paper", source: `${V3_PAPER}, Table 4 (final revision)`, label: "MobileNetV3-Small 0.75 MAdds", metric: macs, printed: "44", rounding: "nearest",
      inconsistency: "the architecture gives 43.40M with the 1024 head kept (43.03M scaled); neither rounds to 44",
    },
    { ...small, alpha: "0.75", convention: "paper", source: `${V3_PAPER}, Table 4 (final revision)`, label: "MobileNetV3-Small 0.75 parameters", metric: params, printed: "2.0", rounding: "nearest" },
    { ...large, alpha: "1.0", convention: "tf-slim", source: V3_SLIM, label: "Large dm=1 MACs (M)", metric: macs, printed: "217", rounding: "nearest" },
    { ...large, alpha: "1.0", convention: "tf-slim", source: V3_SLIM, label: "Large dm=1 parameters (M)", metric: params, printed: "5.4", rounding: "floor", note: "5.46M truncated" },
    { ...large, alpha: "0.75", convention: "tf-slim", source: V3_SLIM, label: "Large dm=0.75 MACs (M)", metric: macs, printed: "155", rounding: "nearest", note: "with the 1280 head unscaled (TF-slim's finegrain mode), as the released checkpoint" },
    { ...large, alpha: "0.75", convention: "tf-slim", source: V3_SLIM, label: "Large dm=0.75 parameters (M)", metric: params, printed: "4.0", rounding: "nearest" },
    {
      ...small, alpha: "1.0", convention: "tf-slim", source: V3_SLIM, label: "Small dm=1 MACs (M)", metric: macs, printed: "66", rounding: "nearest",
      inconsistency: "TF-slim's own V3_SMALL definition gives 56.5M (the final paper prints 56); nothing found explains 66",
    },
    {
      ...small, alpha: "1.0", convention: "tf-slim", source: V3_SLIM, label: "Small dm=1 parameters (M)", metric: params, printed: "2.9", rounding: "nearest",
      inconsistency: "the released checkpoint has 2.53M; 2.9M fits the 1280-wide penultimate layer of an earlier paper revision",
    },
    { ...large, alpha: "1.0", convention: "torchvision", source: TORCHVISION_DOCS, label: "mobilenet_v3_large GFLOPS", metric: macs, printed: "0.22", unit: "G", rounding: "nearest" },
    { ...large, alpha: "1.0", convention: "torchvision", source: TORCHVISION_DOCS, label: "mobilenet_v3_large params (M)", metric: params, printed: "5.5", rounding: "nearest" },
    { ...small, alpha: "1.0", convention: "torchvision", source: TORCHVISION_DOCS, label: "mobilenet_v3_small GFLOPS", metric: macs, printed: "0.06", unit: "G", rounding: "nearest" },
    { ...small, alpha: "1.0", convention: "torchvision", source: TORCHVISION_DOCS, label: "mobilenet_v3_small params (M)", metric: params, printed: "2.5", rounding: "nearest" },
  ];
}

function fdFigures(): PublishedFigure[] {
  const fd = { family: "fd" as const, model: "fd-mobilenet", resolution: 224, convention: "paper" as const, unit: "M" as const, rounding: "nearest" as const };
  const big4: Metric = { kind: "at-resolutions", of: "macs", sides: [112, 56, 28, 14] };
  return [
    { ...fd, alpha: "1.0", source: FD_README, label: "FD-MobileNet 1× MFLOPs (mult-adds)", metric: macs, printed: "144" },
    { ...fd, alpha: "0.5", source: FD_README, label: "FD-MobileNet 0.5× MFLOPs (mult-adds)", metric: macs, printed: "40" },
    { ...fd, alpha: "0.25", source: FD_README, label: "FD-MobileNet 0.25× MFLOPs (mult-adds)", metric: macs, printed: "12" },
    { ...fd, alpha: "1.0", source: FD_PAPER, label: "FD-MobileNet 1× MFLOPs at the four largest resolutions (112², 56², 28², 14²)", metric: big4, printed: "59", note: "layers binned by output resolution" },
    { ...fd, model: "mobilenet-v1", alpha: "0.5", source: FD_PAPER, label: "MobileNet 0.5× MFLOPs at the four largest resolutions (112², 56², 28², 14²)", metric: big4, printed: "129", note: "layers binned by output resolution" },
  ];
}

export const PUBLISHED_FIGURES: readonly PublishedFigure[] = [...v1Paper(), ...v1Slim(), ...v2Figures(), ...v3Figures(), ...fdFigures()];
