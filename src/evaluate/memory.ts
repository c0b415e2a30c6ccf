/**
 * Activation memory. Two stated models:
 *
 *  - "block" (default; Sandler et al. 2018, MobileNetV2, Section 5.1 and
 *    Table 3): a block runs as one fused operation that streams its internal
 *    (expanded) tensors, so it holds only its input and output. Single-op
 *    blocks hold their input and output as usual.
 *  - "layer": every op materializes its output while its input is alive, and
 *    tensors saved for a later residual add or SE scale stay alive meanwhile.
 *    Each row says which tensors it reads and writes: each lives from the
 *    row writing it (or the start, for the inputs) to the last row reading
 *    it — the arena's lifetimes, counted in elements.
 *
 * Peak = the largest number of elements alive at once; bytes at a dtype.
 */
import { elementsOf } from "../layers/define-layer-kind.js";
import { bytesPerElement } from "../graph/tensor.js";
import type { LayerRow, RowTensor } from "./cost.js";

import type { Dtype, MemoryModel } from "./option-names.js";

export { MEMORY_MODELS, MEMORY_MODEL_SUMMARY, type MemoryModel, type Dtype } from "./option-names.js";

export const DTYPES = { fp32: 4n, fp16: 2n, int8: 1n } as const satisfies Record<Dtype, bigint>;

export interface MemoryOptions {
  readonly dtype: Dtype;
  readonly memoryModel: MemoryModel;
  /** --dtype was given: the arena counts every tensor at it, over a file's own element types. */
  readonly dtypeGiven?: boolean;
}

export interface MemoryPeak {
  readonly model: MemoryModel;
  readonly elements: bigint;
  /** Where the peak occurs: block or layer name. */
  readonly at: string;
}

/**
 * The block model's rule: a block is a run of ops with the same block name;
 * while it runs it holds its first op's input and its last op's output.
 * `blockEnds[i]` is set at each block's last op, to the index of its first.
 */
export function blockSpans(ops: readonly { readonly block: string }[]): (number | undefined)[] {
  const ends: (number | undefined)[] = ops.map(() => undefined);
  let first = 0;
  ops.forEach((op, i) => {
    if (i > 0 && ops[i - 1]!.block !== op.block) first = i;
    if (i === ops.length - 1 || ops[i + 1]!.block !== op.block) ends[i] = first;
  });
  return ends;
}

function peakByBlock(rows: readonly LayerRow[]): MemoryPeak {
  let best: MemoryPeak = { model: "block", elements: 0n, at: "" };
  blockSpans(rows).forEach((first, last) => {
    if (first === undefined) return;
    const live = elementsOf(rows[first]!.input) + elementsOf(rows[last]!.output);
    if (live > best.elements) best = { model: "block", elements: live, at: rows[first]!.block };
  });
  return best;
}

/**
 * The layer model: each tensor alive from the row writing it (the start, for the inputs) to the last row
 * reading it — an op's input and output, and a tensor saved for a later residual add or scale meanwhile.
 */
function peakByLayer(rows: readonly LayerRow[]): MemoryPeak {
  const { amount, row } = lifetimePeak(rows, (t) => t.elements);
  return { model: "layer", elements: amount, at: rows[row]?.name ?? "" };
}

export function peakMemory(rows: readonly LayerRow[], model: MemoryModel): MemoryPeak {
  return model === "block" ? peakByBlock(rows) : peakByLayer(rows);
}

/** The peak under a memory model, and its bytes at a dtype; beside it, the arena of tensor lifetimes. */
export interface ActivationMemory extends MemoryPeak {
  readonly dtype: Dtype;
  readonly bytesPerElement: bigint;
  readonly bytes: bigint;
  readonly arena: Arena;
}

/** A file's activations' one element type (int8, fp16, fp32), when every tensor its rows write has it. */
export function fileActivationDtype(rows: readonly LayerRow[]): Dtype | undefined {
  const types = new Set<Dtype | undefined>();
  for (const row of rows)
    for (const t of row.tensors?.writes ?? []) if (t.dtype !== undefined) types.add(FILE_DTYPES[t.dtype]);
  const [only] = types;
  return types.size === 1 ? only : undefined;
}

/** The file element types a --dtype names. */
const FILE_DTYPES: Partial<Record<string, Dtype>> = {
  float32: "fp32",
  float16: "fp16",
  int8: "int8",
  uint8: "int8",
};

