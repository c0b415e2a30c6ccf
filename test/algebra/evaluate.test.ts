import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { add, canonical, mul, pow, sym } from "../../src/algebra/expr.js";
import {
  UnboundSymbolError,
  compileCount,
  compileNumber,
  evaluate,
  substitute,
} from "../../src/algebra/evaluate.js";
import { parseRational, rational, toDecimal } from "../../src/algebra/rational.js";
import { toText } from "../../src/algebra/print.js";

const M = sym("M");
const N = sym("N");
const D_K = sym("D_K");

describe("evaluation", () => {
  test("exact, past 2^53", () => {
    const big = mul(M, N, N);
    const v = evaluate(big, { M: 2n ** 40n, N: 3n ** 20n });
    expect(v).toEqual(rational(2n ** 40n * 3n ** 40n));
  });

  test("compiled counts agree with exact evaluation, on both sides of 2^53", () => {
    const f = add(mul(pow(D_K, 2), M, N), mul(3, M, N), 7);
    const count = compileCount(f);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 11 }),
        fc.integer({ min: 1, max: 2 ** 26 }),
        fc.integer({ min: 1, max: 2 ** 26 }),
        (k, m, n) => {
          expect(count({ D_K: k, M: m, N: n })).toBe(evaluate(f, { D_K: k, M: m, N: n }).num);
        },
      ),
    );
  });

  test("a count's double path gives compileNumber's double, and the exact value wherever it is safe", () => {
    const symbols = ["D_K", "M", "N", "D_H"] as const;
    const arbCount = fc
      .array(
        fc.record({
          coef: fc.integer({ min: 1, max: 2 ** 20 }),
          mono: fc.array(fc.tuple(fc.constantFrom(...symbols), fc.integer({ min: 1, max: 3 })), {
            maxLength: 4,
          }),
        }),
        { maxLength: 4 },
      )
      .map((terms) => canonical(terms.map((t) => ({ coef: rational(t.coef), mono: t.mono }))));
    const arbValues = fc.record(
      Object.fromEntries(symbols.map((s) => [s, fc.integer({ min: 0, max: 2 ** 12 })])) as Record<
        (typeof symbols)[number],
        fc.Arbitrary<number>
      >,
    );
    fc.assert(
      fc.property(arbCount, arbValues, (p, values) => {
        const value = compileNumber(p)!(values);
        const exact = evaluate(p, values).num;
        expect(compileCount(p)(values)).toBe(value <= Number.MAX_SAFE_INTEGER ? BigInt(value) : exact);
        expect(compileCount(p)(values)).toBe(exact);
      }),
    );
  });

  test("a missing symbol is named", () => {
    expect(() => evaluate(mul(M, N), { M: 3 })).toThrow(UnboundSymbolError);
    expect(() => evaluate(mul(M, N), { M: 3 })).toThrow("N");
  });

  test("substitution", () => {
    expect(toText(substitute(add(mul(pow(D_K, 2), M), mul(M, N)), { N: 5, D_K: add(M, 1) }))).toBe(
      "M³ + 2·M² + 6·M",
    );
  });
});

describe("rationals", () => {
  test("parse decimals and fractions exactly", () => {
    expect(parseRational("0.75")).toEqual(rational(3, 4));
    expect(parseRational("0.10")).toEqual(rational(1, 10));
    expect(parseRational("1033/9216")).toEqual(rational(1033, 9216));
    expect(parseRational("1e-2")).toEqual(rational(1, 100));
    expect(parseRational("abc")).toBeUndefined();
    expect(parseRational("1/0")).toBeUndefined();
    expect(parseRational("")).toBeUndefined();
  });

  test("decimals round half away from zero, exactly", () => {
    expect(toDecimal(rational(1033, 9216), 4)).toBe("0.1121");
    expect(toDecimal(rational(1, 8), 2)).toBe("0.13");
    expect(toDecimal(rational(-1, 8), 2)).toBe("-0.13");
    expect(toDecimal(rational(9216, 1033), 2)).toBe("8.92");
  });
});
