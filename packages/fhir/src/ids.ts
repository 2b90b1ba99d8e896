/** Deterministic ids for FHIR: resource ids and `urn:uuid:` full URLs derived from toolkit ids. */

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

function fnv1a(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

// Four FNV-1a hashes with different starting values, side by side: 128 bits in one pass over the text.
const SEEDS = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b].map((seed) => fnv1a(String(seed), seed));
const [SEED_A, SEED_B, SEED_C, SEED_D] = SEEDS as [number, number, number, number];

function hex128(text: string): string {
  let a = SEED_A;
  let b = SEED_B;
  let c = SEED_C;
  let d = SEED_D;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    a = Math.imul(a ^ code, 0x01000193) >>> 0;
    b = Math.imul(b ^ code, 0x01000193) >>> 0;
    c = Math.imul(c ^ code, 0x01000193) >>> 0;
    d = Math.imul(d ^ code, 0x01000193) >>> 0;
  }
  return hex8(a) + hex8(b) + hex8(c) + hex8(d);
}

function hex8(value: number): string {
  return value.toString(16).padStart(8, "0");
}

/**
 * The FHIR resource id for a toolkit id: the id itself when FHIR allows it (1-64 letters, digits,
 * `-` and `.`), otherwise `x-` and a hash of it. The toolkit id is always kept in `identifier` as well.
 *
 * @example
 * ```ts
 * fhirId("goal-walk"); // "goal-walk"
 * fhirId("goal walk"); // "x-" followed by 32 hex digits
 * ```
 */
export function fhirId(id: string): string {
  return FHIR_ID.test(id) ? id : `x-${hex128(id)}`;
}

/**
 * A `urn:uuid:` full URL derived from a resource type and id, the same on every run, so that a
 * Bundle's entries and references are stable.
 *
 * @example
 * ```ts
 * fullUrlFor("Goal", "goal-walk").startsWith("urn:uuid:"); // true
 * ```
 */
export function fullUrlFor(resourceType: string, id: string): string {
  const hex = hex128(`${resourceType}/${id}`);
  // Laid out as an RFC 4122 name-based UUID: version nibble 5, variant bits 10.
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
