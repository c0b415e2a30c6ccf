/**
 * mbn-cost as a library. The CLI is built on these same functions.
 *
import { loadModel, evaluate, formulas, toText } from "mbn-cost";
 *   const v2 = await loadModel("v2");
 *   const report = evaluate(v2, { alpha: 0.5 });
 *   report.totals; // { params: 1949136n, macs: 97131840n }
 *   toText(formulas.dsconv.macs); // "D_K²·M·D_H·D_W + M·N·D_H·D_W"
 *
 * Counts are bigint; ratios are exact rationals ({ num, den }).
 */
import { type CostReport, type ModelRef, evaluateModel } from "./evaluate/cost.js";
import type { Resolution } from "./model/resolution.js";
import { loadModel as loadModelFrom } from "./io/read-model-spec.js";
import type { ModelReadOptions } from "./io/read-onnx-model.js";
import {
  type Convention,
  type ConventionName,
  type ConventionOverrides,
  resolveConvention,
} from "./model/conventions.js";

// The symbolic algebra
export {
  add,
  mul,
  neg,
  num,
  pow,
  sub,
  sym,
  equalPoly,
  symbolsOf,
  type Expr,
  type Fraction,
  type Monomial,
  type Poly,
  type Term,
} from "./algebra/expr.js";
export { commonFactor, divide, type Factored } from "./algebra/factor.js";
export { evaluate as evaluateExpr, substitute, type Bindings } from "./algebra/evaluate.js";
export { toText, toFactoredText, NOTATIONS, type Notation } from "./algebra/print.js";
export { type Rational, rational, formatRational, toDecimal, parseRational } from "./algebra/rational.js";
export { SYMBOLS, type SymbolInfo } from "./algebra/symbols.js";

// Layer kinds and their formulas
export {
  formulaKinds as formulas,
  FORMULA_KIND_NAMES,
  type FormulaKind,
  type FormulaKindName,
} from "./layers/formula-kinds.js";
export { layerKinds } from "./layers/registry.js";
export {
  WORK_CATEGORIES,
  type LayerKind,
  type OpSpec,
  type Shape,
  type WorkCategory,
} from "./layers/define-layer-kind.js";

// Architectures, conventions
export { BUILTIN_MODELS, type BuiltinModel } from "./model/builtin.js";
export {
  CONVENTIONS,
  CONVENTION_NAMES,
  resolveConvention,
  type Convention,
  type ConventionName,
  type ConventionOverrides,
} from "./model/conventions.js";
export { buildNetwork } from "./model/build.js";
export { makeDivisible } from "./model/scale.js";
export type { ModelSpec, LayerSpec } from "./model/schema.js";

// Evaluation and analyses
export {
  evaluateModel,
  costNetwork,
  type CostReport,
  type LayerRow,
  type ModelRef,
  type Totals,
} from "./evaluate/cost.js";
export { breakdown, BREAKDOWNS, type BreakdownBy, type BreakdownGroup } from "./evaluate/breakdown.js";
export { compareTotals, alignBreakdowns } from "./evaluate/compare.js";
export { peakMemory, DTYPES, MEMORY_MODELS, type MemoryModel, type MemoryPeak } from "./evaluate/memory.js";
// Latency: the roofline, a calibrated device's layer times, and the fit behind them (mbn-cost calibrate)
export { roofline, latencyFeatures, type Roofline, type RooflineRow } from "./evaluate/roofline.js";
export { layerLatency, computeClassOf, type LayerLatency } from "./evaluate/latency.js";
export {
  calibrate,
  modelledMs,
  type Calibration,
  type LatencyFeatures,
  type LatencySample,
} from "./evaluate/calibrate.js";
export {
  BUILTIN_HARDWARE,
  CALIBRATED_HARDWARE_NAMES,
  COMPUTE_CLASSES,
  type ComputeClass,
  type HardwareProfile,
  type LatencyModel,
} from "./published/hardware.js";
export { sweep, type SweepPoint } from "./evaluate/sweep.js";
export { parseRange } from "./evaluate/range.js";
export { explainDifference, type Explanation } from "./evaluate/explain.js";
export { reproduceFigure, type Reproduction } from "./evaluate/reproduce.js";
export { PUBLISHED_FIGURES, type PublishedFigure } from "./published/figures.js";

// Budgets
export { checkBudget, type BudgetResult } from "./budget/check.js";
export { fitWidths, paretoFront, type FitAnswer } from "./budget/fit.js";
export { parseQuantity } from "./budget/quantity.js";

// Rendering
export { render, FORMATS, type Format } from "./report/format.js";
export { layersDocument } from "./report/layers.js";
export type { ReportDocument } from "./report/document.js";
export { InputError } from "./errors.js";

/** A built-in model by name or alias (v1, v2, v3-large, v3-small, fd, …), or a path to a model JSON, .onnx or .tflite file. */
export function loadModel(
  ref: string,
  cwd: string = process.cwd(),
  options: ModelReadOptions = {},
): Promise<ModelRef> {
  return loadModelFrom(ref, cwd, options);
}

// ONNX input: the graph as data, lowered onto the tensor-graph engine's op kinds and counted
export type { ModelReadOptions } from "./io/read-onnx-model.js";
export { lowerGraph, type LoweringOptions } from "./model/onnx/lower.js";
export type { OnnxGraph } from "./model/onnx/graph.js";
export type { TensorGraph, GraphNode } from "./graph/graph.js";
export { inferTensors } from "./graph/infer.js";
export { measureGraph, type GraphMeasure, type NodeMeasure } from "./graph/cost.js";
export { costGraph, type GraphCost, type NodeCost } from "./evaluate/graph-cost.js";
// TensorFlow Lite input (loadModel reads a .tflite file; its decoder loads only then): the model as plain
// data, lowered onto the same engine
export type { TfliteModel, TfliteSubgraph, TfliteOperator, TfliteTensor } from "./model/tflite/graph.js";
export { lowerTflite, type TfliteLowering } from "./model/tflite/lower.js";
// a built network on the engine's kinds (proven equal to the layer formulas), and the arena
export { builtinGraph, type BuiltinGraph } from "./model/builtin-graph.js";
export { arenaPeak, type Arena } from "./evaluate/memory.js";

export interface EvaluateOptions {
  /** Width multiplier (default 1). */
  readonly alpha?: number | string;
  /** Input resolution: a side, or { height, width } (default: the model's). */
  readonly resolution?: number | Resolution;
  /** A preset name or a resolved convention (default "paper"). */
  readonly convention?: ConventionName | Convention;
  readonly overrides?: ConventionOverrides;
}

/** Per-layer rows and exact totals of a loaded model. */
export function evaluate(model: ModelRef, options: EvaluateOptions = {}): CostReport {
  const alphaText = String(options.alpha ?? "1");
  const alpha = Number(alphaText);
  if (!(alpha > 0)) throw new RangeError(`alpha must be a number > 0, got ${alphaText}`);
  const convention =
    typeof options.convention === "object"
      ? options.convention
      : resolveConvention(options.convention ?? "paper", options.overrides);
  return evaluateModel(model, {
    alpha: { text: alphaText, value: alpha },
    ...(options.resolution !== undefined && { resolution: options.resolution }),
    convention,
  });
}
export type { Resolution } from "./model/resolution.js";
