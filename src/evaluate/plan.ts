/**
 * Fast totals for sweeps and fits: a model's ops planned once per width,
 * then costed at each resolution in double arithmetic. Every value is a sum
 * of products of positive integers, so a result at most 2^53 − 1 is exact;
 * past that, or for formulas outside that class, the plan answers undefined
 * and the caller uses the exact evaluator (costNetwork). A property test
 * keeps the two equal.
 */
import { type NumberFunction, compileNumber } from "../algebra/evaluate.js";
import type { LayerKind, OpSpec, Shape } from "../layers/define-layer-kind.js";
import { layerKinds } from "../layers/registry.js";
import { bnParamsFactor, type Convention, workFactorsOf } from "../model/conventions.js";
import { blockSpans } from "./memory.js";

interface Step {
  readonly op: OpSpec;
  readonly kind: LayerKind;
  readonly params: NumberFunction;
  readonly macs: NumberFunction;
  readonly bias: NumberFunction;
  readonly bn: NumberFunction;
  readonly outputElements: NumberFunction;
  readonly work: readonly { readonly factor: number; readonly count: NumberFunction }[];
  /** Operations counted per output element for this op's bias, BatchNorm and activation. */
  readonly perOutputElement: number;
  readonly paramsBias: boolean;
  /** Parameters per BatchNorm γ-and-β pair counted: 0, 1, or 2 with the moving statistics. */
  readonly paramsBn: number;
}

export interface NetworkPlan {
  readonly steps: readonly Step[];
  /** At each block's last op, the index of its first (evaluate/memory.ts blockSpans). */
  readonly blockEnds: readonly (number | undefined)[];
  readonly blockStarts: readonly boolean[];
}

export interface PlannedTotals {
  readonly macs: bigint;
  readonly params: bigint;
  /** Block-model peak activation elements. */
  readonly peakActivations: bigint;
}

/** Undefined when some formula falls outside double-exact arithmetic (e.g. grouped conv's 1/G). */
export function planNetwork(ops: readonly OpSpec[], convention: Convention): NetworkPlan | undefined {
  const steps: Step[] = [];
  for (const op of ops) {
    const kind: LayerKind = layerKinds[op.kind];
    const fns = [kind.params, kind.macs, kind.bias, kind.bn, kind.outputElements].map(compileNumber);
    const factors = workFactorsOf(op, convention);
    const work = kind.work.map((w) => ({
      factor: Number(factors[w.category] ?? 0n),
      count: compileNumber(w.formula),
    }));
    if (fns.some((f) => f === undefined) || work.some((w) => w.count === undefined)) return undefined;
    const factor = (n: bigint | undefined) => Number(n ?? 0n);
    steps.push({
      op,
      kind,
      params: fns[0]!,
      // a convention that does not see attention matmuls counts none of their MACs
      macs: kind.matmul && convention.matmuls === false ? () => 0 : fns[1]!,
      bias: fns[2]!,
      bn: fns[3]!,
      outputElements: fns[4]!,
      work: work.map((w) => ({ factor: w.factor, count: w.count! })),
      perOutputElement:
        (op.bias ? factor(factors.bias) : 0) +
        (op.bn ? factor(factors.bn) : 0) +
        (op.act !== "none" ? factor(factors[op.act]) : 0),
      paramsBias: convention.bias && op.bias,
      paramsBn: op.bn ? Number(bnParamsFactor(convention)) : 0,
    });
  }
  const blockEnds = blockSpans(ops);
  const blockStarts = ops.map(() => false);
  for (const first of blockEnds) if (first !== undefined) blockStarts[first] = true;
  return { steps, blockEnds, blockStarts };
}

const safe = (n: number) => n <= Number.MAX_SAFE_INTEGER;

const elementsIn = (s: Shape) => s[0] * s[1] * s[2];

/** The same walk as walkNetwork (cost.ts) in double arithmetic, inlined: sweeps spend their time here. */
export function costPlanned(plan: NetworkPlan, input: Shape): PlannedTotals | undefined {
  const saved = new Map<string, Shape>();
  let current = input;
  let macs = 0;
  let params = 0;
  let peak = 0;
  let blockInput = 0;
  for (let i = 0; i < plan.steps.length; i++) {
    const s = plan.steps[i]!;
    const op = s.op;
    const source = op.inputFrom === undefined ? current : saved.get(op.inputFrom);
    if (!source) return undefined;
    if (op.saveInputAs !== undefined) saved.set(op.saveInputAs, source);
    const output = s.kind.outputShape(op, source);
    if (!(output[0] >= 1 && output[1] >= 1) || s.kind.check?.(op, source, output) !== undefined)
      return undefined;
    if (op.saveOutputAs !== undefined) saved.set(op.saveOutputAs, output);
    const b = s.kind.bind(op, source, output);
    params += s.params(b) + (s.paramsBias ? s.bias(b) : 0) + (s.paramsBn !== 0 ? s.paramsBn * s.bn(b) : 0);
    let opMacs = s.macs(b);
    if (s.perOutputElement !== 0) opMacs += s.perOutputElement * s.outputElements(b);
    for (const w of s.work) if (w.factor !== 0) opMacs += w.factor * w.count(b);
    macs += opMacs;
    // the block model (evaluate/memory.ts): a block holds its first op's input and its last op's output
    if (plan.blockStarts[i]) blockInput = elementsIn(source);
    if (plan.blockEnds[i] !== undefined) peak = Math.max(peak, blockInput + elementsIn(output));
    current = output;
  }
  if (!safe(macs) || !safe(params) || !safe(peak)) return undefined;
  return { macs: BigInt(macs), params: BigInt(params), peakActivations: BigInt(peak) };
}
