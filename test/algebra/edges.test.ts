/**
 * The algebra's edges: refusals (division by zero, fractional exponents,
 * unsafe numbers, bad symbol names), signs, constants and denominators in
 * every notation, symbol order for symbols the papers do not name.
 */
import { describe, expect, test } from "vitest";
import { compileCount, compileNumber, evaluate } from "../../src/algebra/evaluate.js";
import {
  add,
  canonical,
  constant,
  isConstant,
  mul,
  neg,
  num,
  pow,
  sub,
  sym,
  symbolsOf,
  toPoly,
} from "../../src/algebra/expr.js";
import { divide } from "../../src/algebra/factor.js";
import { toFactoredText, toText } from "../../src/algebra/print.js";
import {
  compareRational,
  divRational,
  equalRational,
  gcdBigint,
  isInteger,
  isOne,
  parseRational,
  powRational,
  rational,
  subRational,
  toDecimal,
} from "../../src/algebra/rational.js";
import { compareSymbols, latexName } from "../../src/algebra/symbols.js";

const [M, N, D_K, x, y] = ["M", "N", "D_K", "x", "y"].map(sym) as [
  ReturnType<typeof sym>,
  ReturnType<typeof sym>,
  ReturnType<typeof sym>,
  ReturnType<typeof sym>,
  ReturnType<typeof sym>,
];

describe("refusals", () => {
  test("division by zero: a rational, a rational division, a polynomial division", () => {
    expect(() => rational(1, 0)).toThrow("division by zero");
    expect(() => divRational(rational(1), rational(0))).toThrow("division by zero");
    expect(() => divide(M, num(0))).toThrow("division by zero");
  });

  test("fractional exponents, unsafe numbers and names that are not identifiers", () => {
    expect(() => pow(M, 0.5)).toThrow("exponent must be an integer, got 0.5");
    expect(() => powRational(rational(2), 1.5)).toThrow("exponent must be an integer, got 1.5");
    expect(() => num(2 ** 53)).toThrow(RangeError);
    expect(() => sym("2x")).toThrow("invalid symbol name '2x'");
    expect(() => evaluate(M, { M: 0.5 })).toThrow("M must be an exact integer, got 0.5");
  });

  test("exponents past ±1000 are not parsed (a 10^(10^9) bigint would never finish)", () => {
    expect(parseRational("1e1001")).toBeUndefined();
    expect(parseRational("1e-1001")).toBeUndefined();
    expect(parseRational("1e1000")).toEqual(rational(10n ** 1000n));
    expect(parseRational(".5")).toEqual(rational(1, 2));
    expect(parseRational("-3/4")).toEqual(rational(-3, 4));
    expect(parseRational("1/0")).toBeUndefined();
  });
});

describe("values", () => {
  test("bigint, number and rational bindings evaluate alike; negative powers of a rational", () => {
    const e = mul(M, N);
    expect(evaluate(e, { M: 3n, N: 4 })).toEqual(rational(12));
    expect(evaluate(e, { M: rational(1, 2), N: 4n })).toEqual(rational(2));
    expect(powRational(rational(2, 3), -2)).toEqual(rational(9, 4));
    expect(compareRational(rational(1, 3), rational(1, 2))).toBe(-1);
    expect(compareRational(rational(1, 2), rational(1, 3))).toBe(1);
    expect(compareRational(rational(2, 4), rational(1, 2))).toBe(0);
  });

  test("operands may be numbers, bigints or rationals; a rational is a constant polynomial", () => {
    expect(toPoly(rational(1, 2))).toEqual(constant(rational(1, 2)));
    expect(toText(add(M, 2n, rational(1, 2)))).toBe("M + 5/2");
    expect(symbolsOf(divide(M, N))).toEqual(["M", "N"]);
  });
});

describe("printing signs, constants and denominators", () => {
  test("zero, negative leading and later terms", () => {
    expect(toText(canonical([]))).toBe("0");
    expect(toText(neg(M))).toBe("-M");
    expect(toText(sub(M, N))).toBe("M - N");
    expect(toText(sub(M, 2n), "ascii")).toBe("M - 2");
  });

  test("a denominator with a coefficient and symbols, in each notation", () => {
    const e = mul(M, pow(N, -1), rational(1, 3));
    expect(toText(e)).toBe("M/(3·N)");
    expect(toText(e, "ascii")).toBe("M/(3*N)");
    expect(toText(e, "latex")).toBe("\\frac{M}{3 \\cdot N}");
    expect(toText(pow(N, -12))).toBe("1/N¹²");
  });

  test("a quotient of sums: grouped numerator in text, \\frac in LaTeX", () => {
    const q = { op: "fraction", num: add(M, N), den: add(D_K, 1n) } as const;
    expect(toText(q)).toBe("(M + N)/(D_K + 1)");
    expect(toText(q, "latex")).toBe("\\frac{M + N}{D_K + 1}");
    const single = { op: "fraction", num: M, den: add(D_K, 1n) } as const;
    expect(toText(single)).toBe("M/(D_K + 1)");
  });

  test("factored: a negative common factor, a constant one, and one with a denominator", () => {
    expect(toFactoredText(add(mul(-2n, M, N), mul(-2n, M, D_K)))).toBe("-2·M·(D_K + N)");
    expect(toFactoredText(add(mul(2n, M), mul(4n, N)))).toBe("2·(M + 2·N)");
    expect(toFactoredText(add(M, N))).toBe("M + N");
    expect(toFactoredText(M)).toBe("M");
    const over = add(mul(M, pow(N, -1), rational(1, 2)), mul(D_K, pow(N, -1), rational(1, 2)));
    expect(toFactoredText(over)).toBe("(D_K + M)/(2·N)");
    expect(toFactoredText(over, "latex")).toBe("\\frac{\\left(D_K + M\\right)}{2 \\cdot N}");
    const scaled = add(mul(3n, M, pow(N, -1)), mul(3n, D_K, pow(N, -1)));
    expect(toFactoredText(scaled)).toBe("3·(D_K + M)/N");
    expect(toFactoredText(neg(scaled))).toBe("-3·(D_K + M)/N");
  });
});

