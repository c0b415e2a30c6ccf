import type { LayerSpec } from "../schema.js";
import type { BlockKind } from "./block-kind.js";
import { bneckBlock } from "./bneck.js";
import { dsconvBlock } from "./dsconv.js";
import { invertedResidualBlock } from "./inverted-residual.js";
import { avgpoolBlock, convBlock, depthwiseBlock, fcBlock, gconvBlock, pointwiseBlock } from "./plain.js";
import { squeezeExciteBlock } from "./squeeze-excite.js";

export const blockKinds: { readonly [K in LayerSpec["kind"]]: BlockKind<K> } = {
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
};
