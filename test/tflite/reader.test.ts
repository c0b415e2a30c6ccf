/**
 * Reading TFLite files: a page at a time from the file as from memory, the format known by its TFL3
 * identifier whatever the file is called, damaged files refused in one line.
 */
import {
  closeSync,
  copyFileSync,
  mkdtempSync,
  openSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { decodeTfliteFile, decodeTfliteModel } from "../../src/io/tflite-decoder.js";
import { runCli } from "../helpers/io.js";

const DIR = "test/fixtures/tflite";
const scratch = () => mkdtempSync(join(tmpdir(), "mbn-tflite-"));

describe("the TFLite reader", () => {
  test("a file read a page at a time decodes as the same bytes in memory do (every example)", () => {
    for (const file of [
      "person_detect.tflite",
      "micro_speech_lstm.tflite",
      "keyword_scrambled.tflite",
      "mobilenet_v2_quantized_1x3x224x224.tflite",
    ]) {
      const path = `${DIR}/${file}`;
      const fd = openSync(path, "r");
      try {
        expect(decodeTfliteFile(fd, statSync(path).size, file)).toEqual(
          decodeTfliteModel(readFileSync(path), file),
        );
      } finally {
        closeSync(fd);
      }
    }
  });

  test("the format is known by its identifier: a .bin copy is read as TFLite", async () => {
    const copy = join(scratch(), "model.bin");
    copyFileSync(`${DIR}/person_detect.tflite`, copy);
    const [asBin, asTflite] = await Promise.all([
      runCli([copy, "--totals", "-f", "json"]),
      runCli([`${DIR}/person_detect.tflite`, "--totals", "-f", "json"]),
    ]);
    expect(asBin.code).toBe(0);
    expect(JSON.parse(asBin.out).totals).toEqual(JSON.parse(asTflite.out).totals);
  });

  test("a truncated file, or one without the identifier, is refused in one line (exit 2)", async () => {
    const dir = scratch();
    const bytes = readFileSync(`${DIR}/person_detect.tflite`);
    writeFileSync(join(dir, "cut.tflite"), bytes.subarray(0, 2000));
    writeFileSync(join(dir, "json.tflite"), '{"layers": []}');
    const cut = await runCli([join(dir, "cut.tflite")]);
    expect(cut.code).toBe(2);
    expect(cut.err).toMatch(
      /^error: cut\.tflite: not a valid TensorFlow Lite file \(offset \d+ is outside the file\)\n$/,
    );
    const json = await runCli([join(dir, "json.tflite")]);
    expect([json.code, json.err]).toEqual([
      2,
      "error: json.tflite: not a TensorFlow Lite file (no TFL3 identifier)\n",
    ]);
  });
});
