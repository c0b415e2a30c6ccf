import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { closest, editDistance } from "../../src/io/suggest.js";
import { runCli } from "../helpers/io.js";

describe("did you mean", () => {
  test("edit distance: a transposition is one edit; distance is symmetric and zero only for equal words", () => {
    expect(editDistance("shwo", "show")).toBe(1);
    expect(editDistance("swep", "sweep")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (a, b) => {
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, b) === 0).toBe(a === b);
      }),
    );
  });

  test("a suggestion only when one candidate is clearly closest", () => {
    expect(closest("shwo", ["show", "sweep"])).toBe("show");
    expect(closest("v9", ["v1", "v2"])).toBeUndefined(); // tied
    expect(closest("xyzzy", ["show", "sweep"])).toBeUndefined();
  });

  test.each([
    [["shwo"], "'shwo' is neither a model nor a command: did you mean the command 'show'?"],
    [["mobilenet-v22"], "unknown model 'mobilenet-v22': did you mean 'mobilenet-v2'?"],
  ])("%j exits 2 with the suggestion", async (argv, message) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });
});
