const toolkit = ["@selfmanage/core", "@selfmanage/goals", "@selfmanage/coproduction", "@selfmanage/recovery", "@selfmanage/signposting", "@selfmanage/practice", "@selfmanage/fhir"];
// The command runs on Node: its budgets leave Node built-ins out; the last one counts zod back in.
module.exports = [
  { name: "@selfmanage/cli: runCli, own code (toolkit packages, zod and Node built-ins left out)", path: "dist/index.js", import: "{ runCli }", ignore: ["zod", ...toolkit, "node:*"], limit: "50 kB" },
  { name: "@selfmanage/cli: bin, own code (toolkit packages, zod and Node built-ins left out)", path: "dist/bin.js", ignore: ["zod", ...toolkit, "node:*"], limit: "50 kB" },
  {
    name: "@selfmanage/cli: bin with the toolkit packages and zod (Node built-ins left out)",
    path: "dist/bin.js",
    ignore: ["node:*"],
    limit: "200 kB",
    modifyEsbuildConfig: (config) => ({ ...config, external: (config.external ?? []).filter((name) => name !== "zod") }),
  },
];
