/**
 * The JSON renderer converts bigints in one walk before json-stringify-pretty-compact runs
 * (src/report/json.ts): the text must equal the library's own with the replacer, for any value.
 */
import fc from "fast-check";
import stringify from "json-stringify-pretty-compact";
import { describe, expect, test } from "vitest";
import { jsonReplacer, renderJsonValue } from "../../src/report/json.js";

const leaf = fc.oneof(
  fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string(),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: "small" },
    leaf,
    fc.array(tie("node")),
    fc.dictionary(fc.string(), tie("node")),
  ),
})).node;

describe("JSON", () => {
  test("bigints converted first give the library's text with the replacer (property)", () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(renderJsonValue(v)).toBe(
          `${stringify(v, { indent: 2, maxLength: 100, replacer: jsonReplacer })}\n`,
        );
      }),
      { numRuns: 500 },
    );
  });

  test("a key that is an Object property name stays a key", () => {
    const data = JSON.parse('{"__proto__": {"macs": 1}, "constructor": 2}');
    expect(renderJsonValue({ ...data, n: 3n })).toBe(
      '{"__proto__": {"macs": 1}, "constructor": 2, "n": 3}\n',
    );
  });

  test("a bigint past 2^53 − 1 is a string, at most it a number", () => {
    expect(renderJsonValue({ a: 2n ** 53n - 1n, b: 2n ** 53n, c: -(2n ** 53n) })).toBe(
      '{"a": 9007199254740991, "b": "9007199254740992", "c": "-9007199254740992"}\n',
    );
  });
});
