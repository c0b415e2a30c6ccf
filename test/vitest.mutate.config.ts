/**
 * The tests `npm run mutate` (StrykerJS) runs against each mutant: the suites that run the core
 * in-process (unit and property tests, the published figures). The CLI suites reach nearly every mutant
 * through main(argv, io) and would run thousands of tests each (hours); the e2e suite runs the built
 * bundle, which a mutant of src/ does not reach. `npm test` runs them all.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("..", import.meta.url));

/**
 * `MUTATE_TESTS=test/layers/**,test/published/*` narrows the suites, so that one folder's mutants can
 * run with `--coverageAnalysis off` (each against every test of the narrowed set) in minutes: per-test
 * coverage credits a module's top-level code to the first test that loaded it (stryker-js#6144).
 */
const narrowed = process.env.MUTATE_TESTS?.split(",").filter((glob) => glob !== "");

export default defineConfig({
  root,
  test: {
    include: narrowed ?? [
      "test/algebra/**/*.test.ts",
      "test/layers/**/*.test.ts",
      "test/model/**/*.test.ts",
      "test/evaluate/**/*.test.ts",
      "test/budget/**/*.test.ts",
      "test/onnx/!(cli).test.ts",
      "test/report/*.test.ts",
      "test/graph/!(onnx-shapes).test.ts",
      "test/published/*.test.ts",
      "test/io/*.test.ts",
      // TensorFlow Lite: the lowering, the examples and the comparisons in-process (the reader's spawn no bin)
      "test/tflite/!(reader).test.ts",
    ],
    setupFiles: ["test/setup/no-console.ts", "test/setup/fast-check.ts"],
    testTimeout: 30_000,
  },
});
