import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { add, canonical, equalPoly, mul, num, pow, sub, sym } from "../../src/algebra/expr.js";
import { evaluate } from "../../src/algebra/evaluate.js";
import { commonFactor, divide } from "../../src/algebra/factor.js";
import {
  ONE,
  addRational,
  divRational,
  equalRational,
  isZero,
  mulRational,
} from "../../src/algebra/rational.js";
import { arbBindings, arbPoly } from "./arbitraries.js";

function same(a: Parameters<typeof equalPoly>[0], b: Parameters<typeof equalPoly>[1]): void {
  expect(equalPoly(a, b)).toBe(true);
}

describe("algebra laws (fast-check)", () => {
  test("addition is commutative and associative", () => {
    fc.assert(
      fc.property(arbPoly, arbPoly, arbPoly, (a, b, c) => {
        same(add(a, b), add(b, a));
        same(add(add(a, b), c), add(a, add(b, c)));
      }),
    );
  });

  test("multiplication is commutative and associative", () => {
    fc.assert(
      fc.property(arbPoly, arbPoly, arbPoly, (a, b, c) => {
        same(mul(a, b), mul(b, a));
        same(mul(mul(a, b), c), mul(a, mul(b, c)));
      }),
    );
  });

  test("multiplication distributes over addition", () => {
    fc.assert(
      fc.property(arbPoly, arbPoly, arbPoly, (a, b, c) => {
        same(mul(a, add(b, c)), add(mul(a, b), mul(a, c)));
      }),
    );
  });

  test("a - a = 0 and a + 0 = a, a · 1 = a", () => {
    fc.assert(
      fc.property(arbPoly, (a) => {
        expect(sub(a, a).terms).toHaveLength(0);
        same(add(a, 0), a);
        same(mul(a, 1), a);
      }),
    );
  });

  test("canonical form is idempotent", () => {
    fc.assert(
      fc.property(arbPoly, (a) => {
        same(canonical(a.terms), a);
      }),
    );
  });

  test("evaluation commutes with + and ·", () => {
    fc.assert(
      fc.property(arbPoly, arbPoly, arbBindings, (a, b, env) => {
        const ea = evaluate(a, env);
        const eb = evaluate(b, env);
        expect(evaluate(add(a, b), env)).toEqual(addRational(ea, eb));
        expect(evaluate(mul(a, b), env)).toEqual(mulRational(ea, eb));
      }),
    );
  });

  test("factor × rest = the polynomial", () => {
    fc.assert(
      fc.property(arbPoly, (a) => {
        const { factor, rest } = commonFactor(a);
        same(mul(canonical([factor]), rest), a);
      }),
    );
  });

  test("division evaluates to the quotient of the values", () => {
    fc.assert(
      fc.property(arbPoly, arbPoly, arbBindings, (a, b, env) => {
        fc.pre(b.terms.length > 0);
        const eb = evaluate(b, env);
        fc.pre(!isZero(eb));
        expect(evaluate(divide(a, b), env)).toEqual(divRational(evaluate(a, env), eb));
      }),
    );
  });

  test("dividing by a monomial and multiplying back is the identity", () => {
    fc.assert(
      fc.property(arbPoly, arbPoly, (a, b) => {
        const m = b.terms[0];
        fc.pre(m !== undefined);
        const single = canonical([m!]);
        const q = divide(a, single);
        expect(q.op).toBe("poly");
        if (q.op === "poly") same(mul(q, single), a);
      }),
    );
  });

  test("powers multiply out", () => {
    fc.assert(
      fc.property(arbPoly, fc.integer({ min: 0, max: 3 }), (a, k) => {
        same(pow(a, k + 1), mul(pow(a, k), a));
      }),
    );
  });

  test("negative powers invert a monomial: m^-k · m^k = 1, m^-k = 1 / m^k at any bindings", () => {
    fc.assert(
      fc.property(arbPoly, fc.integer({ min: 1, max: 3 }), arbBindings, (a, k, env) => {
        const t = a.terms[0];
        fc.pre(t !== undefined && !isZero(t.coef));
        const m = canonical([t!]);
        same(mul(pow(m, -k), pow(m, k)), num(1));
        expect(equalRational(evaluate(pow(m, -k), env), divRational(ONE, evaluate(pow(m, k), env)))).toBe(
          true,
        );
      }),
    );
  });

  test("a negative power of a sum is refused, not approximated", () => {
    expect(() => pow(add(sym("M"), sym("N")), -1)).toThrow(/negative power of a sum/);
  });
});
