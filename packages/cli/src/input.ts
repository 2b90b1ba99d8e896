import { isUtf8 } from "node:buffer";
import { open, type FileHandle } from "node:fs/promises";
import { resolve } from "node:path";
import type { Readable } from "node:stream";
import { UsageError, type CliIo } from "./io";

/** How standard input is named in every message and in `--format json` output. */
export const STDIN_NAME = "<stdin>";

const OPEN_PROBLEMS: Readonly<Record<string, string>> = {
  ENOENT: "the file does not exist.",
  EACCES: "permission denied.",
  EPERM: "permission denied.",
  EISDIR: "it is a folder, not a file.",
  ENOTDIR: "a part of the path is a file, not a folder.",
  ELOOP: "it is a loop of symbolic links.",
  ENAMETOOLONG: "the name is too long.",
};

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "unknown";
}

/**
 * A usage error (exit code 2) for an input that cannot be opened or read, in one line.
 *
 * @example
 * ```ts
 * inputError("goals.json", Object.assign(new Error(), { code: "EACCES" }), "open").message;
 * // "Cannot read goals.json: permission denied."
 * ```
 */
export function inputError(file: string, error: unknown, stage: "open" | "read"): UsageError {
  if (error instanceof UsageError) return error;
  const code = errorCode(error);
  const known = Object.hasOwn(OPEN_PROBLEMS, code) ? OPEN_PROBLEMS[code] : undefined;
  const problem = known ?? `the file could not be ${stage === "open" ? "opened" : "read"} (${code}).`;
  return new UsageError(`Cannot read ${file}: ${problem}`);
}

async function openHandle(file: string, io: CliIo): Promise<FileHandle> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(resolve(io.cwd, file), "r");
    if ((await handle.stat()).isDirectory()) throw Object.assign(new Error("folder"), { code: "EISDIR" });
    return handle;
  } catch (error) {
    await handle?.close().catch(() => undefined);
    throw inputError(file, error, "open");
  }
}

/**
 * Open a file for reading (or standard input for `-`). The file is opened at once, so a
 * missing or unreadable file is a usage error here, before any output.
 *
 * @example
 * ```ts
 * const stream = await openInput("services.ndjson", processIo());
 * ```
 */
export async function openInput(file: string, io: CliIo): Promise<Readable> {
  if (file === "-") return io.stdin;
  const handle = await openHandle(file, io);
  return handle.createReadStream({ autoClose: true });
}

/**
 * Make sure every named file can be opened, before any output: a typo or a file without read
 * permission fails fast with exit code 2.
 *
 * @example
 * ```ts
 * await checkInputsReadable(["goals.json", "-"], processIo());
 * ```
 */
export async function checkInputsReadable(files: readonly string[], io: CliIo): Promise<void> {
  for (const file of files) if (file !== "-") await (await openHandle(file, io)).close();
}

/**
 * Where the first byte that is not part of a well-formed UTF-8 character is (RFC 3629: no
 * overlong forms, no surrogates, nothing above U+10FFFF), or -1 when every byte is.
 *
 * @example
 * ```ts
 * firstInvalidUtf8(Buffer.from([0x61, 0xff, 0x62])); // 1
 * ```
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] as number;
    if (lead < 0x80) {
      index++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return index;
    for (let offset = 1; offset < length; offset++) {
      const next = bytes[index + offset];
      const bounds = offset === 1 ? [low, high] : [0x80, 0xbf];
      if (next === undefined || next < (bounds[0] as number) || next > (bounds[1] as number)) return index;
    }
    index += length;
  }
  return -1;
}

/**
 * One line of an input: its text, or where its first byte that is not UTF-8 is.
 *
 * @example
 * ```ts
 * const line: InputLine = { line: 1, byteOffset: 0, text: '{"id":"a"}' };
 * ```
 */
export type InputLine =
  | { readonly line: number; readonly byteOffset: number; readonly text: string; readonly invalidByte?: undefined }
  | { readonly line: number; readonly byteOffset: number; readonly text?: undefined; readonly invalidByte: number };

function decodeLine(bytes: Buffer, line: number, byteOffset: number): InputLine {
  let start = 0;
  // A UTF-8 byte order mark at the very start is not text.
  if (byteOffset === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  let end = bytes.length;
  if (bytes[end - 1] === 0x0d) end--;
  const content = bytes.subarray(start, end);
  if (isUtf8(content)) return { line, byteOffset, text: content.toString("utf8") };
  return { line, byteOffset, invalidByte: byteOffset + start + firstInvalidUtf8(content) };
}

function toBuffer(chunk: unknown): Buffer {
  if (typeof chunk === "string") return Buffer.from(chunk, "utf8");
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
}

/**
 * Read an input line by line (LF or CRLF), as bytes checked for UTF-8, so memory stays flat
 * however long the file is and a bad byte is located exactly.
 *
 * @example
 * ```ts
 * for await (const line of readLines("services.ndjson", processIo())) console.log(line.line, line.text);
 * ```
 */
export async function* readLines(file: string, io: CliIo): AsyncGenerator<InputLine> {
  const stream = await openInput(file, io);
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let line = 0;
  let lineOffset = 0;
  try {
    for await (const chunk of stream) {
      const bytes = toBuffer(chunk);
      let start = 0;
      for (let newline = bytes.indexOf(0x0a); newline !== -1; newline = bytes.indexOf(0x0a, start)) {
        const piece = bytes.subarray(start, newline);
        const whole = pendingLength === 0 ? piece : Buffer.concat([...pending, piece], pendingLength + piece.length);
        pending = [];
        pendingLength = 0;
        line++;
        yield decodeLine(whole, line, lineOffset);
        lineOffset += whole.length + 1;
        start = newline + 1;
      }
      if (start < bytes.length) {
        const rest = bytes.subarray(start);
        pending.push(rest);
        pendingLength += rest.length;
      }
    }
  } catch (error) {
    throw inputError(file === "-" ? STDIN_NAME : file, error, "read");
  } finally {
    if (file !== "-") stream.destroy();
  }
  if (pendingLength > 0) yield decodeLine(Buffer.concat(pending, pendingLength), line + 1, lineOffset);
}
