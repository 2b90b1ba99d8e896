import { preset } from "../../tsup.preset";

// Keep `node:` prefixes: the CLI runs on Node only, and the prefix makes that explicit.
// `reports` is the pure report rendering (no Node built-ins), for browsers too.
export default preset({ entry: { index: "src/index.ts", bin: "src/bin.ts", reports: "src/reports/index.ts" }, platform: "node", shims: true, removeNodeProtocol: false });
