/**
 * Input written to break the tool (found by generating hostile files and
 * arguments): each ends with exit 2 and one line naming the value and what is
 * allowed; never exit 3, never a hang, never a silent truncation.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { runCli } from "../helpers/io.js";

const dir = mkdtempSync(join(tmpdir(), "mbn-hostile-"));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const expectOneLine = (r: { code: number; out: string; err: string }, pattern: RegExp) => {
  expect(r.code, r.err).toBe(2);
  expect(r.out).toBe("");
  expect(r.err).toMatch(/^error: [^\n]*\n$/);
  expect(r.err).toMatch(pattern);
};

describe("user text that names an Object property is not a key into the tool's tables", () => {
  const names = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"];

  test.each(names)("--hardware %s is an unknown profile", async (name) => {
    expectOneLine(
      await runCli(["v2", "--hardware", name, "--totals"]),
      new RegExp(`--hardware '${name}': expected one of pixel6-cpu, .*, or a hardware JSON file`),
    );
  });

  test.each(names)("a budget's hardware %s is an unknown profile", async (name) => {
    const budgets = file(
      `budgets-${name}.json`,
      JSON.stringify({ budgets: [{ model: "v2", hardware: name, max_macs: "1G" }] }),
    );
    const r = await runCli(["check", budgets]);
    expect(r.code, r.err).toBe(2);
    expect(r.err).toMatch(new RegExp(`'${name}': expected one of pixel6-cpu`));
  });

  test.each(names)("the model %s is an unknown model", async (name) => {
    expectOneLine(await runCli([name, "--totals"]), new RegExp(`unknown model '${name}'`));
  });
});

describe("a hardware file's rates are whole counts, its ridge point in range", () => {
  const profile = (fields: Record<string, unknown>) =>
    file(`hw-${Object.values(fields).join("-")}.json`, JSON.stringify({ name: "x", ...fields }));

  test.each([0.5, 1e-300, "0.5", 1e300, "2000000T"])("bandwidth_bytes_per_s %s is refused", async (value) => {
    const hw = profile({ peak_macs_per_s: "2T", bandwidth_bytes_per_s: value });
    expectOneLine(
      await runCli(["v2", "--hardware", hw, "--totals"]),
      /bandwidth_bytes_per_s: expected a whole count from 1 to 10\^18/,
    );
  });

  test.each([0.5, 1e-300, "1.5"])("peak_macs_per_s %s is refused", async (value) => {
    const hw = profile({ peak_macs_per_s: value, bandwidth_bytes_per_s: "25G" });
    expectOneLine(
      await runCli(["v2", "--hardware", hw, "--totals"]),
      /peak_macs_per_s: expected a whole count from 1 to 10\^18/,
    );
  });

  test.each([1e300, "200000", 0])("ridge_point %s is refused", async (value) => {
    const hw = profile({ ridge_point: value });
    const r = await runCli(["v2", "--hardware", hw, "--totals"]);
    expect(r.code, r.err).toBe(2);
    expect(r.err).toMatch(/ridge_point/);
  });

  test("a fractional ridge point (0.5) and the largest rates count exactly", async () => {
    expect((await runCli(["v2", "--hardware", profile({ ridge_point: 0.5 }), "--totals"])).code).toBe(0);
    const fast = profile({ peak_macs_per_s: "1000000T", bandwidth_bytes_per_s: "1000000T" });
    expect((await runCli(["v2", "--hardware", fast, "--totals"])).code).toBe(0);
  });
});

describe("inputs are regular files or standard input: a named pipe is refused, never waited on", () => {
  const fifo = (name: string) => {
    const path = join(dir, name);
    if (spawnSync("mkfifo", [path]).status !== 0) expect.fail("mkfifo is needed for this test");
    return path;
  };

  test.each(["model.json", "model.onnx"])("a FIFO named %s as the model", async (name) => {
    const path = fifo(`pipe-${name}`);
    expectOneLine(
      await runCli([path, "--totals"]),
      /is not a regular file \(a named pipe, device or socket\); give a (model JSON|ONNX) file/,
    );
  });

  test("a FIFO as a budget's model, as the budgets file, as a hardware file", async () => {
    const model = fifo("budget-model.json");
    const budgets = file("fifo-budgets.json", JSON.stringify({ budgets: [{ model, max_macs: "1G" }] }));
    const r = await runCli(["check", budgets]);
    expect(r.code, r.err).toBe(2);
    expect(r.err).toMatch(/is not a regular file/);
    expectOneLine(await runCli(["check", fifo("budgets.json")]), /is not a regular file/);
    expectOneLine(await runCli(["v2", "--hardware", fifo("hw.json"), "--totals"]), /is not a regular file/);
  });

  test("a regular file past 4 MB is refused after 4 MB are read", async () => {
    expectOneLine(
      await runCli([file("huge.json", " ".repeat(5 * 1024 * 1024))]),
      /huge\.json: larger than 4 MB/,
    );
  });

  test("a device is refused before it is read (/dev/zero never ends)", async () => {
    expectOneLine(await runCli(["/dev/zero"]), /\/dev\/zero: is not a regular file/);
  });
});

describe("file text", () => {
  test("a UTF-8 byte order mark before the JSON is accepted", async () => {
    const plain = readFileSync("examples/my-net.json", "utf8");
    const bom = file("bom.json", `\uFEFF${plain}`);
    const a = await runCli([bom, "--totals", "--exact"]);
    const b = await runCli(["examples/my-net.json", "--totals", "--exact"]);
    expect(a.code, a.err).toBe(0);
    expect(a.out).toBe(b.out);
  });

  test("a file that is not JSON is never quoted in the error (a budget may point anywhere)", async () => {
    const secret = file("secret.json", "SECRET-TOKEN-1234 and more private text");
    const budgets = file("quote.json", JSON.stringify({ budgets: [{ model: secret, max_macs: "1G" }] }));
    const r = await runCli(["check", budgets]);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(/SECRET|private/);
    expect(r.err).toMatch(/secret\.json: not valid JSON \(an unexpected character\)/);
    const late = file("late.json", '{"name": "x",\n  "layers": ]}');
    expectOneLine(await runCli([late]), /late\.json: not valid JSON \(an unexpected character\)/);
    const trailing = file("trailing.json", '{"a": 1}\n  oops');
    expectOneLine(await runCli([trailing]), /trailing\.json: not valid JSON \(at line 2, column 3\)/);
    expectOneLine(
      await runCli([file("short.json", '{"a": ')]),
      /short\.json: not valid JSON \(it ends too soon\)/,
    );
  });
});
