/**
 * Published figures, one row per figure, as each source prints it. The
 * source (src/published/sources.ts) fixes the counting convention and the
 * rounding; the metric is what the source says it measures. A figure that
 * the architecture does not give carries `differs`: why, in words. Used by
 * `mbn-cost paper` and by test/published/.
 */
import type { ConventionName } from "../model/convention-names.js";
import type { Family } from "./families.js";
import { SOURCES, type SourceId } from "./sources.js";

export { FAMILIES, type Family } from "./families.js";

export type Metric =
  | { readonly kind: "total"; readonly of: "macs" | "params" }
  /** Total without the rows of these types (what V1 Table 4's 4866M Mult-Adds are). */
  | { readonly kind: "without-types"; readonly of: "macs" | "params"; readonly types: readonly string[] }
  /** Total without these layers (what TF-slim's V1 α = 0.75 rows are). */
  | { readonly kind: "without-layers"; readonly of: "macs" | "params"; readonly layers: readonly string[] }
  /** Percentage of the total taken by one layer type (V1 Table 2). */
  | { readonly kind: "share"; readonly of: "macs" | "params"; readonly type: string }
  /** The backbone: everything but the classifier (the final fc), as a source that measures a backbone does. */
  | { readonly kind: "backbone"; readonly of: "macs" | "params" }
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
  readonly sourceId: SourceId;
  /** Paper and table, or checkpoint table. */
  readonly source: string;
  readonly label: string;
  readonly metric: Metric;
  /** As printed, e.g. "569", "4.2", "94.86". */
  readonly printed: string;
  /** "M" = 10^6, "G" = 10^9, "%" for shares. */
  readonly unit: "M" | "G" | "%";
  /** The source's rounding (declared once per source). */
  readonly rounding: "nearest" | "floor";
  /** Worth saying beside the figure. */
  readonly note?: string;
  /** Set when the printed figure is not what the architecture gives, counted and rounded as its source does: why. */
  readonly differs?: string;
  /** Another metric that gives the printed figure, when one was found: offered as the explanation, never as a match. */
  readonly explainedBy?: Metric;
}

type Extra = Pick<PublishedFigure, "note" | "differs" | "explainedBy">;

const MACS: Metric = { kind: "total", of: "macs" };
const PARAMS: Metric = { kind: "total", of: "params" };
const share = (type: string, of: "macs" | "params"): Metric => ({ kind: "share", of, type });
const FOUR_LARGEST: Metric = { kind: "at-resolutions", of: "macs", sides: [112, 56, 28, 14] };

/** One figure: where it is printed, what it is of, what it says. */
function row(
  family: Family,
  sourceId: SourceId,
  table: string,
  [model, alpha, resolution]: readonly [string, string, number],
  label: string,
  metric: Metric,
  printed: string,
  unit: PublishedFigure["unit"],
  extra: Extra = {},
): PublishedFigure {
  const source = SOURCES[sourceId];
  return {
    family,
    sourceId,
    source: table ? `${source.citation}, ${table}` : source.citation,
    convention: source.convention,
    rounding: source.rounding,
    model,
    alpha,
    resolution,
    label,
    metric,
    printed,
    unit,
    ...extra,
  };
}

const V1 = (alpha: string, resolution = 224) => ["mobilenet-v1", alpha, resolution] as const;
const V2 = (alpha: string, resolution = 224) => ["mobilenet-v2", alpha, resolution] as const;
const V3L = (alpha: string) => ["mobilenet-v3-large", alpha, 224] as const;
const V3S = (alpha: string) => ["mobilenet-v3-small", alpha, 224] as const;
const FD = (alpha: string) => ["fd-mobilenet", alpha, 224] as const;
const V1_CONV = ["mobilenet-v1-conv", "1.0", 224] as const;
const V4 = (size: string, alpha: string, resolution: number) =>
  [`mobilenet-v4-${size}`, alpha, resolution] as const;
/** TF Model Garden's backbone: everything but the classifier. */
const BACKBONE_PARAMS: Metric = { kind: "backbone", of: "params" };
const V1_SHALLOW = ["mobilenet-v1-shallow", "1.0", 224] as const;

const CONV_MOBILENET_FC =
  "4,867.29M with the FC layer; 4866 is the conv layers alone (4,866.27M), while the same row's 29.3M parameters include the FC";
const SLIM_V1_075 =
  "the four α = 0.75 rows are 2.6% below the architecture (and below the paper's 325): each is the total without the first 3×3 convolution";
const SLIM_V1_PARAMS =
  "TF-slim's V1 parameter counts fit only weights + a 1001-way FC with bias + 3 values per BatchNorm channel, a convention it does not document; no preset counts that way";
const WITHOUT_CONV_1: Metric = { kind: "without-layers", of: "macs", layers: ["conv_1"] };

type RowOf<F> = F extends (family: Family, ...rest: infer R) => PublishedFigure ? R : never;
const rowsOf =
  (family: Family) =>
  (...args: RowOf<typeof row>) =>
    row(family, ...args);
