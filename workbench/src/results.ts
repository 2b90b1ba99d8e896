// The shapes the worker hands the page, and the downloads made from them. No package imports:
// the page itself stays small, and the packages load in the worker only.

/** The kinds of file the workbench checks. */
export const KINDS = {
  oruk: "Open Referral UK feed",
  aliss: "ALISS services response",
  goals: "Goals",
  responses: "Instrument responses",
  instrument: "Instrument (questionnaire)",
  coproduction: "Co-production assessment",
  indicators: "Recovery indicator assessment",
  directory: "Directory",
} as const;

/** A kind of file. */
export type Kind = keyof typeof KINDS;

/** A file as the worker has it: its name and text. */
export interface TextFile {
  readonly name: string;
  readonly text: string;
}

/** One issue, located in its file. */
export interface FoundIssue {
  readonly file: string;
  readonly line?: number;
  readonly record?: number;
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

/** A table of figures. */
export interface ScoreTable {
  readonly title: string;
  readonly headers: readonly string[];
  readonly rows: ReadonlyArray<ReadonlyArray<string | number>>;
}

/** Everything the page shows about the files it was given. */
export interface CheckResult {
  readonly kind: Kind;
  readonly kindLabel: string;
  readonly detected: boolean;
  readonly files: ReadonlyArray<{ readonly name: string; readonly layout: "json" | "ndjson"; readonly records: number }>;
  readonly records: number;
  readonly valid: number;
  readonly invalid: number;
  readonly issues: readonly FoundIssue[];
  readonly scores: readonly ScoreTable[];
  readonly report?: { readonly html: string; readonly summary: string };
  readonly notes: readonly string[];
}

/** The results as CSV: one row per issue. */
export function issuesCsv(result: CheckResult, row: (values: readonly (string | number | undefined)[]) => string): string {
  return [row(["file", "line", "record", "path", "code", "message"]), ...result.issues.map((found) => row([found.file, found.line, found.record, found.path, found.code, found.message]))].join("\r\n") + "\r\n";
}

/** The score tables as CSV: table, then its rows. */
export function scoresCsv(result: CheckResult, row: (values: readonly (string | number | undefined)[]) => string): string {
  return [row(["table", "label", "value", "more"]), ...result.scores.flatMap((table) => table.rows.map((values) => row([table.title, ...values])))].join("\r\n") + "\r\n";
}
