import { defineConfig, type Options } from "tsup";

/**
 * The one build preset every package uses: ESM and CJS side by side, each with
 * its own declarations (`.d.ts` / `.d.cts`), source maps, and tree-shakeable output.
 */
export function preset(overrides: Options = {}): ReturnType<typeof defineConfig> {
  return defineConfig({
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    treeshake: true,
    splitting: false,
    target: "es2022",
    platform: "neutral",
    outDir: "dist",
    ...overrides,
  });
}
