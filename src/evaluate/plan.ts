/**
 * Fast totals for sweeps and fits: a model's ops planned once per width,
 * then costed at each resolution in double arithmetic. Every value is a sum
 * of products of positive integers, so a result at most 2^53 − 1 is exact;
 * past that, or for formulas outside that class, the plan answers undefined
 * and the caller uses the exact evaluator (costNetwork). A test keeps the two
 * equal on every built-in model under every convention.
 */
import { type NumberFunction, compileNumber } from "../algebra/evaluate.js";
import type { LayerKind, OpSpec, Shape } from "../layers/define-layer-kind.js";
import { layerKinds } from "../layers/registry.js";
import {
  type Convention,
  normParamsDivisor,
  normParamsFactor,
  normWorkCategory,
  workFactorsOf,
} from "../model/conventions.js";
import { blockSpans } from "./memory.js";

/** Where an op's input comes from: the previous op's output, or a saved tensor's slot. */
const PREVIOUS = -1;

/**
 * One op, planned: its counts as double functions, where its input comes from and what it saves, and
 * what it gave for the input it last saw. A sweep's resolutions share their deep layers' shapes (after
 * a stride of 32, 32 consecutive resolutions meet the same 7×7 map), so a step seeing the input of its
 * last call answers again without binding its symbols.
 */
interface Step {
  readonly op: OpSpec;
  readonly kind: LayerKind;
  /** Its parameters and MACs under the convention, from its symbols' values. */
  readonly params: NumberFunction;
  readonly macs: NumberFunction;
  readonly inputSlot: number;
  readonly saveInputSlot: number;
  readonly saveOutputSlot: number;
  /** The saved tensor whose shape its own depends on (an upsampling to its size), or PREVIOUS: none. */
  readonly operandSlot: number;
  /** The block model (evaluate/memory.ts): a block holds its first op's input and its last op's output. */
  readonly blockStart: boolean;
  readonly blockEnd: boolean;
  lastInput: Shape | undefined;
  lastOperand: Shape | undefined;
  lastOutput: Shape;
  lastParams: number;
  lastMacs: number;
  /** False when the op cannot apply to its last input (the plan then declines). */
  lastValid: boolean;
}

/** A model's ops planned for one width and depth; costPlanned updates each step's last call. */
export interface NetworkPlan {
  readonly steps: readonly Step[];
  /** The shapes saved for later ops (residual adds, SE scales), by slot: reused by each costing. */
  readonly saved: (Shape | undefined)[];
}

export interface PlannedTotals {
  readonly macs: bigint;
  readonly params: bigint;
  /** Block-model peak activation elements. */
  readonly peakActivations: bigint;
}

const factor = (n: bigint | undefined) => Number(n ?? 0n);

/** An op's parameters and MACs under the convention as double functions; undefined outside double-exact arithmetic. */
function countFunctions(
  op: OpSpec,
  kind: LayerKind,
  convention: Convention,
): { params: NumberFunction; macs: NumberFunction } | undefined {
  const [params, macs, bias, bn, outputElements] = [
    kind.params,
    kind.macs,
    kind.bias,
    kind.bn,
    kind.outputElements,
  ].map(compileNumber);
  const factors = workFactorsOf(op, convention);
  const work = kind.work
    .map((w) => ({ factor: factor(factors[w.category]), count: compileNumber(w.formula) }))
    .filter((w) => w.factor !== 0);
  if (!params || !macs || !bias || !bn || !outputElements || work.some((w) => w.count === undefined))
    return undefined;
  const paramsBias = convention.bias && op.bias;
  // an RMSNorm's weight is half its kind's γ-and-β formula (an even count: exact in doubles)
  const paramsBn = Number(normParamsFactor(op, convention)) / normParamsDivisor(op);
  // a convention that does not see attention matmuls counts none of their MACs
  const weightMacs = kind.matmul && convention.matmuls === false ? () => 0 : macs;
  // operations counted per output element for this op's bias, BatchNorm and activation
  const perOutputElement =
    (op.bias ? factor(factors.bias) : 0) +
    (op.bn ? factor(factors[normWorkCategory(op)]) : 0) +
    (op.act !== "none" ? factor(factors[op.act]) : 0);
  return {
    params: (b) => params(b) + (paramsBias ? bias(b) : 0) + (paramsBn !== 0 ? paramsBn * bn(b) : 0),
    macs: (b) => {
      let total = weightMacs(b);
      if (perOutputElement !== 0) total += perOutputElement * outputElements(b);
      for (const w of work) total += w.factor * w.count!(b);
      return total;
    },
  };
}

