import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// The spawn tests run the real built bin. The build task makes it (turbo runs build before test);
// the tests never rebuild it themselves, so they cannot race the tasks that read dist/.
// Every temporary folder of this run lives under one folder of its own (SELFMANAGE_TEST_TMPDIR,
// and TMPDIR for anything that asks the system, both set before the test workers start, which
// inherit them), removed afterwards (the streaming test writes ~80 MB). Only that folder: other
// runs on the same machine keep theirs.
export default function setup(): () => void {
  const packageFolder = fileURLToPath(new URL("..", import.meta.url));
  if (!existsSync(`${packageFolder}/dist/bin.cjs`)) {
    throw new Error("packages/cli/dist/bin.cjs is missing: run `npm run build` first (npm test does this for you).");
  }
  const root = mkdtempSync(join(tmpdir(), "smt-cli-run-"));
  // The permission tests run the bin as an unprivileged user, who must be able to pass through.
  chmodSync(root, 0o755);
  const previous = process.env.TMPDIR;
  process.env.SELFMANAGE_TEST_TMPDIR = root;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
