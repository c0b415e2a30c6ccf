/** Every block kind an architecture file may use: one line each. Names, unions and schemas derive from here. */
import { avgpoolBlock } from "./average-pool.js";
import type { SpecOf } from "./block-kind.js";
import { bneckBlock } from "./bneck.js";
import { convBlock } from "./conv.js";
import { depthwiseBlock } from "./depthwise.js";
import { dsconvBlock } from "./dsconv.js";
import { fcBlock } from "./fully-connected.js";
import { fusedIbBlock } from "./fused-inverted-bottleneck.js";
import { gconvBlock } from "./grouped-conv.js";
import { invertedResidualBlock } from "./inverted-residual.js";
import { mbconvBlock } from "./mbconv.js";
import { msfaBlock } from "./multi-scale-fusion.js";
import { mqaBlock } from "./multi-query-attention.js";
import { pointwiseBlock } from "./pointwise.js";
import { squeezeExciteBlock } from "./squeeze-excite.js";
import { timmStagesBlock } from "./timm-stages.js";
import { uibBlock } from "./universal-inverted-bottleneck.js";

export const blockKinds = {
  conv: convBlock,
  dw: depthwiseBlock,
  pw: pointwiseBlock,
  dsconv: dsconvBlock,
  gconv: gconvBlock,
  fc: fcBlock,
  avgpool: avgpoolBlock,
  inverted_residual: invertedResidualBlock,
  bneck: bneckBlock,
  se: squeezeExciteBlock,
  uib: uibBlock,
  fused_ib: fusedIbBlock,
  mqa: mqaBlock,
  mbconv: mbconvBlock,
  stages: timmStagesBlock,
  msfa: msfaBlock,
};

export type BlockKindName = keyof typeof blockKinds;
export const BLOCK_KIND_NAMES = Object.keys(blockKinds) as BlockKindName[];

/** One entry of an architecture file's `layers`. */
export type LayerSpec = { [K in BlockKindName]: SpecOf<(typeof blockKinds)[K]> }[BlockKindName];
export type LayerSpecOf<K extends BlockKindName> = SpecOf<(typeof blockKinds)[K]>;
