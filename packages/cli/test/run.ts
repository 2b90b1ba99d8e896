import { runCli } from "../src/index";
import { createTestIo } from "./helpers";

/** Run the CLI in-process and collect exit code and output. */
export async function run(args: string[], options: Parameters<typeof createTestIo>[0] = {}) {
  const test = createTestIo(options);
  const code = await runCli(args, test.io);
  return { code, stdout: test.stdout(), stderr: test.stderr() };
}

