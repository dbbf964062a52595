// The build step that takes out the classes no page makes (support/unused-classes.mjs): their
// exports leave the wasm and, once minified, their code the loader; a loader that still uses one
// stops the build; exports the loader never names leave the wasm too; and the built pages carry
// none of them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { minify } from 'terser';
import { DIST } from './support/planner.mjs';
import { nameBytes, sectionBytes } from './support/wasm-bytes.mjs';
import { checkDropped, dropClasses, dropUnnamedExports, UNUSED_CLASSES } from './support/unused-classes.mjs';

/** A wasm module exporting `run`, and DemoSource's method and destructor as wasm-bindgen names them. */
function demoModule() {
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    // one type, () -> (); three functions of it
    ...sectionBytes(1, [1, 0x60, 0, 0]),
    ...sectionBytes(3, [3, 0, 0, 0]),
    ...sectionBytes(7, [3, ...nameBytes('run'), 0, 0, ...nameBytes('demosource_pull'), 0, 1, ...nameBytes('__wbg_demosource_free'), 0, 2]),
    ...sectionBytes(10, [3, 2, 0, 0x0b, 2, 0, 0x0b, 2, 0, 0x0b]),
  ]);
}

/** A loader written as wasm-bindgen writes one for a class DemoSource, with `extra` at its end. */
const demoLoader = (extra = '') => `export class DemoSource {
    free() {
        const ptr = this.__wbg_ptr;
        DemoSourceFinalization.unregister(this);
        wasm.__wbg_demosource_free(ptr, 0);
    }
    pull() {
        wasm.demosource_pull(this.__wbg_ptr);
    }
}
if (Symbol.dispose) DemoSource.prototype[Symbol.dispose] = DemoSource.prototype.free;
export function run() {
    wasm.run();
}
const DemoSourceFinalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(ptr => wasm.__wbg_demosource_free(ptr, 1));
let wasm;
${extra}`;

const minified = async (code) => (await minify(code, { module: true, compress: true, mangle: true })).code;
const exportsOf = (wasm) => WebAssembly.Module.exports(new WebAssembly.Module(wasm)).map((e) => e.name);

test("a class taken out leaves the wasm's exports and, once minified, the loader; the rest runs as before", async () => {
  const out = dropClasses(demoModule(), demoLoader(), ['DemoSource']);
  assert.deepEqual(out.dropped, ['demosource_pull', '__wbg_demosource_free']);
  assert.deepEqual(exportsOf(out.wasm), ['run']);
  new WebAssembly.Instance(new WebAssembly.Module(out.wasm)).exports.run();
  const code = await minified(out.loader);
  assert.doesNotMatch(code, /demosource|DemoSource|FinalizationRegistry/);
  assert.match(code, /\bexport function run\b|\bexport\s*\{[^}]*\brun\b/);
  checkDropped(code, out.dropped);
});

test('run twice, the step changes nothing the second time', async () => {
  const once = dropClasses(demoModule(), demoLoader(), ['DemoSource']);
  const loader = await minified(once.loader);
  const twice = dropClasses(once.wasm, loader, ['DemoSource']);
  assert.deepEqual(twice.dropped, []);
  assert.deepEqual(twice.wasm, once.wasm);
  assert.equal(twice.loader, loader);
});

test('a loader that still makes the class stops the build, naming what it would call', async () => {
  const out = dropClasses(demoModule(), demoLoader('export function source() { return new DemoSource(); }'), ['DemoSource']);
  const code = await minified(out.loader);
  assert.throws(() => checkDropped(code, out.dropped), /the loader still uses demosource_pull, __wbg_demosource_free, taken out of the wasm/);
});

test('a class in only one of the two files, or written another way, stops the build, naming it', () => {
  assert.throws(() => dropClasses(demoModule(), 'let wasm;', ['DemoSource']), /DemoSource is exported by the wasm but not declared by the loader/);
  const noExports = dropClasses(demoModule(), demoLoader(), ['DemoSource']).wasm;
  assert.throws(() => dropClasses(noExports, demoLoader(), ['DemoSource']), /DemoSource is declared by the loader but not exported by the wasm/);
  assert.throws(() => dropClasses(demoModule(), demoLoader().replace('export class DemoSource {', 'export class DemoSource extends Object {'), ['DemoSource']), /does not declare the class DemoSource once/);
  assert.throws(() => dropClasses(demoModule(), demoLoader().replace('new FinalizationRegistry', 'new WeakRef'), ['DemoSource']), /does not make DemoSource's finalizer once/);
});

test('an export the loader never names leaves the wasm; one it names, even once, stays', () => {
  const out = dropUnnamedExports(demoModule(), 'let wasm;\nexport function run() { wasm.run(); }\nwasm.demosource_pullback();');
  assert.deepEqual(out.dropped, ['demosource_pull', '__wbg_demosource_free']);
  assert.deepEqual(exportsOf(out.wasm), ['run']);
  new WebAssembly.Instance(new WebAssembly.Module(out.wasm)).exports.run();
  const all = dropUnnamedExports(demoModule(), demoLoader());
  assert.deepEqual(all.dropped, []);
  assert.deepEqual(all.wasm, demoModule());
});

for (const page of ['index.html', 'editor.html']) {
  test(`${page}: neither the wasm nor the loader carries the classes no page makes`, () => {
    const html = readFileSync(path.join(DIST, page), 'utf8');
    const loaderName = html.match(/<link\b[^>]*href="?\/([\w.-]+\.js)"?[^>]*rel="?modulepreload/)?.[1];
    assert.ok(loaderName, `${page} preloads its loader`);
    const exported = exportsOf(readFileSync(path.join(DIST, loaderName.replace(/\.js$/, '_bg.wasm'))));
    assert.ok(exported.length > 10, `the wasm exports ${exported.join(', ')}`);
    const loader = readFileSync(path.join(DIST, loaderName), 'utf8');
    for (const c of UNUSED_CLASSES) {
      const lower = c.toLowerCase();
      assert.deepEqual(exported.filter((e) => e.includes(lower)), [], `${c}'s exports are gone`);
      assert.ok(!loader.includes(lower) && !loader.includes(c), `the loader has nothing of ${c}`);
    }
    assert.deepEqual(dropUnnamedExports(readFileSync(path.join(DIST, loaderName.replace(/\.js$/, '_bg.wasm'))), loader).dropped, [], 'every export left is one the loader names');
  });
}
