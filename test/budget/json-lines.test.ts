import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { arrayElementLines } from "../../src/budget/json-lines.js";

describe("the line each budget starts on", () => {
  test("a hand-written file: objects over several lines, strings holding brackets, commas and escaped quotes", () => {
    const text = [
      "{",
      '  "name": "budgets [not this]",',
      '  "budgets": [',
      '    { "name": "a, \\"b\\" [c]", "model": "v2" },',
      "",
      "    {",
      '      "model": "v1", "nested": [1, {"x": [2]}]',
      "    }, 3, null",
      "  ],",
      '  "other": [{}]',
      "}",
    ].join("\n");
    expect(arrayElementLines(text, "budgets")).toEqual([4, 6, 8, 8]);
    expect(arrayElementLines(text, "other")).toEqual([10]);
    expect(arrayElementLines(text, "missing")).toEqual([]);
  });

  test.each([
    ["an empty array, then another", '{"budgets": [], "other": [{}, 1]}', []],
    ["a string value that reads like the key", '{"x": "budgets", "y": [1], "budgets": [2]}', [1]],
    ["the key nested deeper", '{"outer": {"budgets": [1, 2]}, "budgets":\n[3]}', [2]],
    ["an array before it", '{"a": [[1], [2]], "budgets": [{"b": [[]]}, 4]}', [1, 1]],
    ["escaped quotes and brackets in strings", '{"budgets": ["x\\"]\\\\", "\\\\", [5]]}', [1, 1, 1]],
    ["CRLF line ends", '{\r\n"budgets": [\r\n1,\r\n  2\r\n]\r\n}', [3, 4]],
    ["not an array", '{"budgets": {"a": [1]}}', []],
    ["a number, true, null as elements", '{"budgets": [\n-1.5e3,\ntrue,\nnull]}', [2, 3, 4]],
  ])("%s", (_, text, lines) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(arrayElementLines(text, "budgets")).toEqual(lines);
  });

  test("property: JSON.stringify with any indent puts element i where the scan finds it", () => {
    const budget = fc.record({
      name: fc.string(),
      max_macs: fc.nat(),
      tags: fc.array(fc.string(), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(budget, { maxLength: 6 }), fc.integer({ min: 0, max: 4 }), (budgets, indent) => {
        const text = JSON.stringify({ version: 1, budgets }, null, indent);
        const lines = arrayElementLines(text, "budgets");
        expect(lines).toHaveLength(budgets.length);
        const all = text.split("\n");
        // each element's line holds its start: pretty-printed, a line of its own; compact, line 1
        for (const l of lines) expect(all[l - 1]!.trimStart()).toMatch(indent === 0 ? /"budgets":\[/ : /^\{/);
      }),
    );
  });
});
