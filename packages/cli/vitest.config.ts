import { defineConfig, mergeConfig } from "vitest/config";
import { vitestPreset } from "../../vitest.shared";

// The bin is a three-line wrapper around runCli and is exercised by the spawn tests instead.
export default mergeConfig(
  vitestPreset(),
  defineConfig({
    test: {
      globalSetup: ["./test/global-setup.ts"],
      coverage: { exclude: ["src/**/*.test.ts", "src/**/*.test-d.ts", "src/index.ts", "src/bin.ts"] },
    },
  }),
);
