/**
 * Mutation testing of the core (`npm run mutate`; not in CI, it takes long): each mutant of the
 * algebra, layers, model (ONNX mapping included), evaluation, budgets and the escaping/CSV code of
 * report must make some test fail. The vitest runner runs, per mutant, only the tests that cover it.
 * `npm run mutate -- --mutate 'src/algebra/**'` narrows a run to a folder.
 *
 * Per-test coverage credits a module's top-level code (a layer kind, a schema, a table of groupings)
 * to whichever test first imported it, so those mutants run against too few tests and are reported as
 * surviving: `--coverageAnalysis all` runs each against every test (slower; src/layers/norm.ts and
 * layer-scale.ts go from 12.5% and 10% to 100% so). `--ignoreStatic` skips mutants of code run only
 * while modules load.
 */
export default {
  testRunner: "vitest",
  vitest: { configFile: "test/vitest.mutate.config.ts" },
  coverageAnalysis: "perTest",
  mutate: [
    "src/algebra/**/*.ts",
    "src/layers/**/*.ts",
    "src/model/**/*.ts",
    "src/evaluate/**/*.ts",
    "src/budget/**/*.ts",
    "src/report/untrusted-text.ts",
    "src/report/csv.ts",
  ],
  ignorePatterns: ["test-results", ".stryker-tmp", "docs", "bench"],
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "test-results/mutation/index.html" },
  jsonReporter: { fileName: "test-results/mutation/mutation.json" },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  thresholds: { high: 95, low: 90, break: null },
  concurrency: 2,
  timeoutMS: 5000,
  timeoutFactor: 1.5,
  tempDirName: ".stryker-tmp",
};
