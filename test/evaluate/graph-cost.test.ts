/** graph-cost in-process: the parameters of a node's roles as each convention counts them. */
import { describe, expect, test } from "vitest";
import { macsOf, paramsOf } from "../../src/evaluate/graph-cost.js";
import type { NodeMeasure } from "../../src/graph/cost.js";
import { resolveConvention } from "../../src/model/conventions.js";

const row = (weight: bigint, bias: bigint, norm: bigint, node: object = { kind: "conv", attrs: {} }) =>
  ({ node, paramParts: { weight, bias, norm } }) as NodeMeasure;

describe("paramsOf", () => {
  test("weights always; biases where the convention counts them; a norm's scale and shift where it counts BatchNorm", () => {
    const r = row(100n, 10n, 4n);
    expect(paramsOf(r, resolveConvention("paper"))).toBe(100n);
    // tf-slim: biases, no BatchNorm
    expect(paramsOf(r, resolveConvention("tf-slim"))).toBe(110n);
    expect(paramsOf(r, resolveConvention("torchvision"))).toBe(114n);
    expect(paramsOf(r, resolveConvention("paper", { bn: true }))).toBe(104n);
  });
  test("a BatchNorm's running statistics double its scale and shift where the convention counts them (keras); other norms keep none", () => {
    const keras = resolveConvention("keras");
    const norm = (mode: string) => row(0n, 0n, 6n, { kind: "norm", attrs: { mode } });
    expect(paramsOf(norm("batch"), keras)).toBe(12n);
    expect(["layer", "group", "rms"].map((mode) => paramsOf(norm(mode), keras))).toEqual([6n, 6n, 6n]);
    // a conv holding a folded BatchNorm: its scale is a BatchNorm's
    expect(paramsOf(row(0n, 0n, 6n), keras)).toBe(12n);
    expect(paramsOf(norm("rms"), resolveConvention("paper"))).toBe(0n);
  });
});

/** A node's measure with only what macsOf reads: its operator, kind and flags, its products and work. */
const measured = (node: object, weightMacs: bigint, matmulMacs = 0n, work: object = {}) =>
  ({ node: { attrs: {}, ...node }, weightMacs, matmulMacs, work }) as NodeMeasure;

const einsum = (equation: string, products: bigint) =>
  measured({ op: "Einsum", kind: "einsum", attrs: { equation } }, 0n, products);

describe("macsOf", () => {
  test("fvcore counts a batched-matmul einsum's products exactly, whatever its letters and spaces", () => {
    const fvcore = resolveConvention("fvcore");
    expect(macsOf(einsum("nct,ncp->ntp", 123_456_789n), fvcore)).toBe(123_456_789n);
    expect(macsOf(einsum(" x y z , x w z -> x w y ", 123_456_789n), fvcore)).toBe(123_456_789n);
  });

  test("fvcore counts another einsum as numpy's einsum_path FLOPs printed to 4 digits, halved (2 per product when an index is summed)", () => {
    const fvcore = resolveConvention("fvcore");
    // summed over j: 2 · 123,456,789 = 2.469e8 FLOPs, halved
    expect(macsOf(einsum("ij,jk->ik", 123_456_789n), fvcore)).toBe(123_450_000n);
    expect(macsOf(einsum("i j, j k -> i k", 123_456_789n), fvcore)).toBe(123_450_000n);
    // an outer product sums nothing: 1.235e8 FLOPs, halved
    expect(macsOf(einsum("i,k->ik", 123_456_789n), fvcore)).toBe(61_750_000n);
    // four letters in first appearance order: the renaming keeps the shape of the equation, not a batched matmul
    expect(macsOf(einsum("bhwc,bhkc->bhwk", 123_456_789n), fvcore)).toBe(123_450_000n);
    expect(macsOf(einsum("ij,jk->ik", 0n), fvcore)).toBe(0n);
  });

  test("an einsum under other conventions: its products as measured (torchvision's counter), none where Einsum is unseen (ptflops)", () => {
    expect(macsOf(einsum("ij,jk->ik", 123_456_789n), resolveConvention("torch-flops"))).toBe(123_456_789n);
    expect(macsOf(einsum("ij,jk->ik", 123_456_789n), resolveConvention("ptflops"))).toBe(0n);
  });

  test("a linear called as a function: its weights' products only where the convention sees functions; matmuls where it counts them", () => {
    const linear = (functional: boolean) => measured({ op: "Gemm", kind: "fc", functional }, 1000n, 24n);
    const fvcore = resolveConvention("fvcore");
    const thop = resolveConvention("thop");
    const ptflops = resolveConvention("ptflops");
    expect([macsOf(linear(true), fvcore), macsOf(linear(false), fvcore)]).toEqual([1024n, 1024n]);
    // thop: no module hook sees a functional linear, nor any matmul
    expect([macsOf(linear(true), thop), macsOf(linear(false), thop)]).toEqual([0n, 1000n]);
    expect([macsOf(linear(true), ptflops), macsOf(linear(false), ptflops)]).toEqual([24n, 1024n]);
  });

  test("work counted by the convention's factors, per category", () => {
    const bn = measured({ op: "BatchNormalization", kind: "norm", attrs: { mode: "batch" } }, 0n, 0n, {
      bn: 10n,
      relu: 7n,
    });
    expect(macsOf(bn, resolveConvention("thop"))).toBe(40n);
    expect(macsOf(bn, resolveConvention("ptflops"))).toBe(20n + 14n);
    expect(macsOf(bn, resolveConvention("paper"))).toBe(0n);
  });
});
