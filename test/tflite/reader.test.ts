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
import { loadModel } from "../../src/io/read-model-spec.js";
import { decodeTfliteFile, decodeTfliteModel } from "../../src/io/tflite-decoder.js";
import { runCli } from "../helpers/io.js";
import { tfl, tfliteBytes } from "../helpers/tflite-builder.js";

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

describe("hostile files: one line, exit 2", () => {
  const write = (bytes: Uint8Array) => {
    const path = join(scratch(), "m.tflite");
    writeFileSync(path, bytes);
    return path;
  };
  const relu = (inputs: number[], outputs: number[]) => ({ code: tfl.BuiltinOperator.RELU, inputs, outputs });
  const io = { inputs: [0], outputs: [1] };

  test("a well-formed one counts", async () => {
    const path = write(
      tfliteBytes(
        [
          { name: "x", shape: [1, 4, 4, 2] },
          { name: "y", shape: [1, 4, 4, 2] },
        ],
        [relu([0], [1])],
        io,
      ),
    );
    const r = await runCli([path, "--totals", "-c", "ptflops", "--exact"]);
    expect([r.code, r.out]).toEqual([0, "m 4×4: 0 params · 64 MACs · 128 FLOPs (ptflops)\n"]);
  });

  test("subgraphs beyond the first are named in a note, not counted", async () => {
    const tensors = [
      { name: "x", shape: [1, 4] },
      { name: "y", shape: [1, 4] },
    ];
    const path = write(tfliteBytes(tensors, [relu([0], [1])], io, ["cond", "body"]));
    const model = await loadModel(path, process.cwd());
    expect(model.spec.notes).toContain(
      "2 more subgraphs (the bodies of control flow: cond, 0 operators; body, 0 operators) not counted: only the first, the one TFLite runs",
    );
  });

  test("an operator naming a tensor the subgraph does not have", async () => {
    const path = write(
      tfliteBytes(
        [
          { name: "x", shape: [1, 4] },
          { name: "y", shape: [1, 4] },
        ],
        [relu([0], [7])],
        io,
      ),
    );
    const r = await runCli([path]);
    expect([r.code, r.err]).toEqual([
      2,
      "error: m.tflite: operator 1 (RELU) names tensor 7, and the subgraph has 2\n",
    ]);
  });

  test("a negative dim", async () => {
    const path = write(
      tfliteBytes(
        [
          { name: "x", shape: [1, -4] },
          { name: "y", shape: [1, 4] },
        ],
        [relu([0], [1])],
        io,
      ),
    );
    const r = await runCli([path]);
    expect([r.code, r.err]).toEqual([
      2,
      "error: m.tflite: tensor 0 ('x') has shape [1, -4]: dims are sizes from 0 to 2^31 − 1\n",
    ]);
  });

  test("an operator reading a tensor only a later one writes (a cycle, or operators out of order)", async () => {
    const tensors = [
      { name: "x", shape: [1, 4] },
      { name: "a", shape: [1, 4] },
      { name: "b", shape: [1, 4] },
    ];
    const path = write(tfliteBytes(tensors, [relu([2], [1]), relu([1], [2])], { inputs: [0], outputs: [2] }));
    const r = await runCli([path]);
    expect([r.code, r.err]).toEqual([2, "error: m.tflite: RELU 'a': its input 'b' has no known shape\n"]);
  });

  test("an output the file declares otherwise than the operator makes", async () => {
    const path = write(
      tfliteBytes(
        [
          { name: "x", shape: [1, 4] },
          { name: "y", shape: [1, 5] },
        ],
        [relu([0], [1])],
        io,
      ),
    );
    const r = await runCli([path]);
    expect([r.code, r.err]).toEqual([
      2,
      "error: m.tflite: operator 1 (RELU) writes 'y' as 1×4, where the file declares 1×5\n",
    ]);
  });

  test("a budget on a .tflite file, relative to the budgets file", async () => {
    const dir = scratch();
    copyFileSync(`${DIR}/person_detect.tflite`, join(dir, "person.tflite"));
    const budgets = join(dir, "budgets.json");
    writeFileSync(
      budgets,
      JSON.stringify({ budgets: [{ model: "person.tflite", max_macs: "7.2M", max_arena_bytes: 55000 }] }),
    );
    const r = await runCli(["check", budgets]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/arena \(bytes\)/);
  });
});

describe("quantization as the file stores it", () => {
  test("per channel (person_detect's convs), per tensor (hello_world's FCs), and the element types", async () => {
    const notes = async (file: string) =>
      (await loadModel(`${DIR}/${file}`, process.cwd())).spec.notes!.filter((n) => n.startsWith("quantized"));
    expect(await notes("person_detect.tflite")).toEqual([
      "quantized (int8, int32): 56 constants per channel, 0 per tensor",
    ]);
    expect(await notes("hello_world_int8.tflite")).toEqual([
      "quantized (int8, int32): 0 constants per channel, 6 per tensor",
    ]);
    expect(await notes("hello_world_float.tflite")).toEqual([]);
  });
});
