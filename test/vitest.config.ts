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
  },
});
