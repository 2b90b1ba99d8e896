import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// The spawn tests run the real built bin. `npm test` builds first; this covers a bare `vitest run`.
// Afterwards, remove the temporary folders this run made (the streaming test writes ~80 MB).
export default function setup(): () => void {
  const startedAt = Date.now();
  const packageFolder = fileURLToPath(new URL("..", import.meta.url));
  if (!existsSync(`${packageFolder}/dist/bin.js`)) execFileSync("npx", ["tsup"], { cwd: packageFolder, stdio: "inherit" });
  return () => {
    for (const name of readdirSync(tmpdir())) {
      const path = join(tmpdir(), name);
      if (name.startsWith("selfmanage-cli-") && statSync(path).mtimeMs >= startedAt - 1000) rmSync(path, { recursive: true, force: true });
    }
  };
}
