/**
 * A block kind turns one entry of an architecture file into primitive ops,
 * with channel widths resolved. Each kind owns its expansion; the builder
 * never switches on the kind.
 */
import type { Activation, OpSpec } from "../../layers/define-layer-kind.js";
import type { LayerSpec, LayerSpecOf } from "../schema.js";
import type { WidthContext } from "../scale.js";

export interface BuildContext extends WidthContext {
  readonly classes: number;
  readonly activation: Activation;
}

export interface BuildState {
  /** Actual channels of the current tensor. */
  readonly channels: number;
  /** Channels the paper's table gives for it (before α), for ratios such as V3's expansion. */
  readonly tableChannels: number;
}

export interface Expansion {
  readonly ops: readonly OpSpec[];
  readonly state: BuildState;
}

export interface BlockKind<K extends LayerSpec["kind"]> {
  readonly kind: K;
  /** Prefix of automatic block names: ds_1, ir_3… */
  readonly prefix: string;
  /** Expands one entry; `nameBlock` gives the next block name (blocks that repeat internally call it per repeat). */
  expand(spec: LayerSpecOf<K>, state: BuildState, ctx: BuildContext, nameBlock: () => string): Expansion;
}

export const defineBlockKind = <K extends LayerSpec["kind"]>(kind: BlockKind<K>): BlockKind<K> => kind;

type OpFields = Pick<OpSpec, "kind" | "name" | "block"> & Partial<OpSpec>;

/** An op with the defaults of its family: convolutions have BatchNorm and no bias. */
export function convOp(fields: OpFields & { act: Activation }): OpSpec {
  return { kernel: 1, stride: 1, out: 0, groups: 1, bias: false, bn: true, ...fields };
}

/** An op without weights of its own (pool, add, scale) or a fully connected one. */
export function plainOp(fields: OpFields): OpSpec {
  return { kernel: 0, stride: 1, out: 0, groups: 1, bias: false, bn: false, act: "none", ...fields };
}
