import { describe, expect, test } from "vitest";
import { add, mul, pow, sym } from "../../src/algebra/expr.js";
import { divide } from "../../src/algebra/factor.js";
import { toFactoredText, toText } from "../../src/algebra/print.js";

const [D_K, M, N, D_H, D_W] = ["D_K", "M", "N", "D_H", "D_W"].map(sym) as [
  ReturnType<typeof sym>,
  ReturnType<typeof sym>,
  ReturnType<typeof sym>,
  ReturnType<typeof sym>,
  ReturnType<typeof sym>,
];

describe("printing", () => {
  const standard = mul(D_W, D_H, N, M, D_K, D_K); // written out of order on purpose

  test("symbols print in paper order, in three notations", () => {
    expect(toText(standard, "unicode")).toBe("D_K²·M·N·D_H·D_W");
    expect(toText(standard, "ascii")).toBe("D_K^2*M*N*D_H*D_W");
    expect(toText(standard, "latex")).toBe("D_K^{2} \\cdot M \\cdot N \\cdot D_H \\cdot D_W");
  });

  test("M·N equals N·M and like terms combine", () => {
    expect(toText(add(mul(M, N), mul(N, M)))).toBe("2·M·N");
  });

  test("factored: common monomial out front — M·D_H·D_W·(D_K² + N)", () => {
    const separable = add(mul(pow(D_K, 2), M, D_H, D_W), mul(M, N, D_H, D_W));
    expect(toFactoredText(separable)).toBe("M·D_H·D_W·(D_K² + N)");
    expect(toText(separable)).toBe("D_K²·M·D_H·D_W + M·N·D_H·D_W");
    expect(toFactoredText(separable, "latex")).toBe(
      "M \\cdot D_H \\cdot D_W \\cdot \\left(D_K^{2} + N\\right)",
    );
  });

  test("Laurent polynomials print as fractions: 1/N + 1/D_K²", () => {
    const ratio = divide(add(mul(pow(D_K, 2), M), mul(M, N)), mul(pow(D_K, 2), M, N));
    expect(toText(ratio)).toBe("1/N + 1/D_K²");
    expect(toText(ratio, "ascii")).toBe("1/N + 1/D_K^2");
    expect(toText(ratio, "latex")).toBe("\\frac{1}{N} + \\frac{1}{D_K^{2}}");
  });

  test("division by a sum gives a reduced fraction with the common monomial cancelled", () => {
    const q = divide(mul(M, N, add(D_K, N)), mul(M, add(D_H, D_W)));
    expect(q.op).toBe("fraction");
    expect(toText(q)).toBe("(D_K·N + N²)/(D_H + D_W)");
    expect(toText(divide(mul(M, add(D_H, D_W)), mul(N, add(D_H, D_W))))).toBe("M/N");
  });

  test("negative and rational coefficients", () => {
    expect(toText(add(mul(-3, M), N))).toBe("-3·M + N");
    expect(toText(mul(M, pow(mul(2, N), -1)))).toBe("M/(2·N)");
  });
});
