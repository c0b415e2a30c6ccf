/** graph-cost in-process: the parameters of a node's roles as each convention counts them. */
import { describe, expect, test } from "vitest";
import { paramsOf } from "../../src/evaluate/graph-cost.js";
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
