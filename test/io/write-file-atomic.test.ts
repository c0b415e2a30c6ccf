/**
 * --out never destroys what it does not own: files are replaced atomically
 * (and only with --force), links are followed, devices and pipes are written
 * to, not replaced. Every path here is one the test creates.
 */
import { spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { InputError } from "../../src/errors.js";
import { writeFileAtomic } from "../../src/io/write-file-atomic.js";

const folder = () => mkdtempSync(join(tmpdir(), "mbn-out-"));

describe("--out targets", () => {
  test("a new file is written whole; an existing one only with force", async () => {
    const dir = folder();
    const file = join(dir, "a.csv");
    await writeFileAtomic(file, ["x,", "1\n"], false);
    expect(readFileSync(file, "utf8")).toBe("x,1\n");
    await expect(writeFileAtomic(file, "new", false)).rejects.toThrow(/file exists; add --force/);
    await writeFileAtomic(file, "new", true);
    expect(readFileSync(file, "utf8")).toBe("new");
    expect(readdirSync(dir)).toEqual(["a.csv"]); // no temporary file left behind
  });

  test("a failure while writing leaves the old file and no temporary file", async () => {
    const dir = folder();
    const file = join(dir, "a.csv");
    writeFileSync(file, "old");
    function* failing() {
      yield "half";
      throw new InputError("layer x: too small");
    }
    await expect(writeFileAtomic(file, failing(), true)).rejects.toThrow(/too small/);
    expect(readFileSync(file, "utf8")).toBe("old");
    expect(readdirSync(dir)).toEqual(["a.csv"]);
  });

  test("a symbolic link is followed: the target gets the content, the link stays a link", async () => {
    const dir = folder();
    writeFileSync(join(dir, "real.csv"), "old");
    symlinkSync("real.csv", join(dir, "link.csv"));
    await expect(writeFileAtomic(join(dir, "link.csv"), "new", false)).rejects.toThrow(/file exists/);
    await writeFileAtomic(join(dir, "link.csv"), "new", true);
    expect(lstatSync(join(dir, "link.csv")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, "link.csv"))).toBe("real.csv");
    expect(readFileSync(join(dir, "real.csv"), "utf8")).toBe("new");
  });

  test("a link to a missing file is refused", async () => {
    const dir = folder();
    symlinkSync("nowhere.csv", join(dir, "dangling.csv"));
    await expect(writeFileAtomic(join(dir, "dangling.csv"), "x", true)).rejects.toThrow(
      /symbolic link to a missing file/,
    );
    expect(existsSync(join(dir, "nowhere.csv"))).toBe(false);
  });

  test("a character device is written to, not replaced (a link to /dev/null, made here)", async () => {
    const dir = folder();
    symlinkSync("/dev/null", join(dir, "null"));
    await writeFileAtomic(join(dir, "null"), "discarded", false);
    expect(lstatSync(join(dir, "null")).isSymbolicLink()).toBe(true);
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
  });

  test("a FIFO is written to, not replaced", async () => {
    const dir = folder();
    const fifo = join(dir, "pipe");
    if (spawnSync("mkfifo", [fifo]).status !== 0) return expect.fail("mkfifo is needed for this test");
    const reader = spawn("cat", [fifo]);
    let received = "";
    reader.stdout.on("data", (d) => (received += d));
    const done = new Promise((resolve) => reader.on("close", resolve));
    await writeFileAtomic(fifo, ["through ", "the pipe"], false);
    await done;
    expect(received).toBe("through the pipe");
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  test("a folder, or a missing folder, is refused", async () => {
    const dir = folder();
    await expect(writeFileAtomic(dir, "x", true)).rejects.toThrow(/is a folder/);
    await expect(writeFileAtomic(join(dir, "no", "x.csv"), "x", true)).rejects.toThrow(
      /folder '.*no' does not exist/,
    );
  });

  test("--force keeps the replaced file's permission bits (0600 stays 0600)", async () => {
    const dir = folder();
    const file = join(dir, "secret.csv");
    writeFileSync(file, "old", { mode: 0o600 });
    chmodSync(file, 0o600);
    await writeFileAtomic(file, "new", true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8")).toBe("new");
  });

  test("without --force, a file created while the output was being computed is kept, not replaced", async () => {
    const dir = folder();
    const file = join(dir, "late.csv");
    function* slow() {
      yield "ours";
      writeFileSync(file, "theirs");
      yield " too";
    }
    await expect(writeFileAtomic(file, slow(), false)).rejects.toThrow(/late\.csv: file exists; add --force/);
    expect(readFileSync(file, "utf8")).toBe("theirs");
    expect(readdirSync(dir)).toEqual(["late.csv"]);
  });

  test.each(["SIGINT", "SIGTERM", "SIGHUP"] as const)(
    "%s during a write removes the temporary file and ends the process by that signal",
    async (signal) => {
      const dir = folder();
      const out = join(dir, "sweep.csv");
      const child = spawn(
        process.execPath,
        [
          "bin/mbn-cost.js",
          "sweep",
          "v2",
          "--alpha",
          "0.1:2:0.01",
          "--resolution",
          "32:4096:1",
          "--out",
          out,
        ],
        { stdio: "ignore" },
      );
      const ended = new Promise<NodeJS.Signals | null>((resolve) =>
        child.on("exit", (_code, s) => resolve(s)),
      );
      const deadline = Date.now() + 20_000;
      while (!readdirSync(dir).some((f) => f.includes(".tmp-")) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 10));
      expect(
        readdirSync(dir).some((f) => f.includes(".tmp-")),
        "the write started",
      ).toBe(true);
      child.kill(signal);
      expect(await ended).toBe(signal);
      expect(readdirSync(dir)).toEqual([]);
    },
  );
});
