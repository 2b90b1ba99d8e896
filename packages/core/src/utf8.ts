/**
 * Where the first byte that is not part of a well-formed UTF-8 character is (RFC 3629: no
 * overlong forms, no surrogates, nothing above U+10FFFF), or -1 when every byte is.
 *
 * @example
 * ```ts
 * firstInvalidUtf8(new Uint8Array([0x61, 0xff, 0x62])); // 1
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
