import type { CostReport } from "../evaluate/cost.js";
import {
  DTYPES,
  type Dtype,
  MEMORY_MODEL_SUMMARY,
  type MemoryModel,
  peakMemory,
} from "../evaluate/memory.js";
import { groupDigits, humanize } from "./numbers.js";

export interface MemoryOptions {
  readonly dtype: Dtype;
  readonly memoryModel: MemoryModel;
}

export function memoryData(report: CostReport, options: MemoryOptions) {
  const peak = peakMemory(report.rows, report.ops, options.memoryModel);
  const bytesPerElement = DTYPES[options.dtype];
  return {
    model: peak.model,
    summary: MEMORY_MODEL_SUMMARY[peak.model],
    dtype: options.dtype,
    bytes_per_element: bytesPerElement,
    peak_elements: peak.elements,
    peak_bytes: peak.elements * bytesPerElement,
    at: peak.at,
  };
}

export function memoryLine(report: CostReport, options: MemoryOptions): string {
  const m = memoryData(report, options);
  return `peak activations: ${groupDigits(m.peak_elements)} elements = ${humanize(m.peak_bytes)}B at ${m.dtype}, at ${m.at} (${m.model} model: ${m.summary})`;
}
