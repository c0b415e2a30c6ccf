import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { add, mul, pow, sym } from "../../src/algebra/expr.js";
import { UnboundSymbolError, compileCount, evaluate, substitute } from "../../src/algebra/evaluate.js";
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
