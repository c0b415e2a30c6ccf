import { averagePool } from "./average-pool.js";
import { channelScale } from "./channel-scale.js";
import { conv } from "./conv.js";
import type { LayerKind } from "./define-layer-kind.js";
import { depthwise } from "./depthwise.js";
import { fullyConnected } from "./fully-connected.js";
import { groupedConv } from "./grouped-conv.js";
import { pointwise } from "./pointwise.js";
import { residualAdd } from "./residual-add.js";

export const layerKinds = {
  conv,
  depthwise,
  pointwise,
  gconv: groupedConv,
  fc: fullyConnected,
  avgpool: averagePool,
  add: residualAdd,
  scale: channelScale,
} satisfies Record<string, LayerKind>;

export type LayerKindName = keyof typeof layerKinds;
