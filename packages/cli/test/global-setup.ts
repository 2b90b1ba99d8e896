import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// The spawn tests run the real built bin. The build task makes it (turbo runs build before test);
// the tests never rebuild it themselves, so they cannot race the tasks that read dist/.
// Afterwards, remove the temporary folders this run made (the streaming test writes ~80 MB).
export default function setup(): () => void {
  const startedAt = Date.now();
  const packageFolder = fileURLToPath(new URL("..", import.meta.url));
  if (!existsSync(`${packageFolder}/dist/bin.js`)) {
    throw new Error("packages/cli/dist/bin.js is missing: run `npm run build` first (npm test does this for you).");
  }
  return () => {
    for (const name of readdirSync(tmpdir())) {
      const path = join(tmpdir(), name);
      if (name.startsWith("selfmanage-cli-") && statSync(path).mtimeMs >= startedAt - 1000) rmSync(path, { recursive: true, force: true });
    }
  };
}
