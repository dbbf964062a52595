// The build step that names the wasm's imports and exports short (support/short-names.mjs): a
// module renamed still runs and calls what it imported, the loader calls the exports by their
// new names, a loader it cannot match stops the build, and the built pages' wasm and loaders
// agree.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { DIST } from './support/planner.mjs';
import { nameBytes, sectionBytes } from './support/wasm-bytes.mjs';
import { shortenExports, shortenImports } from './support/short-names.mjs';

const MODULE = './demo_bg.js';
const LONG = '__wbg_log_0123456789abcdef';

/** A wasm module whose `run` calls `LONG` from MODULE with 42, and imports a memory from "env". */
function demoModule() {
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    // types: 0 = (i32) -> (), 1 = () -> ()
    ...sectionBytes(1, [2, 0x60, 1, 0x7f, 0, 0x60, 0, 0]),
    // imports: MODULE.LONG, a function of type 0; env.memory, one page at least
    ...sectionBytes(2, [2, ...nameBytes(MODULE), ...nameBytes(LONG), 0, 0, ...nameBytes('env'), ...nameBytes('memory'), 2, 0, 1]),
    // one function of type 1, exported as "run"
    ...sectionBytes(3, [1, 1]),
    ...sectionBytes(7, [1, ...nameBytes('run'), 0, 1]),
    // run: i32.const 42; call 0; end
    ...sectionBytes(10, [1, 6, 0, 0x41, 42, 0x10, 0, 0x0b]),
  ]);
}

const demoLoader = `const imports = { "${MODULE}": { ${LONG}: function(n) { seen.push(n); } } };`;

test('a renamed module keeps its other imports and calls the function it imported under the new name', async () => {
  const short = shortenImports(demoModule(), demoLoader, MODULE);
  assert.equal(short.renamed, 1);
  assert.equal(short.loader, `const imports = { "${MODULE}": { $0: function(n) { seen.push(n); } } };`);
  const module = new WebAssembly.Module(short.wasm);
  assert.deepEqual(WebAssembly.Module.imports(module), [
    { module: MODULE, name: '$0', kind: 'function' },
    { module: 'env', name: 'memory', kind: 'memory' },
  ]);
  const seen = [];
  const instance = new WebAssembly.Instance(module, {
    [MODULE]: { $0: (n) => seen.push(n) },
    env: { memory: new WebAssembly.Memory({ initial: 1 }) },
  });
  instance.exports.run();
  assert.deepEqual(seen, [42]);
  assert.ok(short.wasm.length < demoModule().length);
});

test('run twice, the step changes nothing the second time', () => {
  const once = shortenImports(demoModule(), demoLoader, MODULE);
  const twice = shortenImports(once.wasm, once.loader, MODULE);
  assert.equal(twice.renamed, 0);
  assert.deepEqual(twice.wasm, once.wasm);
  assert.equal(twice.loader, once.loader);
});

test('a loader that does not hold the import once as a key stops the step, naming it', () => {
  assert.throws(() => shortenImports(demoModule(), 'const imports = {};', MODULE), new RegExp(`0 keys ${LONG}, not one`));
  const twice = `${demoLoader} const again = { ${LONG}: null };`;
  assert.throws(() => shortenImports(demoModule(), twice, MODULE), new RegExp(`2 keys ${LONG}, not one`));
  // A longer name that merely ends in the import's is not it.
  assert.throws(() => shortenImports(demoModule(), `const imports = { x${LONG}: 1 };`, MODULE), /0 keys/);
  assert.throws(() => shortenImports(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]), demoLoader, MODULE), /not a wasm module/);
  // The loader's module named wrongly (as a page's file name was read once): nothing would be renamed.
  assert.throws(() => shortenImports(demoModule(), demoLoader, './other_bg.js'), /the wasm imports no function from \.\/other_bg\.js/);
});

const INVOKE = 'wasm_bindgen__convert__closures_____invoke__h0123456789abcdef';

