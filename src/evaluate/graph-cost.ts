/**
 * A tensor graph's counts under a convention: each node's products (attention's matmuls only where the
 * convention sees them), the element-wise work it counts per element (pools called as functions as it
 * sees those), and the parameters of the roles it counts (biases, norms' scales and shifts). Totals are
 * the sums of the rows.
 */
import type { GraphMeasure, NodeMeasure } from "../graph/cost.js";
import type { ParamRole, WorkCategory } from "../graph/work.js";
import { bnParamsFactor, type Convention, workFactorsOf } from "../model/conventions.js";

export interface NodeCost extends NodeMeasure {
  /** The convention's count: the products it sees and the work it counts. */
  readonly macs: bigint;
  /** The parameters it counts. */
  readonly params: bigint;
}

export interface GraphCost {
  readonly rows: readonly NodeCost[];
  readonly totals: { readonly macs: bigint; readonly params: bigint };
  readonly shared: GraphMeasure["shared"];
}

/**
 * Parameters the convention counts per bias or norm parameter (weights count always). A BatchNorm's
 * statistics double its scale and shift where the convention counts them; the other norms (LayerNorm,
 * GroupNorm, RMSNorm) keep none.
 */
function roleFactor(role: Exclude<ParamRole, "weight">, c: Convention, row: NodeMeasure): bigint {
  if (role === "bias") return c.bias ? 1n : 0n;
  const { node } = row;
  const statistics = node.kind !== "norm" || (node.attrs as { mode?: string }).mode === "batch";
  return statistics ? bnParamsFactor(c) : c.bn ? 1n : 0n;
}

/**
 * The node's products the convention sees: none of an operator it does not see (ptflops: Einsum), a
 * linear's only when called as a module where it sees modules alone, attention's where it counts those.
 */
function productsSeen(row: NodeMeasure, c: Convention): bigint {
  if (c.unseenProducts?.includes(row.node.op)) return 0n;
  const weights = c.functionalProducts === false && row.node.functional === true ? 0n : row.weightMacs;
  const products = weights + (c.matmuls === false ? 0n : row.matmulMacs);
  return c.einsumProducts && row.node.kind === "einsum"
    ? asEinsumPath(products, row.node.attrs.equation)
    : products;
}

/** An equation with its letters renamed a, b, c… in order of first appearance, spaces dropped. */
const normalized = (equation: string): string => {
  const names = new Map<string, string>();
  return equation.replace(/\s+/g, "").replace(/[A-Za-z]/g, (letter) => {
    if (!names.has(letter)) names.set(letter, String.fromCharCode(97 + names.size));
    return names.get(letter)!;
  });
};

/** The two equations fvcore counts as a batched matmul, exactly. */
const BMM_EQUATIONS = new Set(["abc,abd->acd", "abc,adc->adb"]);

/**
 * Products as fvcore counts a general einsum: numpy's einsum_path FLOPs (two per product where an index
 * is summed over) as it prints them, to 4 significant digits, halved. fvcore's einsum handle, observed
 * on a probe at three sizes (scripts/onnx-probes.py) and on MaxViT.
 */
function asEinsumPath(products: bigint, equation: string): bigint {
  const compact = normalized(equation);
  if (BMM_EQUATIONS.has(compact) || products === 0n) return products;
  const [inputs = "", output = ""] = compact.split("->");
  const summed = [...inputs.replace(/,/g, "")].some((letter) => !output.includes(letter));
  const flops = Number(products * (summed ? 2n : 1n));
  return BigInt(Math.round(Number(flops.toExponential(3)) / 2));
}

/** The node's count under the convention: the products it sees and the work it counts. */
export function macsOf(row: NodeMeasure, c: Convention): bigint {
  const factors = workFactorsOf(row.node, c);
  let macs = productsSeen(row, c);
  for (const category in row.work) {
    const factor = factors[category as WorkCategory];
    if (factor) macs += factor * row.work[category as WorkCategory]!;
  }
  return macs;
}

/** The node's parameters the convention counts. */
export function paramsOf(row: NodeMeasure, c: Convention): bigint {
  const { weight, bias, norm } = row.paramParts;
  return weight + (bias && roleFactor("bias", c, row) * bias) + (norm && roleFactor("norm", c, row) * norm);
}

const nodeCost = (row: NodeMeasure, c: Convention): NodeCost => ({
  ...row,
  macs: macsOf(row, c),
  params: paramsOf(row, c),
});

export function costGraph(measure: GraphMeasure, convention: Convention): GraphCost {
  const rows = measure.rows.map((row) => nodeCost(row, convention));
  const sum = (f: (r: NodeCost) => bigint) => rows.reduce((total, r) => total + f(r), 0n);
  return { rows, totals: { macs: sum((r) => r.macs), params: sum((r) => r.params) }, shared: measure.shared };
}
