/** A few spawns of the built bin (npm test builds first). */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
export const runBin = (args: string[]) =>
  spawnSync(process.execPath, ["bin/mbn-cost.js", ...args], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

describe("bin/mbn-cost.js", () => {
  test("ratio --N 1024 --DK 3", () => {
    const r = runBin(["ratio", "--N", "1024", "--DK", "3"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("1033/9216");
  });

  test("bad input exits 2 with one line on stderr", () => {
    const r = runBin(["ratio", "--N", "0"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});
