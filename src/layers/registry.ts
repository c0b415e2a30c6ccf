import { attention } from "./attention.js";
import { averagePool } from "./average-pool.js";
import { blurPool } from "./blur-pool.js";
import { channelScale } from "./channel-scale.js";
import { concat } from "./concat.js";
import { conv } from "./conv.js";
import type { OpOfKind } from "./define-layer-kind.js";
import { depthwise } from "./depthwise.js";
import { fullyConnected } from "./fully-connected.js";
import { groupedConv } from "./grouped-conv.js";
import { layerScale } from "./layer-scale.js";
import { mixedConv } from "./mixed-conv.js";
import { norm } from "./norm.js";
import { pointwise } from "./pointwise.js";
import { resample } from "./resample.js";
import { residualAdd } from "./residual-add.js";
import { upsample } from "./upsample.js";

export const layerKinds = {
  conv,
  depthwise,
  pointwise,
  gconv: groupedConv,
  fc: fullyConnected,
  avgpool: averagePool,
  add: residualAdd,
  scale: channelScale,
  attention,
  norm,
  layerscale: layerScale,
  upsample,
  concat,
  resample,
  mixconv: mixedConv,
  blurpool: blurPool,
};

export type LayerKindName = keyof typeof layerKinds;

/** A primitive operation: one variant per layer kind, each with its kind's own fields. */
export type OpSpec = { [K in LayerKindName]: OpOfKind<(typeof layerKinds)[K]> }[LayerKindName];
