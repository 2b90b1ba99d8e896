// The browser checks need headless Chromium. `npm test` runs this first: it finds Chromium, or
// installs Debian's package when it can (root, or passwordless sudo, with apt-get), or stops at
// once with one line saying what to run.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const executable = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (existsSync(executable)) process.exit(0);

const script = fileURLToPath(new URL("install-system-deps.sh", import.meta.url));
const hasAptGet = spawnSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" }).status === 0;
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const canSudo = !isRoot && spawnSync("sudo", ["-n", "true"], { stdio: "ignore" }).status === 0;

if (process.env.CHROMIUM_PATH === undefined && hasAptGet && (isRoot || canSudo)) {
  console.log(`Chromium is not installed: installing Debian's chromium package (bash ${"scripts/install-system-deps.sh"}).`);
  const install = spawnSync("bash", [script], { stdio: "inherit" });
  if (install.status === 0 && existsSync(executable)) process.exit(0);
}
console.error(
  `Chromium was not found at ${executable} and could not be installed here: run \`sudo bash scripts/install-system-deps.sh\` (Debian), or set CHROMIUM_PATH to a Chromium binary.`,
);
process.exit(1);
