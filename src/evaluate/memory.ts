/**
 * Activation memory. Two stated models:
 *
 *  - "block" (default; Sandler et al. 2018, MobileNetV2, Section 5.1 and
 *    Table 3): a block runs as one fused operation that streams its internal
 *    (expanded) tensors, so it holds only its input and output. Single-op
 *    blocks hold their input and output as usual.
 *  - "layer": every op materializes its output while its input is alive, and
 *    tensors saved for a later residual add or SE scale stay alive meanwhile.
 *
 * Peak = the largest number of elements alive at once; bytes at a dtype.
 */
import { elementsOf } from "../layers/define-layer-kind.js";
import type { LayerRow } from "./cost.js";

import type { Dtype, MemoryModel } from "./option-names.js";

export { MEMORY_MODELS, MEMORY_MODEL_SUMMARY, type MemoryModel, type Dtype } from "./option-names.js";

export const DTYPES = { fp32: 4n, fp16: 2n, int8: 1n } as const satisfies Record<Dtype, bigint>;

export interface MemoryOptions {
  readonly dtype: Dtype;
  readonly memoryModel: MemoryModel;
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

function peakByLayer(rows: readonly LayerRow[]): MemoryPeak {
  // A saved tensor lives from the op that saves it to the last op that reads it.
  const lastRead = new Map<string, number>();
  rows.forEach(({ spec: op }, i) => {
    for (const label of [op.inputFrom, op.reads]) if (label !== undefined) lastRead.set(label, i);
  });
  const alive: { label: string; until: number; elements: bigint }[] = [];
  let best: MemoryPeak = { model: "layer", elements: 0n, at: "" };
  rows.forEach((row, i) => {
    const op = row.spec;
    if (op.saveInputAs !== undefined)
      alive.push({
        label: op.saveInputAs,
        until: lastRead.get(op.saveInputAs) ?? -1,
        elements: elementsOf(row.input),
      });
    if (op.saveOutputAs !== undefined)
      alive.push({
        label: op.saveOutputAs,
        until: lastRead.get(op.saveOutputAs) ?? -1,
        elements: elementsOf(row.output),
      });
    const own = new Set([op.saveInputAs, op.inputFrom, op.saveOutputAs]);
    const held = alive.filter((t) => t.until >= i && !own.has(t.label)).reduce((a, t) => a + t.elements, 0n);
    const live = elementsOf(row.input) + elementsOf(row.output) + held;
    if (live > best.elements) best = { model: "layer", elements: live, at: row.name };
  });
  return best;
}

export function peakMemory(rows: readonly LayerRow[], model: MemoryModel): MemoryPeak {
  return model === "block" ? peakByBlock(rows) : peakByLayer(rows);
}

/** The peak under a memory model, and its bytes at a dtype. */
export interface ActivationMemory extends MemoryPeak {
  readonly dtype: Dtype;
  readonly bytesPerElement: bigint;
  readonly bytes: bigint;
}

export function activationMemory(rows: readonly LayerRow[], options: MemoryOptions): ActivationMemory {
  const peak = peakMemory(rows, options.memoryModel);
  const bytesPerElement = DTYPES[options.dtype];
  return { ...peak, dtype: options.dtype, bytesPerElement, bytes: peak.elements * bytesPerElement };
}
