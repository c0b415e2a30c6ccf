/**
 * MobileNetV4's blocks as formulas (Qin et al. 2024, arXiv 2404.10518,
 * Sections 4–5), the sums of their layers' formulas, for `mbn-cost formula`.
 * The block kinds (model/blocks/) build the same layers, so a block's cost in
 * a report equals these at its sizes (test/layers/mobilenet-v4-blocks.test.ts).
 */
import { add, mul, pow } from "../algebra/expr.js";
import { D_H, D_Hin, D_Hkv, D_K2, D_W, D_Win, D_Wkv, d, E, h, K_1, K_2, M, N } from "./symbols.js";

/** UIB as ExtraDW (both depthwise convs): start K_1×K_1 on M at the input size, 1×1 M→E, middle K_2×K_2 on E at stride s, 1×1 E→N. */
export const universalInvertedBottleneck = {
  title:
    "universal inverted bottleneck, ExtraDW (IB: drop the K_1 terms; ConvNext: drop the K_2 terms; FFN: both)",
  params: add(mul(pow(K_1, 2), M), mul(M, E), mul(pow(K_2, 2), E), mul(E, N)),
  macs: add(
    mul(pow(K_1, 2), M, D_Hin, D_Win),
    mul(M, E, D_Hin, D_Win),
    mul(pow(K_2, 2), E, D_H, D_W),
    mul(E, N, D_H, D_W),
  ),
  bias: add(M, mul(2, E), N),
  bn: add(mul(2, M), mul(4, E), mul(2, N)),
};

/** Fused IB: a D_K×D_K conv M→E at stride s, then 1×1 E→N. */
export const fusedInvertedBottleneck = {
  title: "fused inverted bottleneck (FusedIB, Fused-MBConv)",
  params: add(mul(D_K2, M, E), mul(E, N)),
  macs: add(mul(D_K2, M, E, D_H, D_W), mul(E, N, D_H, D_W)),
  bias: add(E, N),
  bn: add(mul(2, E), mul(2, N)),
};

/**
 * Mobile MQA with key/value downsampling (v > 1), on M channels: queries 1×1
 * M→h·d; key and value each a D_K×D_K depthwise conv at stride v then 1×1
 * M→d at D_Hkv×D_Wkv; Q·Kᵀ and A·V, h·d·D_H·D_W·D_Hkv·D_Wkv each; output
 * 1×1 h·d→M; LayerScale (M weights). BatchNorm: the input's and the two
 * depthwise convs'.
 */
export const mobileMqa = {
  title: "Mobile MQA with key/value downsampling",
  params: add(mul(2, h, d, M), mul(2, D_K2, M), mul(2, M, d), M),
  macs: add(
    mul(2, h, d, M, D_H, D_W),
    mul(2, D_K2, M, D_Hkv, D_Wkv),
    mul(2, M, d, D_Hkv, D_Wkv),
    mul(2, h, d, D_H, D_W, D_Hkv, D_Wkv),
  ),
  bias: mul(2, M),
  bn: mul(6, M),
};
