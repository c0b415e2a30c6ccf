/**
 * TensorFlow Lite files from tensorflow/tflite-micro (test/fixtures/tflite, Apache-2.0), counted as an
 * independent reader counts them (test/fixtures/tflite/expected.json, made by scripts/tflite-counts.py
 * with Debian's python3-flatbuffers and flatc's Python readers; tests never run Python): the products of
 * every CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED and TRANSPOSE_CONV, their filters' and biases' elements and stored
 * bytes, and of SVDF and UNIDIRECTIONAL_SEQUENCE_LSTM by the rule their kinds state. Every example model
 * is read and counted; an operator without a rule is refused in one line naming it.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { evaluateModel } from "../../src/evaluate/cost.js";
import { loadModel } from "../../src/io/read-model-spec.js";
import { resolveConvention } from "../../src/model/conventions.js";
import { InputError } from "../../src/errors.js";
import { decodeTfliteModel } from "../../src/io/tflite-decoder.js";
import { lowerTflite } from "../../src/model/tflite/lower.js";

const DIR = "test/fixtures/tflite";
const EXPECTED = JSON.parse(readFileSync(`${DIR}/expected.json`, "utf8")) as {
  source: string;
  files: Record<
    string,
    { ops: string[]; macs: number; params: number; weight_bytes: number; constant_bytes: number }
  >;
};
const ONE = { text: "1", value: 1 };

/** The operators whose products and weights the independent count covers. */
const WEIGHTED = [
  "CONV_2D",
  "DEPTHWISE_CONV_2D",
  "FULLY_CONNECTED",
  "TRANSPOSE_CONV",
  "SVDF",
  "UNIDIRECTIONAL_SEQUENCE_LSTM",
];

describe(`tflite-micro's models (${EXPECTED.source})`, () => {
  for (const [file, expected] of Object.entries(EXPECTED.files))
    test(`${file} under torchvision: its convs' and FCs' products, their weights and biases, and their bytes as stored`, async () => {
      const model = await loadModel(`${DIR}/${file}`, process.cwd());
      const r = evaluateModel(model, { alpha: ONE, convention: resolveConvention("torchvision") });
      // element-wise ops add no MACs under torchvision: the total is the products'
      const weighted = r.rows.filter((row) => WEIGHTED.includes(row.op));
      const sum = (pick: (row: (typeof weighted)[number]) => bigint) =>
        Number(weighted.reduce((total, row) => total + pick(row), 0n));
      expect({
        macs: Number(r.totals.macs),
        params: sum((row) => row.params),
        weight_bytes: sum((row) => row.storedBytes!),
      }).toEqual({ macs: expected.macs, params: expected.params, weight_bytes: expected.weight_bytes });
    });

  test("a Vela-compiled file is one custom operator, said with the constant bytes it reads", async () => {
    const model = await loadModel(`${DIR}/person_detect_vela.tflite`, process.cwd());
    const bytes = EXPECTED.files["person_detect_vela.tflite"]!.constant_bytes.toLocaleString("en-US");
    expect(model.spec.notes).toContain(
      `custom operators, counted as zero with the shapes the file declares: ethos-u (1 node, reading ${bytes} constant bytes)`,
    );
  });

  test("a builtin operator without a rule is refused in one line naming it and the tensor it writes", () => {
    const model = decodeTfliteModel(readFileSync(`${DIR}/add0.tflite`), "add0.tflite");
    const g = model.subgraphs[0]!;
    const unknown = {
      ...model,
      subgraphs: [{ ...g, operators: [{ ...g.operators[0]!, op: "NON_MAX_SUPPRESSION_V5" }] }],
    };
    const written = g.tensors[g.operators[0]!.outputs[0]!]!.name;
    expect(() => lowerTflite(unknown)).toThrow(
      new InputError(
        `operator 1 (NON_MAX_SUPPRESSION_V5, writing '${written}'): mbn-cost has no cost rule for NON_MAX_SUPPRESSION_V5 yet`,
      ),
    );
  });
});
