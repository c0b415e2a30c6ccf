/**
 * What a layer moves through memory, as formulas (`mbn-cost formula`): its
 * weights at w bytes each, its input read and output written at a bytes per
 * element (the roofline of Qin et al. 2024, MobileNetV4, Section 3; the
 * evaluator moves the same, evaluate/roofline.ts). Convolutions here are
 * bias-free, as in every MobileNet; the FC layer has its bias. For the 1×1
 * convolution, ShuffleNet V2's memory access cost in elements too (Ma et al.
 * 2018, Section 2, guideline G1): D_H·D_W·(M + N) + M·N.
 */
import { add, mul, type Poly } from "../algebra/expr.js";
import type { FormulaKindName } from "./formula-kind-names.js";
import { D_H, D_Hin, D_K2, D_W, D_Win, M, N, a, w } from "./symbols.js";

export interface MemoryFormulas {
  /** Bytes moved: weights, input read, output written. */
  readonly bytes: Poly;
  /** ShuffleNet V2's memory access cost, in elements (1×1 convolutions). */
  readonly accessCost?: Poly;
}

export const memoryFormulas: Partial<Record<FormulaKindName, MemoryFormulas>> = {
  conv: { bytes: add(mul(w, D_K2, M, N), mul(a, M, D_Hin, D_Win), mul(a, N, D_H, D_W)) },
  dw: { bytes: add(mul(w, D_K2, M), mul(a, M, D_Hin, D_Win), mul(a, M, D_H, D_W)) },
  pw: {
    bytes: add(mul(w, M, N), mul(a, M, D_H, D_W), mul(a, N, D_H, D_W)),
    accessCost: add(mul(D_H, D_W, add(M, N)), mul(M, N)),
  },
  fc: { bytes: add(mul(w, M, N), mul(w, N), mul(a, M), mul(a, N)) },
};
