/**
 * Damaged, truncated and non-ONNX files: one line on stderr, exit 2, nothing
 * on stdout, never a crash (exit 3) or a hang. A flipped bit may still leave a
 * valid file (a bit of a node's name): that one is counted (exit 0).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { runCli } from "../helpers/io.js";

const FIXTURE = new URL("../fixtures/onnx/mobilenet-v3-small-opset17.onnx", import.meta.url);
const bytes = readFileSync(FIXTURE);
const dir = mkdtempSync(join(tmpdir(), "mbn-onnx-"));

/** A small deterministic generator (mulberry32), so a failure names a reproducible case. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function count(name: string, content: Uint8Array) {
  const file = join(dir, name);
  writeFileSync(file, content);
  return runCli([file, "--format", "json", "-c", "torchvision"]);
}

function expectOneLineRefusal(r: Awaited<ReturnType<typeof count>>) {
  expect(r.code).toBe(2);
  expect(r.out).toBe("");
  expect(r.err.trim().split("\n")).toHaveLength(1);
  expect(r.err).toMatch(/^error: .*\.onnx: /);
}

describe("damaged ONNX files", () => {
  test("truncated at 60 places (the header, inside the graph, just before the end): each exits 2 with one line", async () => {
    const next = random(1);
    const cuts = [
      0,
      1,
      2,
      8,
      64,
      bytes.length - 1,
      ...Array.from({ length: 54 }, () => Math.floor(next() * bytes.length)),
    ];
    for (const cut of cuts)
      expectOneLineRefusal(await count(`truncated-${cut}.onnx`, bytes.subarray(0, cut)));
  });

  test("200 single-bit flips: each exits 2 with one line, or still reads as a valid graph; none crashes", async () => {
    const next = random(2);
    const codes = new Map<number, number>();
    for (let i = 0; i < 200; i++) {
      const copy = Uint8Array.from(bytes);
      const at = Math.floor(next() * copy.length);
      copy[at] = copy[at]! ^ (1 << Math.floor(next() * 8));
      const r = await count(`flipped-${i}.onnx`, copy);
      codes.set(r.code, (codes.get(r.code) ?? 0) + 1);
      if (r.code !== 0) expectOneLineRefusal(r);
    }
    expect([...codes.keys()].every((c) => c === 0 || c === 2)).toBe(true);
    expect(codes.get(2) ?? 0).toBeGreaterThan(0);
  });

  test("not ONNX at all: empty, JSON, text, random bytes", async () => {
    const next = random(3);
    const files: [string, Uint8Array][] = [
      ["empty.onnx", new Uint8Array()],
      [
        "model-json.onnx",
        new TextEncoder().encode(
          readFileSync(new URL("../../configs/mobilenet-v2.json", import.meta.url), "utf8"),
        ),
      ],
      ["text.onnx", new TextEncoder().encode("hello, this is not a model\n")],
      ["noise.onnx", Uint8Array.from({ length: 4096 }, () => Math.floor(next() * 256))],
    ];
    for (const [name, content] of files) expectOneLineRefusal(await count(name, content));
  });

  test("nothing is written: a damaged file with --out leaves no output file", async () => {
    const file = join(dir, "damaged-out.onnx");
    writeFileSync(file, bytes.subarray(0, bytes.length / 2));
    const r = await runCli([file, "--out", join(dir, "counts.csv")]);
    expectOneLineRefusal(r);
    expect(r.files.size).toBe(0);
  });

  test("a missing .onnx file and a folder named .onnx: one line, exit 2", async () => {
    expectOneLineRefusal(await runCli([join(dir, "absent.onnx")]));
    const folder = join(dir, "folder.onnx");
    mkdirSync(folder);
    expectOneLineRefusal(await runCli([folder]));
  });
});
