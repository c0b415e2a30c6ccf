/**
 * fit answers the FD-MobileNet paper's budgets (Qin et al. 2018: 140, 40 and
 * 12 MFLOPs, i.e. mult-adds) for MobileNet V1 and FD-MobileNet. Each answer is
 * checked by evaluating the configuration it returns and the next wider one
 * with the main command.
 */
import { describe, expect, test } from "vitest";
import { runCli } from "../helpers/io.js";

const json = async (argv: string[]) => {
  const r = await runCli([...argv, "--format", "json"]);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out);
};
const macsOf = async (model: string, alpha: number, resolution = 224) =>
  (await json([model, "--alpha", String(alpha), "--resolution", String(resolution)])).totals.macs;

describe("mbn-cost fit", () => {
  test("fit v1 --max-macs 150M --resolution 224 gives α 0.5 (149.5M)", async () => {
    const answer = await json(["fit", "v1", "--max-macs", "150M", "--resolution", "224"]);
    expect(answer).toMatchObject({ alpha: 0.5, resolution: 224, macs: 149497088 });
  });

  test.each([
    ["v1", "140M", 140_000_000],
    ["v1", "40M", 40_000_000],
    ["v1", "12M", 12_000_000],
    ["fd", "140M", 140_000_000],
    ["fd", "40M", 40_000_000],
    ["fd", "12M", 12_000_000],
  ])("%s within %s: the answer fits and the next wider α does not", async (model, budget, limit) => {
    const answer = await json(["fit", model, "--max-macs", budget]);
    expect(await macsOf(model, answer.alpha)).toBe(answer.macs);
    expect(answer.macs).toBeLessThanOrEqual(limit);
    expect(await macsOf(model, answer.next_wider.alpha)).toBeGreaterThan(limit);
    expect(answer.next_wider.alpha).toBeCloseTo(answer.alpha + 0.01, 10);
  });

  test("--max-params constrains too", async () => {
    const answer = await json(["fit", "v2", "--max-params", "2M"]);
    expect(answer.params).toBeLessThanOrEqual(2_000_000);
    expect(answer.next_wider.params).toBeGreaterThan(2_000_000);
  });

  test("--resolutions: a Pareto set of (α, resolution), every point fitting", async () => {
    const set = await json(["fit", "v2", "--max-macs", "100M", "--resolutions", "96:224:32"]);
    expect(set.length).toBeGreaterThan(1);
    for (const p of set) {
      expect(await macsOf("v2", p.alpha, p.resolution)).toBe(p.macs);
      expect(p.macs).toBeLessThanOrEqual(100_000_000);
      expect(
        set.some(
          (q: { alpha: number; resolution: number }) =>
            q !== p && q.alpha >= p.alpha && q.resolution >= p.resolution,
        ),
      ).toBe(false);
    }
  });

  test("nothing fits: exit 1 and say so", async () => {
    const r = await runCli(["fit", "v2", "--max-macs", "1K"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("no α ≥ 0.01 fits the budget");
  });

  test.each([
    [["fit", "v2"], /fit needs a budget/],
    [["fit", "v2", "--max-macs", "lots"], /--max-macs 'lots': expected a whole number/],
    [
      ["fit", "v2", "--max-macs", "1G", "--resolution", "224", "--resolutions", "96,128"],
      /either --resolution or --resolutions/,
    ],
    [["fit", "v2", "--max-macs", "1G", "--alpha-step", "0"], /'0' .*must be > 0/],
  ])("%j exits 2", async (argv, message) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});

describe("fit in FLOPs, and quantities people type", () => {
  test("--max-flops F is --max-macs ⌊F/2⌋, said as a FLOPs budget; --unit flops shows FLOPs", async () => {
    const flops = JSON.parse((await runCli(["fit", "v1", "--max-flops", "300M", "--format", "json"])).out);
    const macs = JSON.parse((await runCli(["fit", "v1", "--max-macs", "150M", "--format", "json"])).out);
    expect(flops).toEqual(macs);
    const table = (await runCli(["fit", "v1", "--max-flops", "300M", "--unit", "flops"])).out;
    expect(table).toContain("Widest v1 within FLOPs ≤ 300.00M");
    expect(table).toMatch(/│\s+224 │ 0\.50 │ 298\.99M │/);
  });

  test("lowercase suffixes are counts (150m = 150M)", async () => {
    const lower = JSON.parse((await runCli(["fit", "v1", "--max-macs", "150m", "--format", "json"])).out);
    const upper = JSON.parse((await runCli(["fit", "v1", "--max-macs", "150M", "--format", "json"])).out);
    expect(lower).toEqual(upper);
  });
});

describe("fit takes the resolution grammar of sweep", () => {
  test("--resolution 128,160 is the Pareto set, as --resolutions 128,160", async () => {
    const list = JSON.parse(
      (await runCli(["fit", "v2", "--max-macs", "100M", "--resolution", "128,160", "--format", "json"])).out,
    );
    const old = JSON.parse(
      (await runCli(["fit", "v2", "--max-macs", "100M", "--resolutions", "128,160", "--format", "json"])).out,
    );
    expect(list).toEqual(old);
    expect(list.map((a: { resolution: number }) => a.resolution)).toEqual([128, 160]);
  });
});
