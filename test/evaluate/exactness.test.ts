/** Counts past 2^53 are exact end to end; JSON prints them as strings, CSV as digits. */
import { describe, expect, test } from "vitest";
import { runCli } from "../helpers/io.js";

const HUGE = "test/fixtures/configs/valid/huge.json";
// conv 3×3 from 3 to 2^26 channels on an 8192² output, pointwise 2^26 → 2^26, FC 2^26 → 1000
const side = 8192n * 8192n;
const expectedMacs = 9n * 3n * 2n ** 26n * side + 2n ** 26n * 2n ** 26n * side + 2n ** 26n * 1000n;
const expectedParams = 9n * 3n * 2n ** 26n + 2n ** 52n + 2n ** 26n * 1000n;

describe("exact past 2^53", () => {
  test("JSON totals are exact strings when past Number.MAX_SAFE_INTEGER", async () => {
    const data = JSON.parse((await runCli([HUGE, "--format", "json"])).out);
    expect(data.totals.macs).toBe(expectedMacs.toString());
    expect(typeof data.totals.params).toBe("number"); // 2^52 + … is still safe
    expect(BigInt(data.totals.params)).toBe(expectedParams);
  });

  test("CSV and the sweep print exact digits", async () => {
    const csv = (await runCli(["sweep", HUGE, "--resolution", "16384"])).out.split("\r\n")[1]!.split(",");
    expect(csv[6]).toBe(expectedMacs.toString()); // model, alpha, depth, resolution, convention, params, macs
    const layers = (await runCli([HUGE, "--format", "csv"])).out;
    expect(layers).toContain(String(2n ** 26n * 2n ** 26n * side));
  });

  test("a value that cannot be held exactly is refused with a clear message", async () => {
    const r = await runCli(["test/fixtures/configs/valid/fc-too-wide.json"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /layer fc_1: M = 18014398509481984 is past 2\^53 − 1; mbn-cost refuses rather than round it/,
    );
  });
});
