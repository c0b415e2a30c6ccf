import fc from "fast-check";
import { type Poly, canonical } from "../../src/algebra/expr.js";
import { rational } from "../../src/algebra/rational.js";

export const SYMBOL_NAMES = ["D_K", "M", "N", "D_H", "D_W", "G"] as const;

export const arbTerm = fc.record({
  num: fc.integer({ min: -20, max: 20 }),
  den: fc.integer({ min: 1, max: 6 }),
  mono: fc.array(fc.tuple(fc.constantFrom(...SYMBOL_NAMES), fc.integer({ min: -2, max: 3 })), {
    maxLength: 4,
  }),
});

export const arbPoly: fc.Arbitrary<Poly> = fc
  .array(arbTerm, { maxLength: 4 })
  .map((terms) => canonical(terms.map((t) => ({ coef: rational(t.num, t.den), mono: t.mono }))));

/** Non-zero symbol values (negative exponents must be defined). */
export const arbBindings = fc.record(
  Object.fromEntries(
    SYMBOL_NAMES.map((s) => [s, fc.integer({ min: 1, max: 50 }).map((v) => BigInt(v))]),
  ) as Record<(typeof SYMBOL_NAMES)[number], fc.Arbitrary<bigint>>,
);
