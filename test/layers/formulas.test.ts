import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { type Poly, equalPoly, mul, add, pow, sym } from "../../src/algebra/expr.js";
import { evaluate } from "../../src/algebra/evaluate.js";
import { divide } from "../../src/algebra/factor.js";
import { toFactoredText, toText } from "../../src/algebra/print.js";
import { addRational, divRational, rational } from "../../src/algebra/rational.js";
import { formulaKinds } from "../../src/layers/formula-kinds.js";
import { layerKinds } from "../../src/layers/registry.js";

const { conv, dw, pw, dsconv, gconv, fc: fullyConnected } = formulaKinds;
const value = (p: Parameters<typeof evaluate>[0], env: Record<string, number>) => evaluate(p, env).num;

// Hand-computed from the formulas of Howard et al. 2017, MobileNets (arXiv 1704.04861), Section 3.1:
// a 3×3 layer from M=32 to N=64 channels on a 112×112 output map.
const env = { D_K: 3, M: 32, N: 64, D_H: 112, D_W: 112, G: 4 };

describe("layer formulas — Howard et al. 2017, Section 3.1 (Eqs. 1–5)", () => {
  test("standard conv: params N·D_K·D_K·M, Mult-Adds D_K·D_K·M·D_H·D_W·N", () => {
    expect(toText(conv.params)).toBe("D_K²·M·N");
    expect(toText(conv.macs)).toBe("D_K²·M·N·D_H·D_W");
    expect(value(conv.params, env)).toBe(18_432n); // 64·3·3·32
    expect(value(conv.macs, env)).toBe(231_211_008n); // 18,432 · 12,544
  });

  test("depthwise: params M·D_K·D_K, Mult-Adds D_K·D_K·D_H·D_W·M", () => {
    expect(toText(dw.params)).toBe("D_K²·M");
    expect(value(dw.params, env)).toBe(288n);
    expect(value(dw.macs, env)).toBe(3_612_672n); // 288 · 12,544
  });

  test("pointwise: params N·M, Mult-Adds M·D_H·D_W·N", () => {
    expect(value(pw.params, env)).toBe(2_048n);
    expect(value(pw.macs, env)).toBe(25_690_112n);
  });

  test("depthwise separable = depthwise + pointwise: M·(D_K² + N) and M·D_H·D_W·(D_K² + N)", () => {
    expect(toFactoredText(dsconv.params)).toBe("M·(D_K² + N)");
    expect(toFactoredText(dsconv.macs)).toBe("M·D_H·D_W·(D_K² + N)");
    // Howard et al. 2017, Eq. 5, written out here from the symbols: D_K·D_K·M·D_F·D_F + M·N·D_F·D_F (D_F² = D_H·D_W)
    const [D_K, M, N, D_H, D_W] = ["D_K", "M", "N", "D_H", "D_W"].map(sym) as [Poly, Poly, Poly, Poly, Poly];
    expect(equalPoly(dsconv.macs, add(mul(D_K, D_K, M, D_H, D_W), mul(M, N, D_H, D_W)))).toBe(true);
    expect(equalPoly(dsconv.params, add(mul(D_K, D_K, M), mul(M, N)))).toBe(true);
    expect(value(dsconv.macs, env)).toBe(3_612_672n + 25_690_112n);
  });

  test("grouped conv divides the standard conv by G; fully connected is M·N", () => {
    expect(toText(gconv.params)).toBe("D_K²·M·N/G");
    expect(value(gconv.macs, env)).toBe(231_211_008n / 4n);
    expect(value(fullyConnected.params, { M: 1024, N: 1000 })).toBe(1_024_000n);
    expect(value(fullyConnected.macs, { M: 1024, N: 1000 })).toBe(1_024_000n);
  });

  test("bias adds N parameters, BatchNorm 2·N (γ and β)", () => {
    expect(toText(conv.bias)).toBe("N");
    expect(toText(conv.bn)).toBe("2·N");
    expect(toText(dw.bn)).toBe("2·M");
  });

  test("ratio identity: separable / standard = 1/N + 1/D_K², for params and MACs, at any sizes", () => {
    const expected = add(pow(sym("N"), -1), pow(sym("D_K"), -2));
    for (const part of ["params", "macs"] as const) {
      const ratio = divide(dsconv[part], conv[part]);
      expect(ratio.op === "poly" && equalPoly(ratio, expected)).toBe(true);
    }
    fc.assert(
      fc.property(
        fc.record({
          M: fc.integer({ min: 1, max: 4096 }),
          N: fc.integer({ min: 1, max: 4096 }),
          D_K: fc.integer({ min: 1, max: 11 }),
          D_H: fc.integer({ min: 1, max: 512 }),
          D_W: fc.integer({ min: 1, max: 512 }),
        }),
        (e) => {
          const direct = divRational(evaluate(dsconv.macs, e), evaluate(conv.macs, e));
          expect(direct).toEqual(addRational(rational(1, e.N), rational(1, e.D_K * e.D_K)));
          expect(divRational(evaluate(dsconv.params, e), evaluate(conv.params, e))).toEqual(direct);
        },
      ),
    );
  });

  test("MACs = params × output positions for every convolution kind", () => {
    for (const kind of [conv, dw, pw, gconv]) {
      expect(equalPoly(kind.macs, mul(kind.params, sym("D_H"), sym("D_W")))).toBe(true);
    }
  });
});

describe("shape rules", () => {
  const op = {
    name: "x",
    block: "b",
    kernel: 3,
    stride: 2,
    out: 64,
    groups: 1,
    bias: false,
    bn: true,
    act: "relu" as const,
  };

  test("'same' padding: output side = ceil(input / stride)", () => {
    expect(layerKinds.conv.outputShape({ ...op, kind: "conv" }, [224, 224, 3])).toEqual([112, 112, 64]);
    expect(layerKinds.depthwise.outputShape({ ...op, kind: "depthwise" }, [7, 7, 32])).toEqual([4, 4, 32]);
    expect(layerKinds.pointwise.outputShape({ ...op, kind: "pointwise", stride: 1 }, [7, 7, 32])).toEqual([
      7, 7, 64,
    ]);
  });

  test("global average pool, and a fixed 4×4 pool as in the CIFAR code", () => {
    expect(layerKinds.avgpool.outputShape({ ...op, kind: "avgpool", kernel: 0 }, [7, 7, 1024])).toEqual([
      1, 1, 1024,
    ]);
    expect(layerKinds.avgpool.outputShape({ ...op, kind: "avgpool", kernel: 4 }, [8, 8, 1280])).toEqual([
      2, 2, 1280,
    ]);
  });

  test("fully connected flattens its input", () => {
    expect(layerKinds.fc.bind({ ...op, kind: "fc", out: 10 }, [2, 2, 1280], [1, 1, 10])).toEqual({
      M: 5120,
      N: 10,
    });
  });
});
