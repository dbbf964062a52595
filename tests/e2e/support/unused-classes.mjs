// wasm-bindgen writes, for each Rust type a dependency exports to JavaScript, a class in the
// loader and the type's methods among the wasm's exports. Leptos depends on its server
// functions' stream adapters (the wasm-streams crate), which a page with no server functions
// never makes; yet their exports keep their code in the wasm, and their classes stay in the
// loader. This takes both out: the classes are no longer exported, so the minifier drops them,
// and wasm-opt then drops the code only the exports reached (see minify.mjs). The same goes for
// exports the loader never names at all (wasm-bindgen's abort handler globals, a split marker
// Leptos leaves, `__wbindgen_free` when no page hands a string back to free).

import { leb, name, readLeb, withSection } from './wasm-bytes.mjs';

/** The classes no page of the app makes. */
export const UNUSED_CLASSES = ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource'];

/** Whether `exported` is one of class `c`'s exports as wasm-bindgen names them. */
function isExportOf(c, exported) {
  const lower = c.toLowerCase();
  return exported.startsWith(`${lower}_`) || exported === `__wbg_${lower}_free`;
}

const occurrences = (code, part) => code.split(part).length - 1;

/** `wasm` without the exports `drop` picks, and the names of those it took out. */
function withoutExports(wasm, drop) {
  const dropped = [];
  const kept = withSection(wasm, 7, (wasm, start, end) => {
    const [count, first] = readLeb(wasm, start);
    const entries = [];
    let p = first;
    for (let i = 0; i < count; i++) {
      const [exported, afterName] = name(wasm, p);
      // A kind byte, then an index.
      const next = readLeb(wasm, afterName + 1)[1];
      if (drop(exported)) dropped.push(exported);
      else entries.push(...wasm.subarray(p, next));
      p = next;
    }
    if (p !== end) throw new Error('the export section holds more than its exports');
    return [...leb(count - dropped.length), ...entries];
  });
  return { wasm: kept, dropped };
}

/**
 * `wasm` (bytes) and `loader` (its wasm-bindgen JavaScript, before minifying) without the
 * classes `classes`: their exports out of the wasm, and in the loader each class no longer
 * exported, its dispose hook gone and its finalizer marked as free of side effects. A class
 * already taken out of both (the step run twice) is left; one in a single file, or written
 * another way than wasm-bindgen writes it, stops the build.
 */
export function dropClasses(wasm, loader, classes) {
  let code = loader;
  const taken = [];
  for (const c of classes) {
    const declared = `export class ${c} {`;
    const inLoader = occurrences(code, declared);
    if (inLoader === 0 && !code.includes(c)) continue;
    if (inLoader !== 1) throw new Error(`the loader does not declare the class ${c} once as wasm-bindgen writes it`);
    const lower = c.toLowerCase();
    const finalizer = `new FinalizationRegistry(ptr => wasm.__wbg_${lower}_free(`;
    if (occurrences(code, finalizer) !== 1) throw new Error(`the loader does not make ${c}'s finalizer once as wasm-bindgen writes it`);
    code = code
      .replace(declared, `class ${c} {`)
      .replace(`if (Symbol.dispose) ${c}.prototype[Symbol.dispose] = ${c}.prototype.free;\n`, '')
      .replace(finalizer, `/*#__PURE__*/ ${finalizer}`);
    taken.push(c);
  }
  const out = withoutExports(wasm, (exported) => classes.some((c) => isExportOf(c, exported)));
  for (const c of classes) {
    const exported = out.dropped.some((e) => isExportOf(c, e));
    if (exported !== taken.includes(c)) {
      throw new Error(`the class ${c} is ${exported ? 'exported by the wasm but not declared by the loader' : 'declared by the loader but not exported by the wasm'}`);
    }
  }
  return { wasm: out.wasm, loader: code, dropped: out.dropped };
}

/** Whether `code` names `word` as a whole word (an identifier, or a property after a dot). */
const names = (code, word) =>
  new RegExp(`(?<![\\w$])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w$])`).test(code);

/**
 * `wasm` without the exports its `loader` (before minifying) never names: nothing in the page
 * can reach them, since a wasm-bindgen loader reads each export by its name.
 */
export function dropUnnamedExports(wasm, loader) {
  return withoutExports(wasm, (exported) => !names(loader, exported));
}

/**
 * Throws if the minified loader still calls one of the `dropped` exports: the minifier kept a
 * class because something in the loader uses it, and the page would fail when it did.
 */
export function checkDropped(minified, dropped) {
  const left = dropped.filter((e) => names(minified, e));
  if (left.length) throw new Error(`the loader still uses ${left.join(', ')}, taken out of the wasm`);
}
