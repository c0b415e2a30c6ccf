/**
 * The tests `npm run mutate` (StrykerJS) runs against each mutant: the unit and property tests of the
 * core, in-process. The e2e, CLI and published-figure suites go through the built bundle or the whole
 * CLI, which a mutant of src/ does not reach (or reaches only slowly); `npm test` runs them all.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  root,
  test: {
    include: [
      "test/algebra/**/*.test.ts",
      "test/layers/**/*.test.ts",
      "test/model/**/*.test.ts",
      "test/evaluate/**/*.test.ts",
      "test/budget/**/*.test.ts",
      "test/onnx/{mapping,handlers,hostile-graphs,probes,fixtures}.test.ts",
      "test/report/*.test.ts",
    ],
    setupFiles: ["test/setup/no-console.ts", "test/setup/fast-check.ts"],
    testTimeout: 30_000,
  },
});