/** A module exporting `run`, INVOKE and `named` (all the same function) and a memory. */
function exportingModule() {
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...sectionBytes(1, [1, 0x60, 0, 1, 0x7f]),
    ...sectionBytes(3, [1, 0]),
    ...sectionBytes(5, [1, 0, 1]),
    ...sectionBytes(7, [4, ...nameBytes('memory'), 2, 0, ...nameBytes('run'), 0, 0, ...nameBytes(INVOKE), 0, 0, ...nameBytes('named'), 0, 0]),
    // () -> i32: i32.const 7
    ...sectionBytes(10, [1, 4, 0, 0x41, 7, 0x0b]),
  ]);
}

// As wasm-bindgen writes it: a function of the loader's own named as the export it wraps.
const exportingLoader = `let wasm; function ${INVOKE}() { return wasm.${INVOKE}(); } const a = ${INVOKE}() + wasm.${INVOKE}(); const b = wasm.run(); const c = wasm['named']; const d = wasm.memory.buffer;`;

test('the exports the loader calls as wasm.<name> are named short in both files; the others keep their names', () => {
  const short = shortenExports(exportingModule(), exportingLoader);
  assert.equal(short.renamed, 3);
  const names = WebAssembly.Module.exports(new WebAssembly.Module(short.wasm)).map((e) => e.name);
  assert.deepEqual(names, ['_0', '_1', '_2', 'named']);
  assert.equal(short.loader, `let wasm; function ${INVOKE}() { return wasm._2(); } const a = ${INVOKE}() + wasm._2(); const b = wasm._1(); const c = wasm['named']; const d = wasm._0.buffer;`);
  const instance = new WebAssembly.Instance(new WebAssembly.Module(short.wasm));
  assert.equal(instance.exports._2(), 7);
  const twice = shortenExports(short.wasm, short.loader);
  assert.equal(twice.renamed, 0);
  assert.deepEqual(twice.wasm, short.wasm);
  assert.equal(twice.loader, short.loader);
});

test('an export the loader also reaches another way keeps its name', () => {
  for (const other of [`const name = "${INVOKE}";`, `other.${INVOKE}();`, `export function ${INVOKE}() {}`, `export { ${INVOKE} };`]) {
    const loader = `let wasm; wasm.${INVOKE}(); ${other}`;
    const short = shortenExports(exportingModule(), loader);
    assert.ok(WebAssembly.Module.exports(new WebAssembly.Module(short.wasm)).some((e) => e.name === INVOKE), other);
    assert.equal(short.loader, loader);
  }
});

for (const page of ['index.html', 'editor.html']) {
  test(`${page}: the wasm's imports from its loader are short, each a key of the loader, no export keeps a hashed name, and the page's integrity hashes match both files`, () => {
    const html = readFileSync(path.join(DIST, page), 'utf8');
    const loaderName = html.match(/<link\b[^>]*href="?\/([\w.-]+\.js)"?[^>]*rel="?modulepreload/)?.[1];
    assert.ok(loaderName, `${page} preloads its loader`);
    const wasmName = loaderName.replace(/\.js$/, '_bg.wasm');
    const wasm = readFileSync(path.join(DIST, wasmName));
    const loader = readFileSync(path.join(DIST, loaderName), 'utf8');
    const imports = WebAssembly.Module.imports(new WebAssembly.Module(wasm)).filter((i) => i.kind === 'function');
    assert.ok(imports.length > 100, `the wasm imports ${imports.length} functions`);
    for (const { name } of imports) {
      assert.match(name, /^\$[0-9a-z]{1,3}$/);
      assert.ok(new RegExp(`[{,]\\${name}:`).test(loader), `the loader defines ${name}`);
    }
    const hashed = WebAssembly.Module.exports(new WebAssembly.Module(wasm)).filter((e) => /h[0-9a-f]{16}/.test(e.name));
    assert.deepEqual(hashed, [], 'no export keeps a name with a hash');
    for (const [name, bytes] of [[loaderName, loader], [wasmName, wasm]]) {
      const tag = html.match(new RegExp(`<link\\b[^>]*href="?/${name.replace(/\./g, '\\.')}"?[^>]*>`))?.[0];
      const integrity = `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
      assert.ok(tag?.includes(integrity), `${page}'s link to ${name} carries its hash`);
    }
  });
}
