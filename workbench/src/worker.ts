// The workbench's worker: reads the files (with progress), then checks and scores them, so the
// page stays responsive however big they are. It has no network access of its own to use:
// the page's Content-Security-Policy (inherited by this worker) forbids every connection.
import { csvRow } from "@selfmanage/cli/reports";
import { checkFiles, type CheckOptions, type TextFile } from "./check";
import { issuesCsv, scoresCsv } from "./results";

/** What the page asks the worker to do. */
export interface CheckRequest {
  readonly files: readonly File[];
  readonly options: CheckOptions;
}

/** What the worker tells the page. */
export type WorkerMessage =
  | { readonly type: "progress"; readonly phase: "reading" | "checking"; readonly done: number; readonly total: number }
  | { readonly type: "result"; readonly result: ReturnType<typeof checkFiles>; readonly csv: { readonly issues: string; readonly scores: string } }
  | { readonly type: "error"; readonly message: string };

const post = (message: WorkerMessage): void => (self as unknown as Worker).postMessage(message);

async function readText(file: File, onBytes: (bytes: number) => void): Promise<string> {
  const reader = file.stream().getReader();
  const decoder = new TextDecoder("utf-8");
  const parts: string[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(decoder.decode(value, { stream: true }));
    onBytes(value.byteLength);
  }
  parts.push(decoder.decode());
  return parts.join("");
}

self.addEventListener("message", (event: MessageEvent<CheckRequest>) => {
  void (async () => {
    try {
      const { files, options } = event.data;
      const total = files.reduce((sum, file) => sum + file.size, 0);
      let read = 0;
      let lastPost = 0;
      const texts: TextFile[] = [];
      for (const file of files) {
        const text = await readText(file, (bytes) => {
          read += bytes;
          if (read - lastPost >= 256 * 1024 || read === total) {
            lastPost = read;
            post({ type: "progress", phase: "reading", done: read, total });
          }
        });
        texts.push({ name: file.name, text });
      }
      post({ type: "progress", phase: "reading", done: total, total });
      const result = checkFiles(texts, options, (done, count) => post({ type: "progress", phase: "checking", done, total: count }));
      // CSV is written by the CLI's own writer, which also defuses spreadsheet formulas.
      post({ type: "result", result, csv: { issues: issuesCsv(result, csvRow), scores: scoresCsv(result, csvRow) } });
    } catch (error) {
      post({ type: "error", message: error instanceof Error ? error.message : String(error) });
    }
  })();
});
