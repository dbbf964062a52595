// A step of the release build, not a test: `node minify.mjs dist`, with the pinned wasm-opt
// first on PATH. Trunk's own minifier cannot read wasm-bindgen's loader (it stops at `export
// default` and leaves the file whole, comments and all), and it copies the service worker as
// written. For each page this takes out the classes no page makes (`support/unused-classes.mjs`)
// and the code only they reached, gives the functions the wasm imports from its loader, and the
// exports the loader calls, short names in both files (`support/short-names.mjs`), minifies the
// loader with terser, and writes the page's `integrity` for the loader and the wasm again, since
// their bytes changed; then it minifies the service worker. The files keep their names: trunk
// names them by the build's content, which is the same for the same source.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { minify } from 'terser';
import { shortenExports, shortenImports } from './support/short-names.mjs';
import { checkDropped, dropClasses, dropUnnamedExports, UNUSED_CLASSES } from './support/unused-classes.mjs';

const dist = path.resolve(process.argv[2] || 'dist');

async function minifyCode(code, module) {
  const out = await minify(code, { module, compress: true, mangle: true, format: { comments: false } });
  if (!out.code) throw new Error('terser wrote nothing');
  return Buffer.from(out.code);
}

/**
 * `wasm` without the functions nothing reaches any more, written as trunk's -Oz writes it (the
 * stack form optimised: a plain rewrite is about 3 KB larger, 1 KB gzip).
 */
async function withoutUnreached(wasm) {
  const dir = await mkdtemp(path.join(tmpdir(), 'qualplan-wasm-'));
  try {
    const [from, to] = [path.join(dir, 'in.wasm'), path.join(dir, 'out.wasm')];
    await writeFile(from, wasm);
    const passes = ['--remove-unused-module-elements', '--generate-stack-ir', '--optimize-stack-ir'];
    execFileSync('wasm-opt', [...passes, '--shrink-level=2', '--optimize-level=2', from, '-o', to], { stdio: 'inherit' });
    return await readFile(to);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// A file the page fetches with an integrity hash (the loader's modulepreload, the wasm's
// preload), quoted or bare as its minified page writes it.
const LINK = /<link\b[^>]*\bhref="?\/([\w.-]+)"?[^>]*>/g;

/** `html` with the integrity of its one link to `name` written for `bytes`. */
function withIntegrity(html, page, name, bytes) {
  const tags = [...html.matchAll(LINK)].filter((m) => m[1] === name && /\bintegrity=/.test(m[0]));
  if (tags.length !== 1) throw new Error(`${page}: expected one link to ${name} with an integrity hash, found ${tags.length}`);
  const integrity = `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
  return html.replace(tags[0][0], tags[0][0].replace(/\bintegrity="?sha384-[A-Za-z0-9+/=]+"?/, `integrity=${integrity}`));
}

for (const page of ['index.html', 'editor.html']) {
  const file = path.join(dist, page);
  let html = await readFile(file, 'utf8');
  const loaders = [...html.matchAll(LINK)].filter((m) => m[1].endsWith('.js') && /\bintegrity=/.test(m[0]));
  if (loaders.length !== 1) throw new Error(`${page}: expected one script with an integrity hash, found ${loaders.length}`);
  const loaderName = loaders[0][1];
  // trunk writes `<bin>-<hash>.js` and `<bin>-<hash>_bg.wasm`; the wasm imports from `./<bin>_bg.js`.
  const wasmName = loaderName.replace(/\.js$/, '_bg.wasm');
  const module = `./${loaderName.replace(/-[0-9a-f]+\.js$/, '')}_bg.js`;
  const unused = dropClasses(
    await readFile(path.join(dist, wasmName)),
    await readFile(path.join(dist, loaderName), 'utf8'),
    UNUSED_CLASSES,
  );
  const unnamed = dropUnnamedExports(unused.wasm, unused.loader);
  const dropped = [...unused.dropped, ...unnamed.dropped];
  const wasm = dropped.length ? await withoutUnreached(unnamed.wasm) : unnamed.wasm;
  const imports = shortenImports(wasm, unused.loader, module);
  const short = shortenExports(imports.wasm, imports.loader);
  const loader = await minifyCode(short.loader, true);
  checkDropped(loader.toString(), dropped);
  await writeFile(path.join(dist, wasmName), short.wasm);
  await writeFile(path.join(dist, loaderName), loader);
  html = withIntegrity(html, page, loaderName, loader);
  html = withIntegrity(html, page, wasmName, short.wasm);
  await writeFile(file, html);
  console.log(
    `minify: ${loaderName} (${page}) ${loader.length} bytes; ${unused.dropped.length} exports of unused classes and ${unnamed.dropped.length} the loader never names (${unnamed.dropped.join(', ')}) taken out of ${wasmName}, ${imports.renamed} imports and ${short.renamed} exports named short`,
  );
}
const worker = await minifyCode(await readFile(path.join(dist, 'sw.js'), 'utf8'), false);
await writeFile(path.join(dist, 'sw.js'), worker);
console.log(`minify: sw.js ${worker.length} bytes`);
