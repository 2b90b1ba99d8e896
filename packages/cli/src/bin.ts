#!/usr/bin/env node
import { runCli } from "./cli";

// A reader that stops early (`selfmanage validate ... | head`) is not an error: stop quietly.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});

runCli(process.argv.slice(2)).then(
  (exitCode) => {
    if (process.env.SELFMANAGE_REPORT_MEMORY === "1") process.stderr.write(`maxRSS=${process.resourceUsage().maxRSS}\n`);
    process.exitCode = exitCode;
  },
  // runCli reports its own errors; this catches only a failure to write that report.
  (error: unknown) => {
    const detail = process.env.SELFMANAGE_DEBUG === "1" && error instanceof Error ? `\n${error.stack ?? error.message}` : "";
    process.stderr.write(`selfmanage: an unexpected error stopped the command (${error instanceof Error ? error.name : typeof error}). This is a bug: please report it.${detail}\n`);
    process.exitCode = 70;
  },
);
