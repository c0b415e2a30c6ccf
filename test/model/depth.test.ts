/**
 * --depth d: each stage's n blocks become ⌈n·d⌉, and so does an entry's repeat (V1's five 512-wide
 * blocks, MobileNetV4's repeated blocks); a model with nothing to repeat refuses it rather than ignore it.
 */
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { costOf } from "../helpers/models.js";
import { runCli } from "../helpers/io.js";

const dir = mkdtempSync(join(tmpdir(), "mbn-depth-"));

/** A built-in's file with each stage's n (or an entry's repeat) replaced by ⌈n·d⌉ written out. */
function deepened(file: string, d: number): string {
  const spec = JSON.parse(readFileSync(`configs/${file}`, "utf8"));
  for (const entry of spec.layers) {
    if (entry.n !== undefined) entry.n = Math.ceil(entry.n * d);
    if (entry.repeat !== undefined) entry.repeat = Math.ceil(entry.repeat * d);
  }
  const out = join(dir, `${d}-${file}`);
  writeFileSync(out, JSON.stringify(spec));
  return out;
}

describe("--depth", () => {
  test.each([
    ["v2", "mobilenet-v2.json", 2],
    ["v2", "mobilenet-v2.json", 1.5],
    ["v1", "mobilenet-v1.json", 2],
    ["mnv4-conv-s", "mobilenet-v4-conv-small.json", 1.4],
    ["fd", "fd-mobilenet.json", 3],
  ] as const)(
    "%s (%s) at depth %s: the counts of its file with every n and repeat written as ⌈n·d⌉",
    async (name, file, d) => {
      const scaled = await costOf(name, "1.0", undefined, "paper", {}, d);
      const written = await costOf(deepened(file, d));
      expect(scaled.totals).toEqual(written.totals);
      expect(scaled.totals.macs).toBeGreaterThan((await costOf(name)).totals.macs);
    },
  );

  test("sweep v1 --depth 1,2,3: three different rows", async () => {
    const rows = (await runCli(["sweep", "v1", "--depth", "1,2,3"])).out.trim().split("\r\n").slice(1);
    expect(new Set(rows.map((r) => r.split(",").slice(5).join(","))).size).toBe(3);
  });

  test("a model whose blocks are listed one by one refuses --depth 2 in one line; --depth 1 is fine", async () => {
    const r = await runCli(["v3-large", "--depth", "2"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      "error: MobileNet V3-Large: --depth 2 has nothing to scale: its blocks are listed one by one (no stage with n, no entry with repeat); give --depth 1\n",
    );
    expect((await runCli(["v3-large", "--depth", "1", "--totals"])).code).toBe(0);
  });
});
