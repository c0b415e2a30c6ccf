import { mul } from "../algebra/expr.js";
import { type AttentionFields, defineLayerKind, sameSide } from "./define-layer-kind.js";
import { D_H, D_Hkv, D_W, D_Wkv, d, h, ZERO } from "./symbols.js";

/**
 * The two matmuls of multi-query attention, weight-free: scores Q·Kᵀ and the
 * weighted values A·V, h·N·M·d multiply-accumulates each, for N = D_H·D_W query
 * tokens and M = D_Hkv·D_Wkv key/value tokens (keys and values shared by the h
 * heads). Mobile MQA, Qin et al. 2024 (MobileNetV4, arXiv 2404.10518) Section 5,
 * Eq. 2; timm/layers/attention2d.py MultiQueryAttention2d. Its input is the
 * queries, h·d channels; its output the heads' values, concatenated.
 */
export const attention = defineLayerKind<"attention", AttentionFields>()({
  kind: "attention",
  title: "multi-query attention matmuls (Q·Kᵀ and A·V)",
  type: "attention",
  matmul: true,
  params: ZERO,
  macs: mul(2, h, d, D_H, D_W, D_Hkv, D_Wkv),
  bias: ZERO,
  bn: ZERO,
  outputElements: mul(h, d, D_H, D_W),
  work: [{ category: "softmax", formula: mul(h, D_H, D_W, D_Hkv, D_Wkv) }],
  /** The shared key and value: d values per key/value token each. */
  secondOperand: (op, _input, [h, w]) => 2 * op.keyDim * sameSide(h, op.kvStride) * sameSide(w, op.kvStride),
  outputShape: (_op, input) => input,
  check: (op, input) =>
    input[2] === op.heads * op.keyDim
      ? undefined
      : `attention takes h·d = ${op.heads}·${op.keyDim} query channels, not ${input[2]}`,
  bind: (op, _input, output) => ({
    h: op.heads,
    d: op.keyDim,
    D_H: output[0],
    D_W: output[1],
    D_Hkv: sameSide(output[0], op.kvStride),
    D_Wkv: sameSide(output[1], op.kvStride),
  }),
});
