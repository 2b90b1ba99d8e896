import { defineConfig } from "vitest/config";

// The workbench's browser tests run after the docs build (by `docs:check`), against docs-site/.
export default defineConfig({
  test: {
    root: "workbench",
    include: ["test/**/*.test.ts"],
    testTimeout: 180_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    reporters: ["default", "json"],
    outputFile: { json: "../.docs-check/workbench/test-results.json" },
  },
});