const v1 = rowsOf("v1");
const v2 = rowsOf("v2");
const v3 = rowsOf("v3");
const fd = rowsOf("fd");
const v4 = rowsOf("v4");
const v5 = rowsOf("v5");
/** timm's results CSV: each MobileNetV5 at its default size (param_count M, infer_gmacs G). */
const TIMM_RESULTS_V5: [string, string, number, string, string][] = [
  ["mobilenet-v5-300m", "mobilenetv5_300m", 768, "294.13", "435.74"],
  ["mobilenet-v5-300m-enc", "mobilenetv5_300m_enc", 768, "294.13", "435.74"],
  ["mobilenet-v5-base", "mobilenetv5_base", 256, "82.65", "20.05"],
];
const efficientnet = rowsOf("efficientnet");
const timm = rowsOf("timm");
/**
 * timm's results CSV for its mobile catalogue (results/benchmark-infer-amp-nchw-pt291-cu128-4090.csv at
 * commit aa4b585): model, infer_img_size, param_count (M), infer_gmacs (G), as printed.
 */
const TIMM_RESULTS_CATALOGUE: [string, number, string, string][] = [
  ["efficientnet_b0", 224, "5.29", "0.4"],
  ["efficientnet_b0", 256, "5.29", "0.52"],
  ["efficientnet_b1", 224, "7.79", "0.59"],
  ["efficientnet_b1", 240, "7.79", "0.71"],
  ["efficientnet_b1", 256, "7.79", "0.77"],
  ["efficientnet_b1", 288, "7.79", "0.97"],
  ["efficientnet_lite0", 224, "4.65", "0.4"],
  ["efficientnet_lite1", 240, "5.42", "0.62"],
  ["efficientnet_lite2", 260, "6.09", "0.89"],
  ["efficientnet_lite3", 300, "8.2", "1.65"],
  ["efficientnet_lite4", 380, "13.01", "4.04"],
  ["fbnetc_100", 224, "5.57", "0.4"],
  ["fbnetv3_b", 224, "8.6", "0.42"],
  ["fbnetv3_b", 256, "8.6", "0.55"],
  ["fbnetv3_d", 224, "10.31", "0.52"],
  ["fbnetv3_d", 256, "10.31", "0.68"],
  ["fbnetv3_g", 240, "16.62", "1.28"],
  ["fbnetv3_g", 288, "16.62", "1.77"],
  ["hardcorenas_a", 224, "5.26", "0.23"],
  ["hardcorenas_b", 224, "5.18", "0.26"],
  ["hardcorenas_c", 224, "5.52", "0.28"],
  ["hardcorenas_d", 224, "7.5", "0.3"],
  ["hardcorenas_e", 224, "8.07", "0.35"],
  ["hardcorenas_f", 224, "8.2", "0.35"],
  ["lcnet_035", 224, "1.64", "0.03"],
  ["lcnet_050", 224, "1.88", "0.05"],
  ["lcnet_075", 224, "2.36", "0.1"],
  ["lcnet_100", 224, "2.95", "0.16"],
  ["lcnet_150", 224, "4.5", "0.34"],
  ["mixnet_l", 224, "7.33", "0.58"],
  ["mixnet_m", 224, "5.01", "0.36"],
  ["mixnet_s", 224, "4.13", "0.25"],
  ["mixnet_xl", 224, "11.9", "0.93"],
  ["mixnet_xxl", 224, "23.96", "2.04"],
  ["mnasnet_050", 224, "2.22", "0.11"],
  ["mnasnet_075", 224, "3.17", "0.23"],
  ["mnasnet_100", 224, "4.38", "0.33"],
  ["mnasnet_140", 224, "7.12", "0.6"],
  ["mnasnet_small", 224, "2.03", "0.07"],
  ["mobilenetv1_100", 224, "4.23", "0.58"],
  ["mobilenetv1_100", 256, "4.23", "0.76"],
  ["mobilenetv1_100h", 224, "5.28", "0.63"],
  ["mobilenetv1_100h", 256, "5.28", "0.82"],
  ["mobilenetv1_125", 224, "6.27", "0.89"],
  ["mobilenetv1_125", 256, "6.27", "1.16"],
  ["mobilenetv2_035", 224, "1.68", "0.07"],
  ["mobilenetv2_050", 224, "1.97", "0.1"],
  ["mobilenetv2_075", 224, "2.64", "0.22"],
  ["mobilenetv2_100", 224, "3.5", "0.31"],
  ["mobilenetv2_110d", 224, "4.52", "0.45"],
  ["mobilenetv2_120d", 224, "5.83", "0.69"],
  ["mobilenetv2_140", 224, "6.11", "0.6"],
  ["mobilenetv3_large_075", 224, "3.99", "0.16"],
  ["mobilenetv3_large_100", 224, "5.48", "0.23"],
  ["mobilenetv3_large_100", 256, "5.48", "0.29"],
  ["mobilenetv3_large_150d", 256, "14.62", "1.03"],
  ["mobilenetv3_large_150d", 320, "14.62", "1.61"],
  ["mobilenetv3_rw", 224, "5.48", "0.23"],
  ["mobilenetv3_small_050", 224, "1.59", "0.03"],
  ["mobilenetv3_small_075", 224, "2.04", "0.05"],
  ["mobilenetv3_small_100", 224, "2.54", "0.06"],
  ["mobilenetv4_conv_aa_large", 384, "32.59", "7.07"],
  ["mobilenetv4_conv_aa_large", 448, "32.59", "9.63"],
  ["mobilenetv4_conv_aa_large", 480, "32.59", "11.05"],
  ["mobilenetv4_conv_aa_large", 544, "32.59", "14.19"],
  ["mobilenetv4_conv_aa_medium", 256, "9.72", "1.58"],
  ["mobilenetv4_conv_blur_medium", 224, "9.72", "1.22"],
  ["mobilenetv4_conv_blur_medium", 256, "9.72", "1.59"],
  ["mobilenetv4_conv_large", 256, "32.59", "2.86"],
  ["mobilenetv4_conv_large", 320, "32.59", "4.47"],
  ["mobilenetv4_conv_large", 384, "32.59", "6.43"],
  ["mobilenetv4_conv_large", 448, "32.59", "8.75"],
  ["mobilenetv4_conv_medium", 224, "9.72", "0.84"],
  ["mobilenetv4_conv_medium", 256, "9.72", "1.1"],
  ["mobilenetv4_conv_medium", 320, "9.72", "1.71"],
  ["mobilenetv4_conv_medium", 384, "9.72", "2.46"],
  ["mobilenetv4_conv_small", 224, "3.77", "0.19"],
  ["mobilenetv4_conv_small", 256, "3.77", "0.25"],
  ["mobilenetv4_conv_small", 320, "3.77", "0.39"],
  ["mobilenetv4_conv_small_035", 224, "1.91", "0.05"],
  ["mobilenetv4_conv_small_035", 256, "1.91", "0.06"],
  ["mobilenetv4_conv_small_050", 224, "2.24", "0.07"],
  ["mobilenetv4_conv_small_050", 256, "2.24", "0.09"],
  ["mobilenetv4_hybrid_large", 384, "37.76", "7.77"],
  ["mobilenetv4_hybrid_large", 448, "37.76", "10.74"],
  ["mobilenetv4_hybrid_large_075", 256, "22.75", "2.06"],
  ["mobilenetv4_hybrid_medium", 224, "11.07", "0.98"],
  ["mobilenetv4_hybrid_medium", 256, "11.07", "1.29"],
  ["mobilenetv4_hybrid_medium", 320, "11.07", "2.05"],
  ["mobilenetv4_hybrid_medium", 384, "11.07", "3.01"],
  ["mobilenetv4_hybrid_medium", 448, "11.07", "4.2"],
  ["mobilenetv4_hybrid_medium_075", 224, "7.31", "0.66"],
  ["spnasnet_100", 224, "4.42", "0.35"],
  ["tf_efficientnet_b0", 224, "5.29", "0.4"],
  ["tf_efficientnet_lite0", 224, "4.65", "0.4"],
  ["tf_efficientnet_lite1", 240, "5.42", "0.62"],
  ["tf_efficientnet_lite2", 260, "6.09", "0.89"],
  ["tf_efficientnet_lite3", 300, "8.2", "1.65"],
  ["tf_efficientnet_lite4", 380, "13.01", "4.04"],
  ["tf_mixnet_l", 224, "7.33", "0.58"],
  ["tf_mixnet_m", 224, "5.01", "0.36"],
  ["tf_mixnet_s", 224, "4.13", "0.25"],
  ["tf_mobilenetv3_large_075", 224, "3.99", "0.16"],
  ["tf_mobilenetv3_large_100", 224, "5.48", "0.23"],
  ["tf_mobilenetv3_large_minimal_100", 224, "3.92", "0.22"],
  ["tf_mobilenetv3_small_075", 224, "2.04", "0.05"],
  ["tf_mobilenetv3_small_100", 224, "2.54", "0.06"],
  ["tf_mobilenetv3_small_minimal_100", 224, "2.04", "0.06"],
  ["tinynet_a", 192, "6.19", "0.35"],
  ["tinynet_b", 188, "3.73", "0.21"],
  ["tinynet_c", 184, "2.46", "0.11"],
  ["tinynet_d", 152, "2.34", "0.05"],
  ["tinynet_e", 106, "2.04", "0.03"],
];

