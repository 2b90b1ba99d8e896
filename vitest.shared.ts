import { defineConfig } from "vitest/config";

/**
 * Shared vitest settings: colocated tests, type tests, and a coverage floor of
 * 90% lines and branches for every domain package. Results are also written as
 * JSON so that `scripts/test-summary.mjs` can print one closing line for the run.
 */
export function vitestPreset(options: { coverage?: boolean } = {}) {
  const coverage = options.coverage ?? true;
  return defineConfig({
    test: {
      include: ["src/**/*.test.ts", "test/**/*.test.ts"],
      typecheck: { enabled: true, include: ["src/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
      testTimeout: 60_000,
      reporters: ["default", "json"],
      outputFile: { json: "coverage/test-results.json" },
      coverage: {
        enabled: coverage,
        provider: "v8",
        include: ["src/**/*.ts"],
        exclude: ["src/**/*.test.ts", "src/**/*.test-d.ts", "src/index.ts"],
        reporter: ["text-summary", "json-summary"],
        thresholds: coverage ? { lines: 90, branches: 90, functions: 90, statements: 90 } : {},
      },
    },
  });
}
