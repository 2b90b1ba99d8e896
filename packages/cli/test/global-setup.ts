import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// The spawn tests run the real built bin. The build task makes it (turbo runs build before test);
// the tests never rebuild it themselves, so they cannot race the tasks that read dist/.
// Every temporary folder of this run lives under one folder of its own (TMPDIR is pointed at it
// before the test workers start, and they inherit it), so removing it afterwards can never touch
// another run's files, even when two runs share the machine. The streaming test writes ~80 MB.
export default function setup(): () => void {
  const packageFolder = fileURLToPath(new URL("..", import.meta.url));
  if (!existsSync(`${packageFolder}/dist/bin.js`)) {
    throw new Error("packages/cli/dist/bin.js is missing: run `npm run build` first (npm test does this for you).");
  }
  const previous = process.env.TMPDIR;
  const runFolder = mkdtempSync(join(tmpdir(), "smt-cli-tests-"));
  process.env.TMPDIR = runFolder;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(runFolder, { recursive: true, force: true });
  };
}
