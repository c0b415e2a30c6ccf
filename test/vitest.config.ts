import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  root,
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup/no-console.ts", "test/setup/fast-check.ts"],
    globalSetup: ["test/setup/print-seed.ts"],
    testTimeout: 30_000,
    // The JSON report feeds .ci/run's closing line "tests: N passed, M failed".
    reporters: ["default", "json"],
    outputFile: { json: "test-results/vitest.json" },
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts"],
      exclude: [
        // the calculator page's browser entry: it runs only in Chromium (test/e2e/browser.test.ts drives it
        // through the built page), where V8's coverage of this process cannot see it
        "src/app/main.ts",
        // the process boundary (stdout and stderr streams, their write errors, the signals of a closed
        // pipe): it runs only in the spawned bin (test/e2e/bin.test.ts), which this process cannot see
        "src/cli/io.ts",
      ],
      reporter: ["text-summary", "json-summary"],
      reportsDirectory: "test-results/coverage",
      thresholds: { lines: 95, branches: 90 },
    },
  },
});
