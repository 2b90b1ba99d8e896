import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import type { CliIo } from "../src/io";

/** A CliIo that captures output, with optional stdin text and terminal flags. */
export function createTestIo(options: { stdin?: string; env?: Record<string, string>; cwd?: string; stdoutTTY?: boolean; stderrTTY?: boolean } = {}) {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: { write: (chunk) => ((stdout += chunk), true), isTTY: options.stdoutTTY ?? false },
    stderr: { write: (chunk) => ((stderr += chunk), true), isTTY: options.stderrTTY ?? false },
    stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
  };
  return { io, stdout: () => stdout, stderr: () => stderr };
}

/** A fresh temporary folder with the given files written into it, inside this test run's own folder. */
export function tempFolder(files: Record<string, string | unknown> = {}): string {
  const folder = mkdtempSync(join(process.env.SELFMANAGE_TEST_TMPDIR ?? tmpdir(), "selfmanage-cli-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), typeof content === "string" ? content : JSON.stringify(content));
  return folder;
}

/** A sentinel that must never appear in output: it stands for personal data in a rejected value. */
export const SENTINEL = "SENTINEL-Jessie-McTavish-0131";