const mnasnet = rowsOf("mnasnet");
const EFFICIENTNET_RES = [224, 240, 260, 300, 380, 456, 528, 600];
const B = (b: number, resolution = EFFICIENTNET_RES[b]!) =>
  [`efficientnet-b${b}`, "1.0", resolution] as const;
/** EfficientNet Table 2: params (M) and FLOPs (B, which the paper counts as multiply-adds), B0–B7. */
const EFFICIENTNET_TABLE_2: [string, string][] = [
  ["5.3", "0.39"],
  ["7.8", "0.70"],
  ["9.2", "1.0"],
  ["12", "1.8"],
  ["19", "4.2"],
  ["30", "9.9"],
  ["43", "19"],
  ["66", "37"],
];
const EFFICIENTNET_DIFFERS =
  "the architecture (torchvision's efficientnet.py, equal to it to the integer, and TF's efficientnet_builder.py: the same stages, widths and ⌈n·d⌉) gives {computed} at the paper's resolution; none of the presets here gives the printed figure (the paper's FLOPs came from TF's own profiling, which was not run here)";
const efficientnetDiffers: Record<string, string> = {
  "EfficientNet-B1 FLOPs (B)": "0.687B",
  "EfficientNet-B2 params (M)": "9.11M",
  "EfficientNet-B4 FLOPs (B)": "4.39B",
  "EfficientNet-B5 FLOPs (B)": "10.27B",
  "EfficientNet-B7 FLOPs (B)": "37.75B",
};
const efficientnetRow = (label: string, metric: Metric, printed: string, unit: "M" | "G", b: number) =>
  efficientnet("efficientnet-paper", "Table 2", B(b), label, metric, printed, unit, {
    ...(efficientnetDiffers[label] !== undefined && {
      differs: EFFICIENTNET_DIFFERS.replace("{computed}", efficientnetDiffers[label]),
    }),
  });
