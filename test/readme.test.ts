/**
 * The README's examples are real: every code block that starts with
 * `$ npx mbn-cost …` is run in-process, and each line shown (other than "…")
 * must appear in the actual output, in order.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { runCli } from "./helpers/io.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const blocks = [...readme.matchAll(/```\n(\$ npx mbn-cost [^\n]+\n[\s\S]*?)```/g)].flatMap((m) => {
  // a block may hold several commands, each followed by its output
  const parts = m[1]!.split(/^(?=\$ npx mbn-cost )/m);
  return parts.map((part) => {
    const [command, ...shown] = part.split("\n");
    return {
      command: command!.replace(/^\$ npx mbn-cost /, ""),
      shown: shown.filter((l) => l.trim() !== "" && l.trim() !== "…"),
    };
  });
});

describe("README examples", () => {
  test("there are examples to check", () => expect(blocks.length).toBeGreaterThan(8));

  test.each(blocks.map((b) => [b.command, b] as const))("$ mbn-cost %s", async (_c, block) => {
    const argv = block.command.match(/"[^"]*"|\S+/g)!.map((a) => a.replace(/^"|"$/g, ""));
    const r = await runCli(argv);
    const lines = r.out.split("\n");
    let at = 0;
    for (const line of block.shown) {
      const found = lines.findIndex((l, i) => i >= at && l.trimEnd() === line.trimEnd());
      expect(found, `line not found in order: ${line}`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });
});
