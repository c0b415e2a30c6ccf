/**
 * MobileNetV4's Mobile MQA block (Qin et al. 2024, arXiv 2404.10518, Section
 * 5): input BatchNorm; queries by a 1×1 conv C → h·d; one key and one value
 * shared by the h heads, each a 3×3 depthwise conv at stride v with BatchNorm
 * (when v > 1) then a 1×1 conv C → d; the attention matmuls; a 1×1 conv
 * h·d → C; LayerScale; residual. As TF Model Garden nn_blocks.py
 * OptimizedMultiQueryAttentionLayerWithDownSampling / MultiHeadSelfAttentionBlock
 * and timm attention2d.py MultiQueryAttention2d: projections bias-free.
 */
import type { OpSpec } from "../../layers/define-layer-kind.js";
import { convOp, defineBlockKind, layerScaleOp, withResidual } from "./block-kind.js";

/** A bias-free 1×1 projection without BatchNorm or activation, reading `from` when given, saving its output as `saveAs`. */
const projection = (block: string, name: string, out: number, from?: string, saveAs?: string): OpSpec =>
  convOp({
    kind: "pointwise",
    name: `${block}/${name}`,
    block,
    out,
    bn: false,
    act: "none",
    ...(from !== undefined && { inputFrom: from }),
    ...(saveAs !== undefined && { saveOutputAs: saveAs }),
  });

/** The label a block's key or value is saved under, for the attention that reads it. */
const savedAs = (block: string, name: string) => `${block}:${name}`;

/** A key or a value: the normalised input downsampled by a depthwise conv with BatchNorm when v > 1, projected to d. */
function keyOrValue(
  block: string,
  name: string,
  channels: number,
  d: number,
  v: number,
  kernel: number,
  normed: string,
): OpSpec[] {
  if (v === 1) return [projection(block, name, d, normed, savedAs(block, name))];
  const downsample = convOp({
    kind: "depthwise",
    name: `${block}/${name}_dw`,
    block,
    kernel,
    stride: v,
    out: channels,
    groups: channels,
    act: "none",
    inputFrom: normed,
  });
  return [downsample, projection(block, name, d, undefined, savedAs(block, name))];
}

export const mqaBlock = defineBlockKind({
  kind: "mqa",
  prefix: "mqa",
  schema: ({ z, count, common }) =>
    z.strictObject({
      kind: z.literal("mqa"),
      heads: count.describe("query heads h"),
      key_dim: count.describe("key (= value) dimension d"),
      kv_stride: count.optional().describe("key/value downsampling stride v (default 1: none)"),
      dw_kernel: count.optional().describe("the key/value downsampling depthwise kernel (default 3)"),
      layer_scale: z.boolean().optional().describe("a LayerScale γ on the branch (default true)"),
      ...common,
    }),
  expand(spec, state, _ctx, nameBlock) {
    const block = spec.name ?? nameBlock();
    const channels = state.channels;
    const [h, d, v, kernel] = [spec.heads, spec.key_dim, spec.kv_stride ?? 1, spec.dw_kernel ?? 3];
    const normed = `${block}:norm`;
    const none = { bias: false, act: "none" } as const;
    const ops: OpSpec[] = [
      { kind: "norm", name: `${block}/norm`, block, ...none, bn: true, saveOutputAs: normed },
      ...keyOrValue(block, "key", channels, d, v, kernel, normed),
      ...keyOrValue(block, "value", channels, d, v, kernel, normed),
      projection(block, "query", h * d, normed),
      {
        kind: "attention",
        name: `${block}/attention`,
        block,
        ...none,
        bn: false,
        heads: h,
        keyDim: d,
        kvStride: v,
        keys: savedAs(block, "key"),
        values: savedAs(block, "value"),
      },
      projection(block, "output", channels),
    ];
    if (spec.layer_scale ?? true) ops.push(layerScaleOp({ name: `${block}/layer_scale`, block }));
    return { ops: withResidual(ops, block), state };
  },
});
