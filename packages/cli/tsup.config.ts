import { preset } from "../../tsup.preset";

// Keep `node:` prefixes: the CLI runs on Node only, and the prefix makes that explicit.
export default preset({ entry: ["src/index.ts", "src/bin.ts"], platform: "node", shims: true, removeNodeProtocol: false });
