import type { CliIo } from "./io";

const EVERY = 10_000;

/**
 * A progress counter on stderr, shown only when stderr is a terminal (long inputs).
 *
 * @example
 * ```ts
 * const progress: Progress = startProgress(processIo(), "Checking");
 * progress.tick();
 * progress.done();
 * ```
 */
export interface Progress {
  tick(): void;
  done(): void;
}

/**
 * Count records on stderr every 10,000 records; silent when stderr is not a terminal.
 *
 * @example
 * ```ts
 * const progress = startProgress(processIo(), "Checking services");
 * ```
 */
export function startProgress(io: CliIo, label: string): Progress {
  if (io.stderr.isTTY !== true) return { tick: () => undefined, done: () => undefined };
  let count = 0;
  let shown = false;
  return {
    tick() {
      count++;
      if (count % EVERY === 0) {
        shown = true;
        io.stderr.write(`\r${label}: ${count.toLocaleString("en-GB")} records`);
      }
    },
    done() {
      if (shown) io.stderr.write("\r\u001b[K");
    },
  };
}