describe("symbol order", () => {
  test("the papers' symbols in their order, then the others alphabetically", () => {
    expect(compareSymbols("D_K", "M")).toBeLessThan(0);
    expect(compareSymbols("M", "x")).toBe(-1);
    expect(compareSymbols("x", "M")).toBe(1);
    expect(compareSymbols("x", "y")).toBe(-1);
    expect(compareSymbols("y", "x")).toBe(1);
    expect(compareSymbols("x", "x")).toBe(0);
    expect(toText(add(y, x, M))).toBe("M + x + y");
    expect(latexName("D_Hin")).toBe("D_{H,in}");
    expect(latexName("z")).toBe("z");
  });
});

describe("more edges (mutation survivors)", () => {
  test("parsing is anchored at both ends; signs and bare decimal points", () => {
    for (const text of ["x1/2", "1/2x", "x1.5", "1.5x", "1e", ".", "", "1/2/3"])
      expect(parseRational(text), text).toBeUndefined();
    expect(parseRational("+3")).toEqual(rational(3));
    expect(parseRational("-.5")).toEqual(rational(-1, 2));
    expect(parseRational("5.")).toEqual(rational(5));
    expect(parseRational("2e0")).toEqual(rational(2));
    expect(parseRational(" 7 ")).toEqual(rational(7));
  });

  test("decimals: no point at 0 digits, half away from zero, no '-0'", () => {
    expect(toDecimal(rational(5, 2), 0)).toBe("3");
    expect(toDecimal(rational(-5, 2), 0)).toBe("-3");
    expect(toDecimal(rational(-1, 1000), 2)).toBe("0.00");
    expect(toDecimal(rational(-1, 8), 2)).toBe("-0.13");
    expect(toDecimal(rational(1, 3), 4)).toBe("0.3333");
  });

  test("rational helpers: equality, subtraction, integers, a negative denominator, gcd of negatives", () => {
    expect(equalRational(rational(1, 2), rational(2, 4))).toBe(true);
    expect(equalRational(rational(1, 2), rational(1, 3))).toBe(false);
    expect(equalRational(rational(1, 2), rational(3, 2))).toBe(false);
    expect(subRational(rational(1, 2), rational(1, 3))).toEqual(rational(1, 6));
    expect([isInteger(rational(4, 2)), isInteger(rational(1, 2))]).toEqual([true, false]);
    expect([isOne(rational(2, 2)), isOne(rational(1, 2)), isOne(rational(2))]).toEqual([true, false, false]);
    expect(rational(3, -6)).toEqual({ num: -1n, den: 2n });
    expect(gcdBigint(-12n, 18n)).toBe(6n);
    expect(gcdBigint(12n, -18n)).toBe(6n);
    expect(powRational(rational(2), 0)).toEqual(rational(1));
  });

  test("superscripts for every digit; ASCII quotients grouped", () => {
    expect(toText(mul(pow(M, 10), pow(N, 23), pow(D_K, 45)))).toBe("D_K⁴⁵·M¹⁰·N²³");
    expect(toText(mul(pow(M, 67), pow(N, 89)))).toBe("M⁶⁷·N⁸⁹");
    const q = { op: "fraction", num: add(M, N), den: add(D_K, 1n) } as const;
    expect(toText(q, "ascii")).toBe("(M + N)/(D_K + 1)");
    expect(toText(mul(M, pow(N, -1), pow(D_K, -1)), "ascii")).toBe("M/(D_K*N)");
  });

  test("constants and symbols of expressions", () => {
    expect([isConstant(num(3)), isConstant(add(M, 1n)), isConstant(canonical([]))]).toEqual([
      true,
      false,
      true,
    ]);
    expect(symbolsOf(add(N, M, D_K))).toEqual(["D_K", "M", "N"]);
    expect(symbolsOf({ op: "fraction", num: N, den: add(M, D_K) })).toEqual(["D_K", "M", "N"]);
  });

  test("the double fast path: declined for negative, fractional or huge coefficients and negative exponents", () => {
    expect(compileNumber(sub(M, N))).toBeUndefined();
    expect(compileNumber(mul(M, rational(1, 2)))).toBeUndefined();
    expect(compileNumber(mul(M, 2n ** 60n))).toBeUndefined();
    expect(compileNumber(pow(M, -1))).toBeUndefined();
    expect(compileNumber(mul(M, N))!({ M: 3, N: 4 })).toBe(12);
    expect(compileNumber(add(mul(2n, M), N))!({ M: 3, N: 4 })).toBe(10);
    expect(compileNumber(canonical([]))!({})).toBe(0);
  });

  test("counts: exact past 2^53 − 1, and exact rational evaluation where the fast path is declined", () => {
    const big = compileCount(mul(M, N));
    expect(big({ M: 2 ** 40, N: 2 ** 20 })).toBe(2n ** 60n);
    expect(big({ M: 2 ** 26, N: 2 ** 26 })).toBe(2n ** 52n);
    expect(compileCount(sub(mul(2n, M), N))({ M: 3, N: 4 })).toBe(2n);
    expect(() => compileCount(mul(M, rational(1, 2)))({ M: 3 })).toThrow("count is not an integer: 3/2");
  });
});