/** torchvision's weights meta: num_params (0.14) and _ops, its GFLOPS (0.21), at the crop size its weights were evaluated at. */
const TORCHVISION_NUM_PARAMS: [string, string, number, string, string][] = [
  ["efficientnet-b0", "1.0", 224, "5.288548", "0.386"],
  ["efficientnet-b1", "1.0", 240, "7.794184", "0.687"],
  ["efficientnet-b2", "1.0", 288, "9.109994", "1.088"],
  ["efficientnet-b3", "1.0", 300, "12.233232", "1.827"],
  ["efficientnet-b4", "1.0", 380, "19.341616", "4.394"],
  ["efficientnet-b5", "1.0", 456, "30.389784", "10.266"],
  ["efficientnet-b6", "1.0", 528, "43.040704", "19.068"],
  ["efficientnet-b7", "1.0", 600, "66.347960", "37.746"],
  ["efficientnet-v2-s", "1.0", 384, "21.458488", "8.366"],
  ["efficientnet-v2-m", "1.0", 480, "54.139356", "24.582"],
  ["efficientnet-v2-l", "1.0", 480, "118.515272", "56.08"],
  ["mnasnet", "0.5", 224, "2.218512", "0.104"],
  ["mnasnet", "0.75", 224, "3.170208", "0.215"],
  ["mnasnet", "1.0", 224, "4.383312", "0.314"],
  ["mnasnet", "1.3", 224, "6.282256", "0.526"],
];

const V4_PAPER_DIFFERS =
  "the released architecture (TF Model Garden mobilenet.py and timm, block for block the same, whose backbones give TF's own test integers exactly) gives {computed}; the paper's Table 6 figure matches no convention and no resolution, so it comes from another configuration than the released one (the paper's own Hybrid-M table, Table 13, lists different blocks from the released code too)";
const v4PaperDiffers = (computed: string) => ({ differs: V4_PAPER_DIFFERS.replace("{computed}", computed) });

/** TF Model Garden's test: the backbone's count_params() at α 1.0 and 0.75 (Keras: 4 values per BatchNorm channel). */
const V4_TF_TEST: [string, string, string, number][] = [
  ["conv-small", "MobileNetV4ConvSmall", "2.518112", 224],
  ["conv-medium", "MobileNetV4ConvMedium", "8.502416", 256],
  ["conv-large", "MobileNetV4ConvLarge", "31.459416", 384],
  ["hybrid-medium", "MobileNetV4HybridMedium", "9.869488", 256],
  ["hybrid-large", "MobileNetV4HybridLarge", "36.648024", 384],
];
const V4_TF_TEST_075: Record<string, string> = {
  "conv-small": "1.670408",
  "conv-medium": "5.096424",
  "conv-large": "18.099824",
  "hybrid-medium": "6.072584",
  "hybrid-large": "21.598064",
};

