/** graph-cost in-process: the parameters of a node's roles as each convention counts them. */
import { describe, expect, test } from "vitest";
import { paramsOf } from "../../src/evaluate/graph-cost.js";
import type { NodeMeasure } from "../../src/graph/cost.js";
import { resolveConvention } from "../../src/model/conventions.js";

const row = (weight: bigint, bias: bigint, norm: bigint) =>
  ({ paramParts: { weight, bias, norm } }) as NodeMeasure;

describe("paramsOf", () => {
  test("weights always; biases where the convention counts them; a norm's scale and shift where it counts BatchNorm", () => {
    const r = row(100n, 10n, 4n);
    expect(paramsOf(r, resolveConvention("paper"))).toBe(100n);
    // tf-slim: biases, no BatchNorm
    expect(paramsOf(r, resolveConvention("tf-slim"))).toBe(110n);
    expect(paramsOf(r, resolveConvention("torchvision"))).toBe(114n);
    expect(paramsOf(r, resolveConvention("paper", { bn: true }))).toBe(104n);
  });
});
