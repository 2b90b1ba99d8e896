/**
 * One CSV field per RFC 4180: quoted when it holds a comma, quote, or line break; quotes doubled.
 *
 * @example
 * ```ts
 * csvField('say "hi", please'); // "\"say \"\"hi\"\", please\""
 * ```
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  // A leading = + - @ makes spreadsheets run the cell as a formula; a quote-prefixed apostrophe stops that.
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === "string" ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * One CSV row, without the line ending.
 *
 * @example
 * ```ts
 * csvRow(["a,b", 1, null]); // "\"a,b\",1,"
 * ```
 */
export function csvRow(values: readonly (string | number | boolean | null | undefined)[]): string {
  return values.map(csvField).join(",");
}
