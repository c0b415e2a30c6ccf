/**
 * The tensor-graph engine's counting of a model read from a file, as evaluateModel and sweep reach it.
 * Reading an ONNX file (io/read-onnx-model.ts) hands it over: the engine is loaded with the file, and a
 * built-in model's run never loads it (its start-up stays that of the layer kinds alone).
 */
import type { Convention } from "../model/conventions.js";
import type { Resolution } from "../model/resolution.js";
import type { FixedGraph } from "../model/schema.js";
import type { CostReport, EvaluateOptions, LayerRow, ModelRef } from "./cost.js";

export interface GraphCounting {
  /** A graph model's report (evaluate/graph-model.ts). */
  evaluate(model: ModelRef, options: EvaluateOptions): CostReport;
  /** A graph's rows at one size (a sweep's step). */
  costAt(
    graph: FixedGraph,
    resolution: Resolution,
    convention: Convention,
  ): { readonly rows: readonly LayerRow[] };
}

let counting: GraphCounting | undefined;

/** Called by the ONNX reader before it returns a graph model. */
export function useGraphCounting(given: GraphCounting): void {
  counting = given;
}

/** The engine's counting; a graph model exists only once a file was read, which handed it over. */
export function graphCounting(): GraphCounting {
  if (!counting) throw new Error("a graph model without the tensor-graph engine: read it with loadModel");
  return counting;
}
