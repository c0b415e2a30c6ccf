/**
 * --out never destroys what it does not own: files are replaced atomically
 * (and only with --force), links are followed, devices and pipes are written
 * to, not replaced. Every path here is one the test creates.
 */
import { spawn, spawnSync } from "node:child_process";
import {
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
  test("a new file is written whole; an existing one only with force", () => {
    const dir = folder();
    const file = join(dir, "a.csv");
    writeFileAtomic(file, ["x,", "1\n"], false);
    expect(readFileSync(file, "utf8")).toBe("x,1\n");
    expect(() => writeFileAtomic(file, "new", false)).toThrow(/file exists; add --force/);
    writeFileAtomic(file, "new", true);
    expect(readFileSync(file, "utf8")).toBe("new");
    expect(readdirSync(dir)).toEqual(["a.csv"]); // no temporary file left behind
  });

  test("a failure while writing leaves the old file and no temporary file", () => {
    const dir = folder();
    const file = join(dir, "a.csv");
    writeFileSync(file, "old");
    function* failing() {
      yield "half";
      throw new InputError("layer x: too small");
    }
    expect(() => writeFileAtomic(file, failing(), true)).toThrow(/too small/);
    expect(readFileSync(file, "utf8")).toBe("old");
    expect(readdirSync(dir)).toEqual(["a.csv"]);
  });

  test("a symbolic link is followed: the target gets the content, the link stays a link", () => {
    const dir = folder();
    writeFileSync(join(dir, "real.csv"), "old");
    symlinkSync("real.csv", join(dir, "link.csv"));
    expect(() => writeFileAtomic(join(dir, "link.csv"), "new", false)).toThrow(/file exists/);
    writeFileAtomic(join(dir, "link.csv"), "new", true);
    expect(lstatSync(join(dir, "link.csv")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, "link.csv"))).toBe("real.csv");
    expect(readFileSync(join(dir, "real.csv"), "utf8")).toBe("new");
  });

  test("a link to a missing file is refused", () => {
    const dir = folder();
    symlinkSync("nowhere.csv", join(dir, "dangling.csv"));
    expect(() => writeFileAtomic(join(dir, "dangling.csv"), "x", true)).toThrow(
      /symbolic link to a missing file/,
    );
    expect(existsSync(join(dir, "nowhere.csv"))).toBe(false);
  });

  test("a character device is written to, not replaced (a link to /dev/null, made here)", () => {
    const dir = folder();
    symlinkSync("/dev/null", join(dir, "null"));
    writeFileAtomic(join(dir, "null"), "discarded", false);
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
    writeFileAtomic(fifo, ["through ", "the pipe"], false);
    await done;
    expect(received).toBe("through the pipe");
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  test("a folder, or a missing folder, is refused", () => {
    const dir = folder();
    expect(() => writeFileAtomic(dir, "x", true)).toThrow(/is a folder/);
    expect(() => writeFileAtomic(join(dir, "no", "x.csv"), "x", true)).toThrow(
      /folder '.*no' does not exist/,
    );
  });
});
