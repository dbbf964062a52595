// A step of the release build, not a test: `node minify.mjs dist`. Trunk's own minifier cannot
// read wasm-bindgen's loader (it stops at `export default` and leaves the file whole, comments
// and all), and it copies the service worker as written. This minifies both with terser, then
// writes each page's `integrity` for the loader again, since its bytes changed. The loader keeps
// its file name: trunk names it by the build's content, which is the same for the same source.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { minify } from 'terser';

const dist = path.resolve(process.argv[2] || 'dist');

async function minifyFile(file, module) {
  const code = await readFile(file, 'utf8');
  const out = await minify(code, { module, compress: true, mangle: true, format: { comments: false } });
  if (!out.code) throw new Error(`terser wrote nothing for ${file}`);
  await writeFile(file, out.code);
  return Buffer.from(out.code);
}

// Each page's loader: the module trunk preloads (quoted, or bare as its minified page writes it).
const PRELOAD = /<link\b[^>]*\bhref="?\/([\w.-]+\.js)"?[^>]*>/g;

for (const page of ['index.html', 'editor.html']) {
  const file = path.join(dist, page);
  let html = await readFile(file, 'utf8');
  const tags = [...html.matchAll(PRELOAD)].filter((m) => /\bintegrity=/.test(m[0]));
  if (tags.length !== 1) throw new Error(`${page}: expected one script with an integrity hash, found ${tags.length}`);
  const [tag, name] = tags[0];
  const bytes = await minifyFile(path.join(dist, name), true);
  const integrity = `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
  const fixed = tag.replace(/\bintegrity="?sha384-[A-Za-z0-9+/=]+"?/, `integrity=${integrity}`);
  html = html.replace(tag, fixed);
  await writeFile(file, html);
  console.log(`minify: ${name} (${page}) ${bytes.length} bytes`);
}
const worker = await minifyFile(path.join(dist, 'sw.js'), false);
console.log(`minify: sw.js ${worker.length} bytes`);
