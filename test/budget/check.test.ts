import { describe, expect, test } from "vitest";
import { parseQuantity, quantityProblem } from "../../src/budget/quantity.js";
import { runCli } from "../helpers/io.js";

const budgets = (name: string) => `test/fixtures/budgets/${name}.json`;

describe("quantities", () => {
  test.each([
    ["100M", 100_000_000n],
    ["1.5M", 1_500_000n],
    ["2G", 2_000_000_000n],
    ["0.5k", 500n],
    [12345, 12_345n],
    ["1.2345K", undefined],
    ["100MB", undefined],
    ["-5M", undefined],
    ["1.5", undefined],
    ["3T", 3_000_000_000_000n],
    ["300m", 300_000_000n],
    [" 7K ", 7_000n],
    ["2.50M", 2_500_000n],
    ["M", undefined],
    ["1.M", undefined],
  ])("%s → %s", (raw, value) => expect(parseQuantity(raw)).toBe(value));

  test("a refused quantity's reason: bytes are not counts; anything else names what is allowed", () => {
    expect(quantityProblem("8MB")).toBe(
      "that is bytes; MAC, FLOP and parameter budgets are counts (100M), and activation memory budgets go in a budgets file's max_peak_memory or max_arena_bytes",
    );
    expect(quantityProblem(" 1.5 MiB ")).toMatch(/^that is bytes;/);
    // any number of digits, a fraction of several, bytes without a prefix; nothing before or after
    for (const bytes of ["12MB", "1.25GB", "100B", "2kiB"])
      expect(quantityProblem(bytes)).toMatch(/^that is bytes;/);
    for (const other of ["x8MB", "8MBx", "8 M B"]) expect(quantityProblem(other)).toMatch(/^expected /);
    expect(quantityProblem("lots")).toBe(
      "expected a whole number, or one with a K, M, G or T suffix (100M, 1.5M, 2G)",
    );
  });
});

