/** How a report shows activation memory (computed by evaluate/memory.ts). */
import type { ActivationMemory, Arena } from "../evaluate/memory.js";
import { MEMORY_MODEL_SUMMARY } from "../evaluate/option-names.js";
import { groupDigits, humanize } from "./numbers.js";

/** How the arena counts bytes: each tensor's own element type, or --dtype for all. */
const arenaTypes = ({ types }: Arena): string =>
  types.overridden
    ? `every tensor at ${types.dtype} (--dtype)`
    : `each tensor's own type (${types.dtype} where none is stored)`;

export function memoryData(m: ActivationMemory) {
  return {
    model: m.model,
    summary: MEMORY_MODEL_SUMMARY[m.model],
    dtype: m.dtype,
    bytes_per_element: m.bytesPerElement,
    peak_elements: m.elements,
    peak_bytes: m.bytes,
    at: m.at,
    arena: {
      summary: ARENA_SUMMARY,
      element_types: arenaTypes(m.arena),
      peak_bytes: m.arena.bytes,
      at: m.arena.at,
      largest: m.arena.largest.map((t) => ({ tensor: t.name, bytes: t.bytes })),
    },
  };
}

export const ARENA_SUMMARY =
  "each tensor lives from the op writing it to the last op reading it, in the stored order: what a TFLite Micro arena must hold at least";

/** The peak under the memory model, and the arena's. */
export function memoryLines(m: ActivationMemory): string[] {
  const largest = m.arena.largest.map((t) => `${t.name} ${humanize(t.bytes)}B`).join(", ");
  return [
    `peak activations: ${groupDigits(m.elements)} elements = ${humanize(m.bytes)}B at ${m.dtype}, at ${m.at} (${m.model} model: ${MEMORY_MODEL_SUMMARY[m.model]})`,
    `arena (tensor lifetimes, ${arenaTypes(m.arena)}): ${humanize(m.arena.bytes)}B at ${m.arena.at}; largest alive there: ${largest}`,
  ];
}
