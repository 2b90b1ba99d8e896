// Size budgets as a consumer's browser bundle pays them. size-limit leaves peer dependencies out
// of a bundle; zod is a peer here, but a consumer bundle includes it, so the consumer figures put
// it back. Each package's .size-limit.cjs calls sizeBudgets().

/** Puts the peer dependency zod back into the bundle size-limit measures. */
function withZod(config) {
  return { ...config, external: (config.external ?? []).filter((name) => name !== "zod") };
}

/**
 * @param {string} packageName the package, for the budget names
 * @param {{ ownCode: string, dependencies?: string[], consumer: Record<string, string>, path?: string }} budgets
 *   ownCode: the package's own code, with zod and its dependencies left out;
 *   consumer: import specifier (e.g. "{ gasTScore }" or "*") -> limit for a consumer bundle that
 *   imports just that, zod and every dependency included.
 */
function sizeBudgets(packageName, { ownCode, dependencies = [], consumer, path = "dist/index.js" }) {
  return [
    { name: `${packageName}: own code (zod and dependencies left out)`, path, import: "*", ignore: ["zod", ...dependencies], limit: ownCode },
    ...Object.entries(consumer).map(([specifier, limit]) => ({
      name: `${packageName}: a consumer bundle importing ${specifier === "*" ? "everything" : specifier} (zod and dependencies included)`,
      path,
      import: specifier,
      limit,
      modifyEsbuildConfig: withZod,
    })),
  ];
}

module.exports = { sizeBudgets };
