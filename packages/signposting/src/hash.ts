const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * 32-bit FNV-1a: small, fast and pure; not cryptographic.
 *
 * @example
 * ```ts
 * fnv1a("a"); // 3826002220
 * ```
 */
export function fnv1a(text: string, seed: number = FNV_OFFSET): number {
  let hash = seed >>> 0;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, FNV_PRIME) >>> 0;
  }
  return hash >>> 0;
}

/**
 * Some names repeat (taxonomy terms, organisations shared by many services): their UUIDs are
 * remembered, boundedly. Names made from a record's own id are met once, and are not remembered:
 * keeping them would only churn the memory.
 */
const REMEMBERED = 10_000;
const remembered = new Map<string, string>();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a string is a UUID in its usual 8-4-4-4-12 hexadecimal form.
 *
 * @example
 * ```ts
 * isUuid("ac148810-d857-441c-9679-408f346de14b"); // true
 * ```
 */
export function isUuid(value: string): boolean {
  return value.length === 36 && UUID.test(value);
}

/**
 * A stable UUID for a name: the name itself when it already is one, otherwise one made from four
 * FNV-1a passes, with the version nibble set to 8 (RFC 9562 "custom") so it is never mistaken for a random one.
 * With `repeats`, the answer is remembered for the next time the same name comes (see above).
 *
 * @example
 * ```ts
 * stableUuid("svc-1") === stableUuid("svc-1"); // true
 * stableUuid("term:sm-category:peer-support", true); // remembered for the next service with this term
 * ```
 */
export function stableUuid(name: string, repeats = false): string {
  if (isUuid(name)) return name;
  if (!repeats) return uuidFromName(name);
  const known = remembered.get(name);
  if (known !== undefined) return known;
  const uuid = uuidFromName(name);
  if (remembered.size >= REMEMBERED) remembered.clear();
  remembered.set(name, uuid);
  return uuid;
}

/** Room for the characters of a name; a longer one gets its own. */
const NAME_CODES = new Uint16Array(512);

function uuidFromName(name: string): string {
  // Signed 32-bit arithmetic all the way (`>>> 0` only at the end): the same bits as unsigned FNV-1a, without turning each step into a double.
  // The name's characters are read once, for the five passes below.
  const length = name.length;
  const codes = length <= NAME_CODES.length ? NAME_CODES : new Uint16Array(length);
  let seed = FNV_OFFSET | 0;
  for (let index = 0; index < length; index += 1) {
    const code = name.charCodeAt(index);
    codes[index] = code;
    seed = Math.imul(seed ^ code, FNV_PRIME);
  }
  let first = 0;
  let second = 0;
  let third = 0;
  let fourth = 0;
  for (let part = 0; part < 4; part += 1) {
    // FNV-1a runs left to right, so hashing "<part>:" and then the name is hashing `${part}:${name}`, without building the string.
    let hash = Math.imul(seed ^ (48 + part), FNV_PRIME);
    hash = Math.imul(hash ^ 58, FNV_PRIME);
    for (let index = 0; index < length; index += 1) hash = Math.imul(hash ^ (codes[index] as number), FNV_PRIME);
    seed = hash;
    if (part === 0) first = hash >>> 0;
    else if (part === 1) second = hash >>> 0;
    else if (part === 2) third = hash >>> 0;
    else fourth = hash >>> 0;
  }
  // The 32 hex digits of the four words, laid out 8-4-4-4-12 with the version nibble 8 and the
  // variant bits 10: written as character codes and made into one string at once, rather than
  // joined from pieces (which builds a chain of partial strings to flatten later).
  putHex(first, 0, 0, 8);
  putHex(second, 9, 0, 4);
  putHex(second, 15, 5, 8);
  UUID_CODES[19] = HEX_CODES[((third >>> 28) & 0x3) | 0x8] as number;
  putHex(third, 20, 1, 4);
  putHex(third, 24, 4, 8);
  putHex(fourth, 28, 0, 8);
  // Always 36 codes, far below any engine's argument limit, which is what the lint rule guards against.
  // eslint-disable-next-line no-restricted-syntax
  return String.fromCharCode.apply(null, UUID_CODES);
}

const HEX_CODES: readonly number[] = Array.from("0123456789abcdef", (digit: string) => digit.charCodeAt(0));
/** The characters of a UUID being made: hyphens and the version digit 8 stay; the rest is written each time. */
const UUID_CODES: number[] = Array.from("00000000-0000-8000-0000-000000000000", (character: string) => character.charCodeAt(0));

/** Write hex digits `from` to `to` (of the eight of a 32-bit word, most significant first) at `at`. */
function putHex(word: number, at: number, from: number, to: number): void {
  let rest = word;
  for (let digit = 7; digit >= 0; digit -= 1) {
    if (digit >= from && digit < to) UUID_CODES[at + digit - from] = HEX_CODES[rest & 0xf] as number;
    rest >>>= 4;
  }
}

/**
 * A 64-bit digest of a text, as 16 hexadecimal digits: two FNV-1a lanes with different seeds in
 * one pass. Not cryptographic; for telling records apart.
 *
 * @example
 * ```ts
 * digest64("a") === digest64("a"); // true
 * ```
 */
export function digest64(text: string): string {
  let left = FNV_OFFSET;
  let right = 0x9e3779b9;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    left = Math.imul(left ^ code, FNV_PRIME);
    right = Math.imul(right ^ code, 0x01000197);
  }
  return (left >>> 0).toString(16).padStart(8, "0") + (right >>> 0).toString(16).padStart(8, "0");
}