export const PUBLISHED_FIGURES: readonly PublishedFigure[] = [
  v1("v1-paper", "Table 4", V1_CONV, "Conv MobileNet Mult-Adds", MACS, "4866", "M", {
    differs: CONV_MOBILENET_FC,
    explainedBy: { kind: "without-types", of: "macs", types: ["fc"] },
  }),
  v1("v1-paper", "Table 4", V1_CONV, "Conv MobileNet parameters", PARAMS, "29.3", "M"),
  v1("v1-paper", "Table 4", V1("1.0"), "MobileNet Mult-Adds", MACS, "569", "M"),
  v1("v1-paper", "Table 4", V1("1.0"), "MobileNet parameters", PARAMS, "4.2", "M"),
  v1("v1-paper", "Table 5", V1("0.75"), "0.75 MobileNet Mult-Adds", MACS, "325", "M"),
  v1("v1-paper", "Table 5", V1("0.75"), "0.75 MobileNet parameters", PARAMS, "2.6", "M"),
  v1("v1-paper", "Table 5", V1_SHALLOW, "Shallow MobileNet Mult-Adds", MACS, "307", "M"),
  v1("v1-paper", "Table 5", V1_SHALLOW, "Shallow MobileNet parameters", PARAMS, "2.9", "M"),
  v1("v1-paper", "Table 6", V1("0.5"), "0.5 MobileNet-224 Mult-Adds", MACS, "149", "M"),
  v1("v1-paper", "Table 6", V1("0.5"), "0.5 MobileNet-224 parameters", PARAMS, "1.3", "M"),
  v1("v1-paper", "Table 6", V1("0.25"), "0.25 MobileNet-224 Mult-Adds", MACS, "41", "M"),
  v1("v1-paper", "Table 6", V1("0.25"), "0.25 MobileNet-224 parameters", PARAMS, "0.5", "M"),
  v1("v1-paper", "Table 7", V1("1.0", 192), "1.0 MobileNet-192 Mult-Adds", MACS, "418", "M"),
  v1("v1-paper", "Table 7", V1("1.0", 160), "1.0 MobileNet-160 Mult-Adds", MACS, "290", "M", {
    differs:
      "290.68M rounds to 291 as the rest of the paper rounds (TF-slim's table prints 291); the paper truncated here",
  }),
  v1("v1-paper", "Table 7", V1("1.0", 128), "1.0 MobileNet-128 Mult-Adds", MACS, "186", "M"),
  v1("v1-paper", "Table 7", V1("1.0", 128), "1.0 MobileNet-128 parameters", PARAMS, "4.2", "M", {
    note: "parameters do not depend on resolution",
  }),
  v1(
    "v1-paper",
    "Table 2",
    V1("1.0"),
    "pointwise share of Mult-Adds",
    share("pointwise", "macs"),
    "94.86",
    "%",
  ),
  v1(
    "v1-paper",
    "Table 2",
    V1("1.0"),
    "depthwise share of Mult-Adds",
    share("depthwise", "macs"),
    "3.06",
    "%",
  ),
  v1("v1-paper", "Table 2", V1("1.0"), "conv share of Mult-Adds", share("conv", "macs"), "1.19", "%", {
    differs:
      "the paper prints 1.19%; the arithmetic gives 1.91% (10,838,016 / 568,740,352), a digit transposition — only 1.91 makes the four shares sum to 100%",
  }),
  v1("v1-paper", "Table 2", V1("1.0"), "fc share of Mult-Adds", share("fc", "macs"), "0.18", "%"),
  v1(
    "v1-paper",
    "Table 2",
    V1("1.0"),
    "pointwise share of parameters",
    share("pointwise", "params"),
    "74.59",
    "%",
  ),
  v1(
    "v1-paper",
    "Table 2",
    V1("1.0"),
    "depthwise share of parameters",
    share("depthwise", "params"),
    "1.06",
    "%",
  ),
  v1("v1-paper", "Table 2", V1("1.0"), "conv share of parameters", share("conv", "params"), "0.02", "%"),
  v1("v1-paper", "Table 2", V1("1.0"), "fc share of parameters", share("fc", "params"), "24.33", "%"),

  v1("v1-slim", "", V1("1.0", 224), "MobileNet_v1_1.0_224 Million MACs", MACS, "569", "M"),
  v1("v1-slim", "", V1("1.0", 192), "MobileNet_v1_1.0_192 Million MACs", MACS, "418", "M"),
  v1("v1-slim", "", V1("1.0", 160), "MobileNet_v1_1.0_160 Million MACs", MACS, "291", "M"),
  v1("v1-slim", "", V1("1.0", 128), "MobileNet_v1_1.0_128 Million MACs", MACS, "186", "M"),
  v1("v1-slim", "", V1("0.75", 224), "MobileNet_v1_0.75_224 Million MACs", MACS, "317", "M", {
    differs: SLIM_V1_075,
    explainedBy: WITHOUT_CONV_1,
  }),
  v1("v1-slim", "", V1("0.75", 192), "MobileNet_v1_0.75_192 Million MACs", MACS, "233", "M", {
    differs: SLIM_V1_075,
    explainedBy: WITHOUT_CONV_1,
  }),
  v1("v1-slim", "", V1("0.75", 160), "MobileNet_v1_0.75_160 Million MACs", MACS, "162", "M", {
    differs: SLIM_V1_075,
    explainedBy: WITHOUT_CONV_1,
  }),
  v1("v1-slim", "", V1("0.75", 128), "MobileNet_v1_0.75_128 Million MACs", MACS, "104", "M", {
    differs: SLIM_V1_075,
    explainedBy: WITHOUT_CONV_1,
  }),
  v1("v1-slim", "", V1("0.5", 224), "MobileNet_v1_0.5_224 Million MACs", MACS, "150", "M", {
    differs: "149.50M rounds to 149 (the paper prints 149); no convention found gives 150",
  }),
  v1("v1-slim", "", V1("0.5", 192), "MobileNet_v1_0.5_192 Million MACs", MACS, "110", "M"),
  v1("v1-slim", "", V1("0.5", 160), "MobileNet_v1_0.5_160 Million MACs", MACS, "77", "M"),
  v1("v1-slim", "", V1("0.5", 128), "MobileNet_v1_0.5_128 Million MACs", MACS, "49", "M"),
  v1("v1-slim", "", V1("0.25", 224), "MobileNet_v1_0.25_224 Million MACs", MACS, "41", "M"),
  v1("v1-slim", "", V1("0.25", 192), "MobileNet_v1_0.25_192 Million MACs", MACS, "34", "M", {
    differs: "the architecture gives 30.2M; no convention found gives 34 (probably a typo for 30)",
  }),
  v1("v1-slim", "", V1("0.25", 160), "MobileNet_v1_0.25_160 Million MACs", MACS, "21", "M"),
  v1("v1-slim", "", V1("0.25", 128), "MobileNet_v1_0.25_128 Million MACs", MACS, "14", "M"),
  v1("v1-slim", "", V1("1.0"), "MobileNet_v1_1.0 Million parameters", PARAMS, "4.24", "M", {
    differs: SLIM_V1_PARAMS,
  }),
  v1("v1-slim", "", V1("0.75"), "MobileNet_v1_0.75 Million parameters", PARAMS, "2.59", "M", {
    differs: SLIM_V1_PARAMS,
  }),
  v1("v1-slim", "", V1("0.5"), "MobileNet_v1_0.5 Million parameters", PARAMS, "1.34", "M", {
    differs: SLIM_V1_PARAMS,
  }),
  v1("v1-slim", "", V1("0.25"), "MobileNet_v1_0.25 Million parameters", PARAMS, "0.47", "M", {
    differs: SLIM_V1_PARAMS,
  }),

  v2("v2-paper", "Table 4", V2("1.0"), "MobileNetV2 MAdds", MACS, "300", "M"),
  v2("v2-paper", "Table 4", V2("1.0"), "MobileNetV2 parameters", PARAMS, "3.4", "M"),
  v2("v2-paper", "Table 4", V2("1.4"), "MobileNetV2 (1.4) MAdds", MACS, "585", "M", {
    differs:
      "the architecture gives 582.2M (TF-slim prints 582); nothing found reproduces 585 — probably an earlier 1.4 configuration",
  }),
  v2("v2-paper", "Table 4", V2("1.4"), "MobileNetV2 (1.4) parameters", PARAMS, "6.9", "M", {
    differs: "the architecture gives 6.06M (TF-slim prints 6.06); nothing found reproduces 6.9",
  }),
  v2("v2-slim", "", V2("1.4"), "mobilenet_v2_1.4_224 MACs (M)", MACS, "582", "M"),
  v2("v2-slim", "", V2("1.3"), "mobilenet_v2_1.3_224 MACs (M)", MACS, "509", "M"),
  v2("v2-slim", "", V2("1.0", 224), "mobilenet_v2_1.0_224 MACs (M)", MACS, "300", "M"),
  v2("v2-slim", "", V2("1.0", 192), "mobilenet_v2_1.0_192 MACs (M)", MACS, "221", "M"),
  v2("v2-slim", "", V2("1.0", 160), "mobilenet_v2_1.0_160 MACs (M)", MACS, "154", "M"),
  v2("v2-slim", "", V2("1.0", 128), "mobilenet_v2_1.0_128 MACs (M)", MACS, "99", "M"),
  v2("v2-slim", "", V2("1.0", 96), "mobilenet_v2_1.0_96 MACs (M)", MACS, "56", "M"),
  v2("v2-slim", "", V2("0.75", 224), "mobilenet_v2_0.75_224 MACs (M)", MACS, "209", "M"),
  v2("v2-slim", "", V2("0.75", 192), "mobilenet_v2_0.75_192 MACs (M)", MACS, "153", "M"),
  v2("v2-slim", "", V2("0.75", 160), "mobilenet_v2_0.75_160 MACs (M)", MACS, "107", "M"),
  v2("v2-slim", "", V2("0.75", 128), "mobilenet_v2_0.75_128 MACs (M)", MACS, "69", "M"),
  v2("v2-slim", "", V2("0.75", 96), "mobilenet_v2_0.75_96 MACs (M)", MACS, "39", "M"),
  v2("v2-slim", "", V2("0.5", 224), "mobilenet_v2_0.5_224 MACs (M)", MACS, "97", "M"),
  v2("v2-slim", "", V2("0.5", 192), "mobilenet_v2_0.5_192 MACs (M)", MACS, "71", "M"),
  v2("v2-slim", "", V2("0.5", 160), "mobilenet_v2_0.5_160 MACs (M)", MACS, "50", "M"),
  v2("v2-slim", "", V2("0.5", 128), "mobilenet_v2_0.5_128 MACs (M)", MACS, "32", "M"),
  v2("v2-slim", "", V2("0.5", 96), "mobilenet_v2_0.5_96 MACs (M)", MACS, "18", "M"),
  v2("v2-slim", "", V2("0.35", 224), "mobilenet_v2_0.35_224 MACs (M)", MACS, "59", "M"),
  v2("v2-slim", "", V2("0.35", 192), "mobilenet_v2_0.35_192 MACs (M)", MACS, "43", "M"),
  v2("v2-slim", "", V2("0.35", 160), "mobilenet_v2_0.35_160 MACs (M)", MACS, "30", "M"),
  v2("v2-slim", "", V2("0.35", 128), "mobilenet_v2_0.35_128 MACs (M)", MACS, "20", "M"),
  v2("v2-slim", "", V2("0.35", 96), "mobilenet_v2_0.35_96 MACs (M)", MACS, "11", "M"),
  v2("v2-slim", "", V2("1.4"), "mobilenet_v2_1.4 parameters (M)", PARAMS, "6.06", "M"),
  v2("v2-slim", "", V2("1.3"), "mobilenet_v2_1.3 parameters (M)", PARAMS, "5.34", "M"),
  v2("v2-slim", "", V2("1.0"), "mobilenet_v2_1.0 parameters (M)", PARAMS, "3.47", "M"),
  v2("v2-slim", "", V2("0.75"), "mobilenet_v2_0.75 parameters (M)", PARAMS, "2.61", "M"),
  v2("v2-slim", "", V2("0.5"), "mobilenet_v2_0.5 parameters (M)", PARAMS, "1.95", "M"),
  v2("v2-slim", "", V2("0.35"), "mobilenet_v2_0.35 parameters (M)", PARAMS, "1.66", "M"),
  v2("torchvision-docs", "", V2("1.0"), "mobilenet_v2 GFLOPS", MACS, "0.30", "G"),
  v2("torchvision-docs", "", V2("1.0"), "mobilenet_v2 params (M)", PARAMS, "3.5", "M"),

  v3("v3-paper", "Table 3", V3L("1.0"), "MobileNetV3-Large 1.0 MAdds", MACS, "219", "M", {
    differs:
      "conv + FC + SE FCs give 216.6M (TF-slim and torchvision: 217); the paper's +2.4M is about the element-wise work no table counts, and the paper does not state its convention",
  }),
  v3("v3-paper", "Table 3", V3L("1.0"), "MobileNetV3-Large 1.0 parameters", PARAMS, "5.4", "M"),
  v3("v3-paper", "Table 4 (final revision)", V3S("1.0"), "MobileNetV3-Small 1.0 MAdds", MACS, "56", "M"),
  v3(
    "v3-paper",
    "Table 4 (final revision)",
    V3S("1.0"),
    "MobileNetV3-Small 1.0 parameters",
    PARAMS,
    "2.5",
    "M",
  ),
  v3("v3-paper", "Table 4 (final revision)", V3S("0.75"), "MobileNetV3-Small 0.75 MAdds", MACS, "44", "M", {
    differs: "the architecture gives 43.40M with the 1024 head kept (43.03M scaled); neither gives 44",
  }),
  v3(
    "v3-paper",
    "Table 4 (final revision)",
    V3S("0.75"),
    "MobileNetV3-Small 0.75 parameters",
    PARAMS,
    "2.0",
    "M",
  ),
  v3("v3-slim", "", V3L("1.0"), "Large dm=1 MACs (M)", MACS, "217", "M"),
  v3("v3-slim", "", V3L("1.0"), "Large dm=1 parameters (M)", PARAMS, "5.4", "M", {
    differs:
      "5.46M rounds to 5.5 as the rest of the table rounds (217, 155 and 4.0 round to nearest); this row truncated",
  }),
  v3("v3-slim", "", V3L("0.75"), "Large dm=0.75 MACs (M)", MACS, "155", "M", {
    note: "with the 1280 head unscaled (TF-slim's finegrain mode), as the released checkpoint",
  }),
  v3("v3-slim", "", V3L("0.75"), "Large dm=0.75 parameters (M)", PARAMS, "4.0", "M"),
  v3("v3-slim", "", V3S("1.0"), "Small dm=1 MACs (M)", MACS, "66", "M", {
    differs:
      "TF-slim's own V3_SMALL definition gives 56.5M (the final paper prints 56); nothing found explains 66",
  }),
  v3("v3-slim", "", V3S("1.0"), "Small dm=1 parameters (M)", PARAMS, "2.9", "M", {
    differs:
      "the released checkpoint has 2.53M; 2.9M fits the 1280-wide penultimate layer of an earlier paper revision",
  }),
  v3("torchvision-docs", "", V3L("1.0"), "mobilenet_v3_large GFLOPS", MACS, "0.22", "G"),
  v3("torchvision-docs", "", V3L("1.0"), "mobilenet_v3_large params (M)", PARAMS, "5.5", "M"),
  v3("torchvision-docs", "", V3S("1.0"), "mobilenet_v3_small GFLOPS", MACS, "0.06", "G"),
  v3("torchvision-docs", "", V3S("1.0"), "mobilenet_v3_small params (M)", PARAMS, "2.5", "M"),

  fd("fd-readme", "", FD("1.0"), "FD-MobileNet 1× MFLOPs (mult-adds)", MACS, "144", "M"),
  fd("fd-readme", "", FD("0.5"), "FD-MobileNet 0.5× MFLOPs (mult-adds)", MACS, "40", "M"),
  fd("fd-readme", "", FD("0.25"), "FD-MobileNet 0.25× MFLOPs (mult-adds)", MACS, "12", "M"),
  fd(
    "fd-paper",
    "Section 3.1",
    FD("1.0"),
    "FD-MobileNet 1× MFLOPs at the four largest resolutions (112², 56², 28², 14²)",
    FOUR_LARGEST,
    "59",
    "M",
    {
      note: "layers binned by output resolution",
    },
  ),
  fd(
    "fd-paper",
    "Section 3.1",
    V1("0.5"),
    "MobileNet 0.5× MFLOPs at the four largest resolutions (112², 56², 28², 14²)",
    FOUR_LARGEST,
    "129",
    "M",
    {
      note: "layers binned by output resolution",
    },
  ),
  v4("v4-paper", "Table 6", V4("conv-small", "1.0", 224), "MNv4-Conv-S params (M)", PARAMS, "3.8", "M"),
  v4("v4-paper", "Table 6", V4("conv-small", "1.0", 224), "MNv4-Conv-S MACs (G)", MACS, "0.2", "G"),
  v4(
    "v4-paper",
    "Table 6",
    V4("conv-medium", "1.0", 256),
    "MNv4-Conv-M params (M)",
    PARAMS,
    "9.2",
    "M",
    v4PaperDiffers("9.78M"),
  ),
  v4(
    "v4-paper",
    "Table 6",
    V4("conv-medium", "1.0", 256),
    "MNv4-Conv-M MACs (G)",
    MACS,
    "1.0",
    "G",
    v4PaperDiffers("1.08G at 256²"),
  ),
  v4(
    "v4-paper",
    "Table 6",
    V4("hybrid-medium", "1.0", 256),
    "MNv4-Hybrid-M params (M)",
    PARAMS,
    "10.5",
    "M",
    v4PaperDiffers("11.15M"),
  ),
  v4(
    "v4-paper",
    "Table 6",
    V4("hybrid-medium", "1.0", 256),
    "MNv4-Hybrid-M MACs (G)",
    MACS,
    "1.2",
    "G",
    v4PaperDiffers("1.27G at 256²"),
  ),
  v4(
    "v4-paper",
    "Table 6",
    V4("conv-large", "1.0", 384),
    "MNv4-Conv-L params (M)",
    PARAMS,
    "31",
    "M",
    v4PaperDiffers("32.74M"),
  ),
  v4(
    "v4-paper",
    "Table 6",
    V4("conv-large", "1.0", 384),
    "MNv4-Conv-L MACs (G)",
    MACS,
    "5.9",
    "G",
    v4PaperDiffers("6.38G at 384²"),
  ),
  v4(
    "v4-paper",
    "Table 6",
    V4("hybrid-large", "1.0", 384),
    "MNv4-Hybrid-L params (M)",
    PARAMS,
    "35.9",
    "M",
    v4PaperDiffers("37.93M"),
  ),
  v4(
    "v4-paper",
    "Table 6",
    V4("hybrid-large", "1.0", 384),
    "MNv4-Hybrid-L MACs (G)",
    MACS,
    "7.2",
    "G",
    v4PaperDiffers("7.71G at 384²"),
  ),
  ...V4_TF_TEST.flatMap(([size, id, printed, resolution]) => [
    v4(
      "v4-tf-test",
      "",
      V4(size, "1.0", resolution),
      `${id} backbone params, α 1.0 (M)`,
      BACKBONE_PARAMS,
      printed,
      "M",
    ),
    v4(
      "v4-tf-test",
      "",
      V4(size, "0.75", resolution),
      `${id} backbone params, α 0.75 (M)`,
      BACKBONE_PARAMS,
      V4_TF_TEST_075[size]!,
      "M",
    ),
  ]),
  ...TIMM_RESULTS_V5.flatMap(([model, timm, resolution, params, gmacs]) => [
    v5("timm-results", "", [model, "1.0", resolution], `${timm} param_count (M)`, PARAMS, params, "M"),
    v5("timm-results", "", [model, "1.0", resolution], `${timm} infer_gmacs (G)`, MACS, gmacs, "G"),
  ]),
  ...TIMM_RESULTS_CATALOGUE.flatMap(([model, resolution, params, gmacs]) => [
    timm(
      "timm-results",
      "",
      [model, "1.0", resolution],
      `${model} at ${resolution}: param_count (M)`,
      PARAMS,
      params,
      "M",
    ),
    timm(
      "timm-results",
      "",
      [model, "1.0", resolution],
      `${model} at ${resolution}: infer_gmacs (G)`,
      MACS,
      gmacs,
      "G",
    ),
  ]),
  ...EFFICIENTNET_TABLE_2.flatMap(([params, flops], b) => [
    efficientnetRow(`EfficientNet-B${b} params (M)`, PARAMS, params, "M", b),
    efficientnetRow(`EfficientNet-B${b} FLOPs (B)`, MACS, flops, "G", b),
  ]),
  ...TORCHVISION_NUM_PARAMS.flatMap(([model, alpha, resolution, params, gflops]) => {
    const figure = model === "mnasnet" ? mnasnet : efficientnet;
    const name = `${model}${model === "mnasnet" ? ` ${alpha}` : ""}`;
    const setting = [model, alpha, resolution] as const;
    return [
      figure("torchvision-meta", "", setting, `${name} num_params (M)`, PARAMS, params, "M"),
      figure("torchvision-meta-ops", "", setting, `${name} GFLOPS at ${resolution}²`, MACS, gflops, "G"),
    ];
  }),
];
