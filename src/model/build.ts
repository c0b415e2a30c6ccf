/**
 * Builds the primitive ops of a model at a width multiplier, under a
 * convention's width rules. Resolution does not enter here: the same ops
 * serve every resolution (sweeps reuse them).
 */
import { InputError } from "../errors.js";
import type { OpSpec } from "../layers/define-layer-kind.js";
import { blockKinds } from "./blocks/registry.js";
import {
  type BuildContext,
  type BuildState,
  type EntryBase,
  type Expansion,
  stageRepeats,
} from "./blocks/block-kind.js";
import { type Convention, classesFor, inputChannelsFor } from "./conventions.js";
import { roundChannelsBy } from "./scale.js";
import { WIDTH_RULES_OF } from "./width-rules.js";
import type { LayerSpec, ModelSpec } from "./schema.js";

/** The registry is keyed by kind, so the lookup's spec type matches; TypeScript cannot correlate the union. */
type AnyBlockExpand = (
  spec: LayerSpec,
  state: BuildState,
  ctx: BuildContext,
  nameBlock: () => string,
) => Expansion;

function expandEntry(
  spec: LayerSpec,
  state: BuildState,
  ctx: BuildContext,
  nameBlock: () => string,
): Expansion {
  const expand = blockKinds[spec.kind].expand as AnyBlockExpand;
  return expand(spec, state, ctx, nameBlock);
}

/** No real network has more primitive ops than this; a file asking for more is refused before the work. */
export const MAX_OPS = 100_000;

type AnyBlockCount = ((spec: LayerSpec, ctx: BuildContext) => number) | undefined;

const blocksOf = (spec: LayerSpec, ctx: BuildContext): number =>
  (blockKinds[spec.kind].blocks as AnyBlockCount)?.(spec, ctx) ?? 1;

/** Each block is at least one op: an entry whose blocks would pass the cap is refused before any is built. */
function refuseBeyondCap(model: string, spec: LayerSpec, atLeast: number): void {
  if (atLeast <= MAX_OPS) return;
  throw new InputError(
    `${model}: more than ${MAX_OPS.toLocaleString("en-US")} layers after expanding repeats (at entry '${spec.name ?? spec.kind}', ${atLeast.toLocaleString("en-US")} layers or more); no real network is that deep`,
  );
}

/** The entries before the last average pool (the global pool of every built-in): the backbone, as torchvision's `model.features`. */
export function backboneLayers(model: ModelSpec): readonly LayerSpec[] {
  const pool = model.layers.map((spec) => spec.kind === "avgpool").lastIndexOf(true);
  if (pool < 0)
    throw new InputError(`${model.name}: --no-head cuts at the last average pool, and this model has none`);
  return model.layers.slice(0, pool);
}

/** An entry's repeats at the build's depth: ⌈repeat · d⌉, as a stage's n blocks become ⌈n · d⌉. */
const repeatsOf = (spec: EntryBase, ctx: BuildContext): number =>
  spec.repeat === undefined ? 1 : stageRepeats(spec.repeat, ctx);

/** Entries that --depth scales: a stage's n, an entry's repeat, timm's stages. */
const scalesWithDepth = (spec: ModelSpec["layers"][number]): boolean =>
  "repeat" in spec || "n" in spec || spec.kind === "stages";

/** The model has a stage or an entry that --depth scales. */
export const takesDepth = (model: ModelSpec): boolean => model.layers.some(scalesWithDepth);

/** A depth multiplier on a model with nothing to repeat would change nothing: refused, not ignored. */
function refuseUnscalableDepth(model: ModelSpec, depth: number): void {
  if (depth === 1 || takesDepth(model)) return;
  throw new InputError(
    `${model.name}: --depth ${depth} has nothing to scale: its blocks are listed one by one (no stage with n, no entry with repeat); give --depth 1`,
  );
}

export function buildNetwork(model: ModelSpec, alpha: number, convention: Convention, depth = 1): OpSpec[] {
  // a graph read from a file is counted by the tensor-graph engine (evaluate/graph-model.ts)
  if (model.graph) throw new Error(`${model.graph.file}: a graph file has no built network`);
  refuseUnscalableDepth(model, depth);
  const ctx: BuildContext = {
    alpha: alpha * (model.width_multiplier ?? 1),
    depth: depth * (model.depth_multiplier ?? 1),
    widths: WIDTH_RULES_OF[convention.rules],
    round: roundChannelsBy[model.width_rule],
    classes: classesFor(model.classes, convention),
    activation: model.activation ?? "relu",
  };
  const rms = model.norm === "rms";
  const counters = new Map<string, number>();
  const ops: OpSpec[] = [];
  const channels = inputChannelsFor(model.input.channels, convention);
  let state: BuildState = { channels, tableChannels: channels };
  for (const spec of convention.head === false ? backboneLayers(model) : model.layers) {
    const prefix = blockKinds[spec.kind].prefix;
    const nameBlock = () => {
      const n = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, n);
      return `${prefix}_${n}`;
    };
    // a stages or fusion entry neither repeats nor rounds by a rule of its own; repeats scale with depth
    const { rounding } = spec as EntryBase;
    const repeat = repeatsOf(spec as EntryBase, ctx);
    const entryCtx = rounding ? { ...ctx, round: roundChannelsBy[rounding] } : ctx;
    refuseBeyondCap(model.name, spec, ops.length + repeat * blocksOf(spec, entryCtx));
    for (let i = 0; i < repeat; i++) {
      const named = spec.name !== undefined && repeat > 1 ? { ...spec, name: `${spec.name}_${i + 1}` } : spec;
      const expansion = expandEntry(named, state, entryCtx, nameBlock);
      // one at a time: spreading a long array into push() would overflow the call stack
      for (const op of expansion.ops) ops.push(rms && op.bn ? { ...op, norm: "rms" } : op);
      // the stages saved so far stay known to later entries
      state =
        expansion.state.stages || !state.stages
          ? expansion.state
          : { ...expansion.state, stages: state.stages };
      refuseBeyondCap(model.name, spec, ops.length);
    }
  }
  return ops;
}
