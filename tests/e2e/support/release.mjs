// A second release of the built app, for tests of how a returning visitor gets a new version:
// a copy of dist/ whose content-hashed files carry other hashes, as the next build's would, with
// the page rewritten to name them and its Content-Security-Policy hash of the inline script
// recomputed (the script names the files, so its hash changes too).
import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const HASHED = /-([0-9a-f]+)((_bg)?\.(js|wasm|css))$/;

/** Each hex digit moved on by one: another hash of the same length. */
function otherHash(hex) {
  return [...hex].map((d) => ((parseInt(d, 16) + 1) % 16).toString(16)).join('');
}

/** Makes the next release of `dist` in a new folder; returns the folder and the renamed files. */
export async function nextRelease(dist) {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'qualplan-release-'));
  const renamed = new Map();
  for (const name of await readdir(dist)) {
    const m = name.match(HASHED);
    const to = m ? name.replace(`-${m[1]}${m[2]}`, `-${otherHash(m[1])}${m[2]}`) : name;
    if (m) renamed.set(name, to);
    if (name !== 'index.html') await copyFile(path.join(dist, name), path.join(folder, to));
  }
  let page = await readFile(path.join(dist, 'index.html'), 'utf8');
  for (const [from, to] of renamed) page = page.replaceAll(from, to);
  const script = page.match(/<script type="?module"?>([\s\S]*?)<\/script>/);
  if (!script) throw new Error(`${dist}/index.html: no inline module script to rehash`);
  const hash = createHash('sha256').update(script[1]).digest('base64');
  page = page.replace(/'sha256-[A-Za-z0-9+/=]+'/, `'sha256-${hash}'`);
  await writeFile(path.join(folder, 'index.html'), page);
  return { folder, renamed };
}
