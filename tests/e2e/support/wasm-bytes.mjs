// Reading and writing the few parts of a wasm module's binary form the build's steps change
// (the import and export sections), without a library: numbers, names and sections.

/** An unsigned LEB128 number at `at` in `bytes`: [value, offset after it]. */
export function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    if (b === undefined) throw new Error('the wasm ends inside a number');
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, at];
  }
}

/** `value` as an unsigned LEB128 number: its bytes. */
export function leb(value) {
  const out = [];
  do {
    let b = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) b |= 0x80;
    out.push(b);
  } while (value);
  return out;
}

const text = new TextDecoder('utf-8', { fatal: true });
export const utf8 = new TextEncoder();

/** A name (length and UTF-8 bytes) at `at`: [the name, offset after it]. */
export function name(bytes, at) {
  const [len, start] = readLeb(bytes, at);
  return [text.decode(bytes.subarray(start, start + len)), start + len];
}

/**
 * `wasm` with the section of id `id` given to `rewrite(wasm, start, end)`, which returns the
 * section's new body; every other byte as it was. Throws if `wasm` is not a wasm module.
 */
export function withSection(wasm, id, rewrite) {
  if (text.decode(wasm.subarray(0, 4)) !== '\0asm') throw new Error('not a wasm module');
  const out = [wasm.subarray(0, 8)];
  let at = 8;
  while (at < wasm.length) {
    const [size, start] = readLeb(wasm, at + 1);
    const end = start + size;
    if (wasm[at] === id) {
      const body = rewrite(wasm, start, end);
      out.push(Uint8Array.of(id, ...leb(body.length)), Uint8Array.from(body));
    } else {
      out.push(wasm.subarray(at, end));
    }
    at = end;
  }
  const bytes = new Uint8Array(out.reduce((n, part) => n + part.length, 0));
  out.reduce((n, part) => (bytes.set(part, n), n + part.length), 0);
  return bytes;
}

/** `text` as a wasm name: its length, then its UTF-8 bytes. */
export const nameBytes = (text) => {
  const bytes = utf8.encode(text);
  return [...leb(bytes.length), ...bytes];
};

/** A section of id `id` holding `body` (bytes), with its size. */
export const sectionBytes = (id, body) => [id, ...leb(body.length), ...body];
