import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The built bin, run by the end-to-end tests. */
export const binPath = fileURLToPath(new URL("../dist/bin.cjs", import.meta.url));

/** The unprivileged account the tests use when they run as root (root reads files whatever their mode). */
export const UNPRIVILEGED = { uid: 65534, gid: 65534 } as const;

/** Whether these tests run as root, where file modes do not stop reads and writes. */
export const runningAsRoot = typeof process.getuid === "function" && process.getuid() === 0;

/** Spawn the real built bin with arguments, optional stdin and environment; `unprivileged` drops root first. */
export function spawnBin(
  args: string[],
  options: { cwd?: string; input?: string; env?: Record<string, string>; unprivileged?: boolean } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath, ...args], {
      cwd: options.cwd ?? process.cwd(),
      env: { PATH: process.env.PATH ?? "", ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
      ...(options.unprivileged === true && runningAsRoot ? UNPRIVILEGED : {}),
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });
}
