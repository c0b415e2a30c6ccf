/**
 * The sources of published figures. A source (a paper, or one table of a
 * checkpoint README) counts one way and rounds one way: both are declared
 * here once, with the evidence, and apply to every figure taken from it.
 * A figure that then differs is reported as differing, with the reason; no
 * figure chooses its own rounding or metric.
 */
import type { ConventionName } from "../model/convention-names.js";

export interface Source {
  /** Paper or document, as cited. */
  readonly citation: string;
  /** What the source counts: the preset that matches its stated convention. */
  readonly convention: ConventionName;
  /** How it rounds to its printed digits. */
  readonly rounding: "nearest" | "floor";
  /** The figures that show the rounding (exact value → printed). */
  readonly roundingEvidence: string;
}

const SLIM_README = "TF-slim checkpoint table (tensorflow/models research/slim/nets/mobilenet/README.md";

export const SOURCES = {
  "v1-paper": {
    citation: "Howard et al. 2017, MobileNets (arXiv 1704.04861)",
    convention: "paper",
    rounding: "nearest",
    roundingEvidence: "568.74M → 569, 29.28M → 29.3, 4.21M → 4.2",
  },
  "v1-slim": {
    citation: "TF-slim checkpoint table (tensorflow/models research/slim/nets/mobilenet_v1.md)",
    convention: "tf-slim",
    rounding: "nearest",
    roundingEvidence: "290.68M → 291, 568.74M → 569",
  },
  "v2-paper": {
    citation: "Sandler et al. 2018, MobileNetV2 (arXiv 1801.04381)",
    convention: "paper",
    rounding: "floor",
    roundingEvidence: "300.77M → 300, 3.47M → 3.4",
  },
  "v2-slim": {
    citation: `${SLIM_README}, MobileNetV2 table)`,
    convention: "tf-slim",
    rounding: "floor",
    roundingEvidence: "300.78M → 300, 153.94M → 153",
  },
  "v3-paper": {
    citation: "Howard et al. 2019, Searching for MobileNetV3 (arXiv 1905.02244)",
    convention: "paper",
    rounding: "floor",
    roundingEvidence: "5.45M → 5.4, 56.51M → 56",
  },
  "v3-slim": {
    citation: `${SLIM_README}, MobileNetV3 table)`,
    convention: "tf-slim",
    rounding: "nearest",
    roundingEvidence: "216.59M → 217, 154.56M → 155, 3.98M → 4.0",
  },
  "torchvision-docs": {
    citation: "torchvision model documentation (weights meta: GFLOPS = GMACs, params incl. BatchNorm)",
    convention: "torchvision",
    rounding: "nearest",
    roundingEvidence: "5.48M → 5.5, 0.217G → 0.22",
  },
  "fd-readme": {
    citation: "FD-MobileNet authors' README (qinzheng93/FD-MobileNet)",
    convention: "paper",
    rounding: "nearest",
    roundingEvidence: "144.49M → 144, 40.13M → 40",
  },
  "fd-paper": {
    citation: "Qin et al. 2018, FD-MobileNet (arXiv 1802.03750)",
    convention: "paper",
    rounding: "nearest",
    roundingEvidence: "129.38M → 129, 58.73M → 59",
  },
  "v4-paper": {
    citation: "Qin et al. 2024, MobileNetV4 (arXiv 2404.10518)",
    // the models were built and trained in TF Model Garden, whose Keras count_params() the paper reports
    convention: "keras",
    rounding: "nearest",
    roundingEvidence: "3.80M → 3.8 (weights alone give 3.75M → 3.7), 0.186G → 0.2",
  },
  "efficientnet-paper": {
    citation: "Tan & Le 2019, EfficientNet (arXiv 1905.11946)",
    // TF's trainable variables: weights, biases, BatchNorm γ and β (torchvision's sum(p.numel()) counts the same)
    convention: "torchvision",
    rounding: "nearest",
    roundingEvidence: "5.29M → 5.3, 0.386B → 0.39, 66.35M → 66",
  },
  "torchvision-meta": {
    citation: "torchvision 0.14 weights meta (num_params in models/efficientnet.py and mnasnet.py)",
    convention: "torchvision",
    rounding: "nearest",
    roundingEvidence: "exact integers (5,288,548 → 5.288548M)",
  },
  "torchvision-meta-ops": {
    citation:
      "torchvision 0.21 weights meta (_ops, GFLOPS that count multiply-adds, in models/efficientnet.py and mnasnet.py)",
    convention: "torchvision",
    rounding: "nearest",
    roundingEvidence: "385.81M → 0.386, 19,067.59M → 19.068, 56,079.70M → 56.08",
  },
  "v4-tf-test": {
    citation:
      "TF Model Garden official/vision/modeling/backbones/mobilenet_test.py (test_mobilenet_scaling, commit 0ca2d75), network.count_params() of the backbone",
    convention: "keras",
    rounding: "nearest",
    roundingEvidence: "exact integers (2,518,112 → 2.518112M)",
  },
  "timm-results": {
    citation:
      "timm's benchmark results (huggingface/pytorch-image-models, results/benchmark-infer-amp-nchw-pt291-cu128-4090.csv at commit aa4b585: param_count in millions, infer_gmacs counted by fvcore's FlopCountAnalysis)",
    convention: "fvcore",
    rounding: "nearest",
    roundingEvidence: "82,647,976 → 82.65, 20,052,590,592 → 20.05, 435,744,948,224 → 435.74",
  },
} as const satisfies Record<string, Source>;

export type SourceId = keyof typeof SOURCES;
