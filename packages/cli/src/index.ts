/**
 * The `selfmanage` command of the Self Management Toolkit, and the same command as a function
 * ({@link runCli}) for tools and tests that prefer to run it in-process.
 *
 * @packageDocumentation
 */
export { runCli } from "./cli";
export type { CliIo, OutputStream } from "./io";
export { readRecords } from "./records";
export type { InputLayout, InputRecord, RecordSource } from "./records";
export { ReportedIssue } from "./reported-issue";
