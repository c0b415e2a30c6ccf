/**
 * A block kind turns one entry of an architecture file into primitive ops,
 * with channel widths resolved. Each kind owns its entry's schema and its
 * expansion; the builder and the schema never switch on the kind.
 */
import type * as Z from "zod";
import type { Activation, ConvFields, OpBase, OpSpec } from "../../layers/define-layer-kind.js";
import type { WidthContext } from "../scale.js";
import type { SchemaParts, WidthRule } from "../schema-parts.js";

export interface BuildContext extends WidthContext {
  readonly classes: number;
  readonly activation: Activation;
  /** Depth multiplier: a stage of n blocks has ⌈n·depth⌉ (EfficientNet's compound scaling). */
  readonly depth: number;
}

/**
 * Blocks in a stage of `n` under the depth multiplier: ⌈n·d⌉ of the double
 * product, as torchvision's adjust_depth computes it (int(math.ceil(n * d))).
 */
export const stageRepeats = (n: number, ctx: BuildContext): number => Math.ceil(n * ctx.depth);

export interface BuildState {
  /** Actual channels of the current tensor. */
  readonly channels: number;
  /** Channels the paper's table gives for it (before α), for ratios such as V3's expansion. */
  readonly tableChannels: number;
  /** The stage outputs saved so far (a `stages` entry's), for a later fusion of several (MobileNetV5's adapter). */
  readonly stages?: readonly StageEnd[];
}

/** A stage's output, saved under a label, with its channels. */
export interface StageEnd {
  readonly label: string;
  readonly channels: number;
}

export interface Expansion {
  readonly ops: readonly OpSpec[];
  readonly state: BuildState;
}

/** What every entry has, whatever its kind. */
export interface EntryBase {
  readonly kind: string;
  readonly name?: string | undefined;
  readonly repeat?: number | undefined;
  readonly rounding?: WidthRule | undefined;
}

export interface BlockKind<K extends string, Spec extends EntryBase> {
  readonly kind: K;
  /** Prefix of automatic block names: ds_1, ir_3… */
  readonly prefix: string;
  /** The entry's zod schema (its `kind` literal first), built from the shared parts. */
  schema(parts: SchemaParts): Z.ZodType;
  /** Expands one entry; `nameBlock` gives the next block name (blocks that repeat internally call it per repeat). */
  expand(spec: Spec, state: BuildState, ctx: BuildContext, nameBlock: () => string): Expansion;
  /** Blocks the entry expands to, each of at least one op (default 1): checked against the layer cap before any is built. */
  blocks?(spec: Spec, ctx: BuildContext): number;
}

/** Infers the entry type from the schema, so `expand` is typed by what `schema` accepts. */
export const defineBlockKind = <const K extends string, S extends Z.ZodType<EntryBase & { kind: K }>>(kind: {
  readonly kind: K;
  readonly prefix: string;
  schema(parts: SchemaParts): S;
  expand(spec: Z.infer<S>, state: BuildState, ctx: BuildContext, nameBlock: () => string): Expansion;
  blocks?(spec: Z.infer<S>, ctx: BuildContext): number;
}): BlockKind<K, Z.infer<S>> => kind;

/** The entry type of a block kind. */
export type SpecOf<B> = B extends BlockKind<string, infer Spec> ? Spec : never;

type ConvKind = "conv" | "depthwise" | "pointwise" | "gconv";
type ConvOpSpec = Extract<OpSpec, { kind: ConvKind }>;
type Placed = Pick<OpBase, "name" | "block"> & Partial<OpBase>;

/** A convolution-family op with its family's defaults: 1×1, stride 1, BatchNorm, no bias. */
export function convOp(
  fields: Placed & Partial<ConvFields> & { kind: ConvKind; act: Activation },
): ConvOpSpec {
  return { kernel: 1, stride: 1, out: 0, groups: 1, bias: false, bn: true, ...fields };
}

/** A fully connected op: a bias and no BatchNorm unless told otherwise. */
export function fcOp(fields: Placed & { out: number }): OpSpec {
  return { kind: "fc", bias: true, bn: false, act: "none", ...fields };
}

/** An average pool: global (kernel 0) unless given a window. */
export function poolOp(fields: Placed & { kernel?: number; stride?: number }): OpSpec {
  return { kind: "avgpool", kernel: 0, stride: 1, bias: false, bn: false, act: "none", ...fields };
}

/** timm's anti-aliased downsampling (aa_layer): a 2×2 average pool, or a 3×3 blur pool (BlurPool2d). */
export const ANTI_ALIASING = ["avg", "blur"] as const;
export type AntiAliasing = (typeof ANTI_ALIASING)[number];

/**
 * A strided conv as timm's ConvNormAct and EdgeResidual build it with an aa_layer: the conv at stride 1
 * (its norm and activation after it), then the pool at the stride; without one, the conv as it is.
 */
export function antiAliased(op: ConvOpSpec, aa: AntiAliasing | undefined): OpSpec[] {
  if (aa === undefined || op.stride === 1) return [op];
  const at = { name: `${op.name}/aa`, block: op.block, stride: op.stride };
  const pool: OpSpec =
    aa === "avg"
      ? poolOp({ ...at, kernel: op.stride, fixedWindow: true })
      : { kind: "blurpool", ...at, kernel: 3, bias: false, bn: false, act: "none" };
  return [{ ...op, stride: 1 }, pool];
}

/** A residual add or an SE scale: the input and a saved tensor, element by element. */
export function mergeOp(fields: Placed & { kind: "add" | "scale"; reads: string }): OpSpec {
  return { bias: false, bn: false, act: "none", ...fields };
}

/** A LayerScale γ on a residual branch (MobileNetV4's hybrids). */
export function layerScaleOp(fields: Placed): OpSpec {
  return { kind: "layerscale", bias: false, bn: false, act: "none", ...fields };
}

/** A residual add of the block's saved input, the first op then saving it: the ops, closed by the add. */
export function withResidual(ops: OpSpec[], block: string): OpSpec[] {
  const saved = `${block}:in`;
  ops[0] = { ...ops[0]!, saveInputAs: saved };
  return [...ops, mergeOp({ kind: "add", name: `${block}/add`, block, reads: saved })];
}

/** The fields of an entry that a single conv-family op takes over. */
export interface ConvEntry {
  readonly name?: string | undefined;
  readonly bias?: boolean | undefined;
  readonly bn?: boolean | undefined;
  readonly act?: Activation | undefined;
}

/** One convolution-family op with the entry's name, bias, BatchNorm and activation (defaults: no bias, BatchNorm, the model's activation). */
export function convEntryOp(
  spec: ConvEntry,
  block: string,
  ctx: BuildContext,
  fields: { kind: ConvKind } & Partial<ConvFields> & Partial<OpBase>,
): OpSpec {
  return convOp({
    name: spec.name ?? block,
    block,
    bias: spec.bias ?? false,
    bn: spec.bn ?? true,
    act: spec.act ?? ctx.activation,
    ...fields,
  });
}
