import { preset } from "../../tsup.preset";

// Keep `node:` prefixes: the CLI runs on Node only, and the prefix makes that explicit.
// `reports` is the pure report rendering (no Node built-ins), for browsers too. Split chunks, so
// that each command's dynamic import() in commands/index.ts loads its module (and the packages it
// uses) only when that command runs: `selfmanage --help` loads none of them.
export default preset({ entry: { index: "src/index.ts", bin: "src/bin.ts", reports: "src/reports/index.ts" }, platform: "node", shims: true, removeNodeProtocol: false, splitting: true });