describe("mbn-cost check", () => {
  test("all budgets hold: exit 0", async () => {
    const r = await runCli(["check", budgets("all-pass")]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("3 of 3 within their limits");
  });

  test("one exceeded: exit 1, naming it and by how much", async () => {
    const r = await runCli(["check", budgets("one-exceeded")]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("EXCEEDED v2-full: MACs 300.77M exceed the limit of 250.00M by 20.3%");
    expect(r.out).not.toContain("EXCEEDED v2-half");
    // the table wraps its text columns within 100 columns; Markdown keeps each cell on one line
    const markdown = (await runCli(["check", budgets("one-exceeded"), "--format", "markdown"])).out;
    expect(markdown).toContain("| ok (within tolerance) |");
  });

  test("JSON: values, limits, headroom per check", async () => {
    const data = JSON.parse((await runCli(["check", budgets("one-exceeded"), "--format", "json"])).out);
    expect(data.passed).toBe(false);
    const full = data.budgets.find((b: { name: string }) => b.name === "v2-full");
    expect(full.checks).toEqual([
      {
        metric: "macs",
        value: 300774272,
        limit: 250000000,
        headroom: -50774272,
        headroom_pct: -20.3,
        passed: false,
      },
      {
        metric: "params",
        value: 3469760,
        limit: 4000000,
        headroom: 530240,
        headroom_pct: 13.3,
        passed: true,
      },
    ]);
  });

  test("--junit: one testcase per budget, a <failure> for the excess", async () => {
    const r = await runCli(["check", budgets("one-exceeded"), "--junit", "results.xml"]);
    const xml = r.files.get("results.xml")!;
    expect(xml.match(/<testcase /g)).toHaveLength(3);
    expect(xml.match(/<failure /g)).toHaveLength(1);
    expect(xml).toMatch(
      /<testcase classname="mbn-cost.budgets" name="v2-full">\s*<failure type="BudgetExceeded" message="MACs 300,774,272 exceed the limit of 250,000,000 by 20.3%"/,
    );
    expect(xml).toContain('tests="3" failures="1"');
  });

  test("workflow commands' escapes: a property's %, CR, LF, : and , (which would end it); a message's %, CR and LF", async () => {
    const { workflowData, workflowProperty } = await import("../../src/report/budget.js");
    expect(workflowProperty("a: b, 5%\r\nc")).toBe("a%3A b%2C 5%25%0D%0Ac");
    expect(workflowData("a: b, 5%\r\nc")).toBe("a: b, 5%25%0D%0Ac");
  });

  test("under GitHub Actions: ::error annotations and a Markdown step summary", async () => {
    const r = await runCli(["check", budgets("one-exceeded")], {
      GITHUB_ACTIONS: "true",
      GITHUB_STEP_SUMMARY: "summary.md",
    });
    expect(r.out).toMatch(
      // on the line of the budgets file where v2-full starts (4), so the pull request shows it there
      /^::error file=test\/fixtures\/budgets\/one-exceeded\.json,line=4,title=mbn-cost budget exceeded%3A v2-full::v2-full: MACs 300,774,272 exceed the limit of 250,000,000 by 20\.3%25$/m,
    );
    expect(r.files.get("summary.md")).toMatch(/^## Budgets: 2 of 3 within their limits/);
    const local = await runCli(["check", budgets("one-exceeded")]);
    expect(local.out).not.toContain("::error");
  });

  test.each([
    [budgets("missing"), /missing\.json: no such file/],
    [
      budgets("bad-quantity"),
      /bad-quantity\.json: budgets\[0\]\.max_macs: expected a whole number, or one with a K, M, G or T suffix/,
    ],
    [budgets("no-limit"), /no-limit\.json: budgets\[0\]: a budget needs at least one of max_macs/],
    [budgets("unknown-model"), /unknown-model\.json: budgets\[1\]\.model: unknown model 'v9'/],
    ["test/fixtures/configs/invalid/not-json.json", /not valid JSON/],
  ])("malformed %s: exit 2 naming the field", async (file, message) => {
    const r = await runCli(["check", file]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split("\n")).toHaveLength(1);
  });

  test("schema budgets prints the JSON Schema", async () => {
    const schema = JSON.parse((await runCli(["schema", "budgets"])).out);
    expect(schema.properties.budgets.items.properties.max_macs).toBeDefined();
  });
});

describe("roofline budgets on a hardware profile", () => {
  test("max_bytes, max_roofline_macs and max_latency_ms, checked exactly: a value passes only within its limit", async () => {
    const r = await runCli(["check", "test/fixtures/budgets/hardware.json", "--format", "json"]);
    expect(r.code).toBe(1);
    const data = JSON.parse(r.out);
    const checks = (name: string) => data.budgets.find((b: { name: string }) => b.name === name).checks;
    // V2 on the Pixel 8 EdgeTPU ridge point: 433.8 × 17,630,224 bytes = 7,647,991,171.2 → 7,647,991,172
    expect(checks("v2-edgetpu")).toEqual([
      expect.objectContaining({ metric: "bytes", value: 17_630_224, passed: true }),
      expect.objectContaining({ metric: "roofline_macs", value: 7_647_991_172, passed: false }),
    ]);
    // 17,630,224 bytes at 25 GB/s = 705.20896 µs: over a 0.705 ms budget
    expect(checks("v2-npu")).toEqual([
      expect.objectContaining({ metric: "latency_us", value: 706, limit: 705, passed: false }),
    ]);
    // V1 on the Pixel 6 CPU: 759,485,017.6 MAC-equivalents is within a limit of 759,485,018
    expect(checks("v1-cpu")).toEqual([
      expect.objectContaining({ value: 759_485_018, limit: 759_485_018, passed: true }),
    ]);
  });

  test("a roofline budget without hardware, or a latency budget on a profile without peaks, is refused", async () => {
    for (const [file, message] of [
      [
        "no-hardware.json",
        /max_bytes, max_roofline_macs and max_latency_ms need a hardware profile: add hardware/,
      ],
      ["no-peaks.json", /max_latency_ms: 'pixel6-cpu' has a ridge point but no peaks, so no time/],
    ] as const) {
      const r = await runCli(["check", `test/fixtures/budgets/${file}`]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
    }
  });
});