/** Undefined when some formula falls outside double-exact arithmetic (e.g. grouped conv's 1/G). */
export function planNetwork(ops: readonly OpSpec[], convention: Convention): NetworkPlan | undefined {
  const slotOf = new Map<string, number>();
  const slot = (label: string | undefined) => {
    if (label === undefined) return PREVIOUS;
    if (!slotOf.has(label)) slotOf.set(label, slotOf.size);
    return slotOf.get(label)!;
  };
  const blockEnds = blockSpans(ops);
  const blockStarts = new Set(blockEnds.filter((first) => first !== undefined));
  const steps: Step[] = [];
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    const kind: LayerKind = layerKinds[op.kind];
    const counts = countFunctions(op, kind, convention);
    if (!counts) return undefined;
    // fields named, not spread: a spread amid an object literal is built by V8's runtime, slowly (a plan per α of a sweep)
    steps.push({
      op,
      kind,
      params: counts.params,
      macs: counts.macs,
      inputSlot: slot(op.inputFrom),
      saveInputSlot: slot(op.saveInputAs),
      saveOutputSlot: slot(op.saveOutputAs),
      operandSlot: kind.operandShape ? slot(op.reads) : PREVIOUS,
      blockStart: blockStarts.has(i),
      blockEnd: blockEnds[i] !== undefined,
      lastInput: undefined,
      lastOperand: undefined,
      lastOutput: [0, 0, 0],
      lastParams: 0,
      lastMacs: 0,
      lastValid: false,
    });
  }
  return { steps, saved: new Array(slotOf.size) };
}

const safe = (n: number) => n <= Number.MAX_SAFE_INTEGER;

const elementsIn = (s: Shape) => s[0] * s[1] * s[2];

const sameShape = (a: Shape | undefined, b: Shape) =>
  a !== undefined && a[0] === b[0] && a[1] === b[1] && a[2] === b[2];

/** One op on one input, by its kind's shape rule and formulas, remembered as the step's last call. */
function call(step: Step, input: Shape, operand: Shape | undefined): void {
  const output = step.kind.outputShape(step.op, input, operand);
  step.lastInput = input;
  step.lastOperand = operand;
  step.lastOutput = output;
  step.lastValid =
    output[0] >= 1 && output[1] >= 1 && step.kind.check?.(step.op, input, output, operand) === undefined;
  if (step.lastValid) {
    const b = step.kind.bind(step.op, input, output);
    step.lastParams = step.params(b);
    step.lastMacs = step.macs(b);
  }
}

/** An op whose shape depends on a saved tensor: costed afresh when its input or that tensor changed; false without it. */
function callWithOperand(step: Step, source: Shape, operand: Shape | undefined): boolean {
  if (!operand) return false;
  if (!sameShape(step.lastInput, source) || !sameShape(step.lastOperand, operand))
    call(step, source, operand);
  return true;
}

/** The same walk as walkNetwork (cost.ts) in double arithmetic: sweeps spend their time here. */
export function costPlanned(plan: NetworkPlan, input: Shape): PlannedTotals | undefined {
  const saved = plan.saved.fill(undefined);
  let current = input;
  let macs = 0;
  let params = 0;
  let peak = 0;
  let blockInput = 0;
  for (const step of plan.steps) {
    const source = step.inputSlot === PREVIOUS ? current : saved[step.inputSlot];
    if (!source) return undefined;
    if (step.saveInputSlot !== PREVIOUS) saved[step.saveInputSlot] = source;
    if (step.operandSlot === PREVIOUS) {
      if (!sameShape(step.lastInput, source)) call(step, source, undefined);
    } else if (!callWithOperand(step, source, saved[step.operandSlot])) return undefined;
    if (!step.lastValid) return undefined;
    const output = step.lastOutput;
    if (step.saveOutputSlot !== PREVIOUS) saved[step.saveOutputSlot] = output;
    params += step.lastParams;
    macs += step.lastMacs;
    if (step.blockStart) blockInput = elementsIn(source);
    if (step.blockEnd) peak = Math.max(peak, blockInput + elementsIn(output));
    current = output;
  }
  if (!safe(macs) || !safe(params) || !safe(peak)) return undefined;
  return { macs: BigInt(macs), params: BigInt(params), peakActivations: BigInt(peak) };
}
