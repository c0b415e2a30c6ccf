/** How a report shows activation memory (computed by evaluate/memory.ts). */
import type { ActivationMemory } from "../evaluate/memory.js";
import { MEMORY_MODEL_SUMMARY } from "../evaluate/option-names.js";
import { groupDigits, humanize } from "./numbers.js";

export function memoryData(m: ActivationMemory) {
  return {
    model: m.model,
    summary: MEMORY_MODEL_SUMMARY[m.model],
    dtype: m.dtype,
    bytes_per_element: m.bytesPerElement,
    peak_elements: m.elements,
    peak_bytes: m.bytes,
    at: m.at,
  };
}

export function memoryLine(m: ActivationMemory): string {
  return `peak activations: ${groupDigits(m.elements)} elements = ${humanize(m.bytes)}B at ${m.dtype}, at ${m.at} (${m.model} model: ${MEMORY_MODEL_SUMMARY[m.model]})`;
}
