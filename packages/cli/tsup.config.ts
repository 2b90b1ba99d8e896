import { preset } from "../../tsup.preset";

// Keep `node:` prefixes: the CLI runs on Node only, and the prefix makes that explicit.
// Split chunks, so that each command's dynamic import() in commands/index.ts loads its module
// (and the packages it uses) only when that command runs: `selfmanage --help` loads none of them.
export default preset({ entry: ["src/index.ts", "src/bin.ts"], platform: "node", shims: true, removeNodeProtocol: false, splitting: true });