/**
 * The peak and the arena at the run's element size: --dtype when given; else a file's own activation
 * type (when its activations have one); else the dtype passed (the --hardware profile's, or fp32).
 */
export function activationMemory(rows: readonly LayerRow[], options: MemoryOptions): ActivationMemory {
  const peak = peakMemory(rows, options.memoryModel);
  const dtype = options.dtypeGiven ? options.dtype : (fileActivationDtype(rows) ?? options.dtype);
  const bytesPerElement = DTYPES[dtype];
  const arena = arenaPeak(rows, { dtype, overridden: options.dtypeGiven === true });
  return { ...peak, dtype, bytesPerElement, bytes: peak.elements * bytesPerElement, arena };
}

/** A tensor alive at the arena's peak. */
export interface ArenaTensor {
  readonly name: string;
  readonly bytes: bigint;
}

/**
 * The arena: every tensor lives from the row writing it (the start, for the inputs) to the last row
 * reading it, in the stored order, at its own bytes: what TFLite Micro's arena must hold at least.
 */
export interface Arena {
  readonly bytes: bigint;
  /** The row where the peak occurs. */
  readonly at: string;
  /** The largest tensors alive there, largest first (at most ARENA_LARGEST). */
  readonly largest: readonly ArenaTensor[];
  /** Bytes per element: each tensor's own element type (a file's, --dtype for a built-in's), or --dtype for all. */
  readonly types: { readonly dtype: Dtype; readonly overridden: boolean };
}

export const ARENA_LARGEST = 3;

/** A tensor's bytes at its own element type (a file's), or at `fallback` bytes per element where it has none. */
export const tensorBytes = (t: RowTensor, fallback: bigint): bigint =>
  t.elements * (t.dtype === undefined ? fallback : bytesPerElement(t.dtype));

/** Each tensor's first writer and last reader (−1: a graph input, alive from the start), and its size. */
function lifetimes(rows: readonly LayerRow[], sizeOf: (t: RowTensor) => bigint) {
  const spans = new Map<string, { from: number; until: number; size: bigint }>();
  rows.forEach((row, i) => {
    for (const t of row.tensors?.writes ?? [])
      if (!spans.has(t.name)) spans.set(t.name, { from: i, until: i, size: sizeOf(t) });
    for (const t of row.tensors?.reads ?? []) {
      const span = spans.get(t.name);
      if (span) span.until = Math.max(span.until, i);
      else spans.set(t.name, { from: -1, until: i, size: sizeOf(t) });
    }
  });
  return spans;
}

/**
 * The most alive at once over the rows' tensor lifetimes (the first row where it occurs; −1 when nothing
 * is), each tensor counted at `sizeOf`: the layer model in elements, the arena in bytes.
 */
function lifetimePeak(rows: readonly LayerRow[], sizeOf: (t: RowTensor) => bigint) {
  const spans = lifetimes(rows, sizeOf);
  // what each row adds (its outputs) and frees after it (what it reads or writes last)
  const born = rows.map(() => 0n);
  const dies = rows.map(() => 0n);
  let live = 0n;
  for (const span of spans.values()) {
    if (span.from < 0) live += span.size;
    else born[span.from] = born[span.from]! + span.size;
    dies[span.until] = dies[span.until]! + span.size;
  }
  let peak = { amount: 0n, row: -1 };
  rows.forEach((_, i) => {
    live += born[i]!;
    if (live > peak.amount) peak = { amount: live, row: i };
    live -= dies[i]!;
  });
  return { ...peak, spans };
}

export function arenaPeak(
  rows: readonly LayerRow[],
  { dtype, overridden = false }: { readonly dtype: Dtype; readonly overridden?: boolean },
): Arena {
  // each tensor at its own type, unless --dtype overrides it (a built-in's: at --dtype)
  const sizeOf = (t: RowTensor) => (overridden ? t.elements * DTYPES[dtype] : tensorBytes(t, DTYPES[dtype]));
  const { amount, row, spans } = lifetimePeak(rows, sizeOf);
  const largest = [...spans]
    .filter(([, s]) => s.from <= row && s.until >= row)
    .map(([name, s]) => ({ name, bytes: s.size }))
    .sort((a, b) => (a.bytes === b.bytes ? 0 : a.bytes > b.bytes ? -1 : 1))
    .slice(0, ARENA_LARGEST);
  return { bytes: amount, at: rows[row]?.name ?? "", largest, types: { dtype, overridden } };
}
