// Gives each function the wasm imports from its wasm-bindgen loader a short name, in the wasm's
// import section and in the loader's import object alike, and each export the loader calls, in
// the export section and at each call. wasm-bindgen names them after what they call plus a
// 16-digit hash (`__wbg_insertBefore_10ab0c19b463c12b`,
// `wasm_bindgen__convert__closures_____invoke__h5cddc56ae7f8e60e`), in each file; the hashes are
// random digits that no compressor can shrink, about 5.5 KB gzip a page. Nothing else in either
// file changes: no index, no code, no other section.

import { leb, name, readLeb, utf8, withSection } from './wasm-bytes.mjs';

/** The bytes of an import's description (its kind and type), from `at`: the offset after it. */
function skipDescription(bytes, at) {
  const kind = bytes[at++];
  switch (kind) {
    case 0: // function: a type index
      return readLeb(bytes, at)[1];
    case 1: {
      // table: element type, limits
      at += 1;
      const flags = bytes[at++];
      at = readLeb(bytes, at)[1];
      return flags & 1 ? readLeb(bytes, at)[1] : at;
    }
    case 2: {
      // memory: limits
      const flags = bytes[at++];
      at = readLeb(bytes, at)[1];
      return flags & 1 ? readLeb(bytes, at)[1] : at;
    }
    case 3: // global: value type, mutability
      return at + 2;
    default:
      throw new Error(`an import of kind ${kind}, which this step does not know`);
  }
}

/** A short name for the `i`th import: `$` and the number in base 36, never an identifier's clash. */
const shortName = (i) => `$${i.toString(36)}`;

// An identifier as the loader writes an object key, whole (not part of a longer one).
const keyPattern = (key) => new RegExp(`(?<![\\w$])${key.replace(/[$]/g, '\\$')}(?=:)`, 'g');

/**
 * `wasm` (bytes) and `loader` (its wasm-bindgen JavaScript) with the functions imported from
 * `module` renamed short in both. Throws, changing nothing, unless the wasm imports functions
 * from `module` and each old name is a key in the loader exactly once, so a loader written
 * another way stops the build rather than shipping a page whose wasm cannot find its imports.
 */
export function shortenImports(wasm, loader, module) {
  const renamed = [];
  let functions = 0;
  const shortened = withSection(wasm, 2, (wasm, start, end) => {
    const [count, first] = readLeb(wasm, start);
    const body = [...leb(count)];
    let p = first;
    for (let i = 0; i < count; i++) {
      const [from, afterModule] = name(wasm, p);
      const [field, afterField] = name(wasm, afterModule);
      const described = skipDescription(wasm, afterField);
      let kept = field;
      if (from === module && wasm[afterField] === 0) {
        kept = shortName(functions++);
        // A loader already named short (the step run twice) stays as it is.
        if (kept !== field) renamed.push([field, kept]);
      }
      const fieldBytes = utf8.encode(kept);
      body.push(...wasm.subarray(p, afterModule), ...leb(fieldBytes.length), ...fieldBytes);
      body.push(...wasm.subarray(afterField, described));
      p = described;
    }
    if (p !== end) throw new Error('the import section holds more than its imports');
    return body;
  });
  // A loader's module named wrongly would leave every name long, unnoticed.
  if (functions === 0) throw new Error(`the wasm imports no function from ${module}`);
  let code = loader;
  for (const [field, kept] of renamed) {
    if (keyPattern(kept).test(code)) throw new Error(`the loader already has a key ${kept}`);
    const uses = code.match(keyPattern(field))?.length ?? 0;
    if (uses !== 1) throw new Error(`the loader has ${uses} keys ${field}, not one`);
    code = code.replace(keyPattern(field), kept);
  }
  return { wasm: shortened, loader: code, renamed: renamed.length };
}

/** A short name for the `i`th export: `_` and the number in base 36. */
const shortExport = (i) => `_${i.toString(36)}`;

// The loader's exports object read for a property, whole (wasm-bindgen names it `wasm`).
const callPattern = (exported) => new RegExp(`(?<![\\w$])wasm\\.${exported}(?![\\w$])`, 'g');

/**
 * Whether the loader reaches the export `exported` only as `wasm.<exported>`: any other time the
 * name is written it must be a name of the loader's own (a function wrapping the call, which the
 * minifier renames anyway), never another object's property, a quoted string or a name the
 * loader exports.
 */
function readOnlyAsCall(code, exported) {
  if (!callPattern(exported).test(code)) return false;
  for (const m of code.matchAll(new RegExp(`(?<![\\w$])${exported}(?![\\w$])`, 'g'))) {
    const before = code.slice(Math.max(0, m.index - 6), m.index);
    const after = code[m.index + exported.length] ?? '';
    if (before.endsWith('.') && !/(^|[^\w$])wasm\.$/.test(before)) return false;
    if (/['"`[]$/.test(before) || /['"`]/.test(after)) return false;
  }
  return !new RegExp(`export\\s*(function|const|let|class)\\s+${exported}(?![\\w$])|export\\s*\\{[^}]*(?<![\\w$])${exported}(?![\\w$])`).test(code);
}

/**
 * `wasm` and `loader` (before minifying) with each export the loader reaches only as
 * `wasm.<name>` renamed short in both (see `readOnlyAsCall`). An export the loader does not
 * reach that way (one it names otherwise or not at all) keeps its name: the loader, or something
 * else, may reach it by that name. Run twice, it changes nothing.
 */
export function shortenExports(wasm, loader) {
  const renamed = [];
  let code = loader;
  const shortened = withSection(wasm, 7, (wasm, start, end) => {
    const [count, first] = readLeb(wasm, start);
    const body = [...leb(count)];
    let p = first;
    for (let i = 0; i < count; i++) {
      const [exported, afterName] = name(wasm, p);
      const next = readLeb(wasm, afterName + 1)[1];
      let kept = exported;
      const short = shortExport(i);
      // One already short (the step run twice) stays as it is.
      if (exported !== short && readOnlyAsCall(code, exported)) {
        kept = short;
        if (callPattern(kept).test(code)) throw new Error(`the loader already reads wasm.${kept}`);
        code = code.replace(callPattern(exported), `wasm.${kept}`);
        renamed.push([exported, kept]);
      }
      const bytes = utf8.encode(kept);
      body.push(...leb(bytes.length), ...bytes, ...wasm.subarray(afterName, next));
      p = next;
    }
    if (p !== end) throw new Error('the export section holds more than its exports');
    return body;
  });
  return { wasm: shortened, loader: code, renamed: renamed.length };
}
