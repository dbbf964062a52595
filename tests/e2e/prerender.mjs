// Writes the planner's first screen into the built page, so a first visit shows it before the
// wasm has arrived. The screen is the app's own: the release build run in Chromium with nothing
// saved, its DOM taken once it is drawn and idle. Usage: node prerender.mjs <dist>
//
// In the page it is inert (nothing in it can be pressed or focused, and a screen reader hears
// the loading message instead), the app removes it as it mounts, and a visitor with anything
// saved or a link to open never sees it: the page's small script removes it before the first
// paint, because it shows a first visit's empty plan.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { launch, openPage } from './support/browser.mjs';
import { startServer } from './support/server.mjs';

const PRERENDER_ID = 'prerendered';

/** Removes the first screen when it is not this visitor's (kept in index.html by hash, see csp.rs). */
const KEEP_ONLY_FOR_A_FIRST_VISIT =
  `<script>var first=false;try{first=!localStorage.length&&location.hash.length<2}catch(e){}` +
  `if(!first)document.getElementById("${PRERENDER_ID}").remove()</script>`;

/** The app's own markup of its first screen, without its markers or inline styles. */
async function firstScreen(dist) {
  const server = await startServer(dist);
  const browser = await launch();
  try {
    const { page, errors } = await openPage(browser);
    await page.goto(server.url);
    await page.locator('body > main ul[aria-label="Available units"] li.unit').first().waitFor();
    // The panels drawn a frame later (other qualifications, the printed page) are part of it.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 300))));
    if (errors.length) throw new Error(`the app reported errors while drawing: ${errors.join('; ')}`);
    const taken = await page.evaluate(() => {
      const parts = [...document.body.children].filter(
        (e) => e.id !== 'loading' && !['SCRIPT', 'NOSCRIPT'].includes(e.tagName),
      );
      const holder = document.createElement('div');
      for (const e of parts) holder.append(e.cloneNode(true));
      // The page's policy refuses inline style. The app leaves some empty ones behind, which go;
      // one that says something would be lost, so it stops the build instead.
      const styled = [...holder.querySelectorAll('[style]')];
      const said = styled.filter((e) => e.getAttribute('style').trim() !== '');
      if (said.length) return { styled: said.map((e) => `<${e.localName} style="${e.getAttribute('style')}">`) };
      for (const e of styled) e.removeAttribute('style');
      const walker = document.createTreeWalker(holder, NodeFilter.SHOW_COMMENT);
      const comments = [];
      while (walker.nextNode()) comments.push(walker.currentNode);
      for (const c of comments) c.remove();
      return { html: holder.innerHTML };
    });
    if (taken.styled) throw new Error(`the first screen has inline styles the page would refuse: ${taken.styled.join(', ')}`);
    return taken.html;
  } finally {
    await browser.close();
    await server.close();
  }
}

const dist = process.argv[2];
if (!dist) {
  console.error('usage: node prerender.mjs <dist>');
  process.exit(2);
}
const file = path.join(dist, 'index.html');
const html = await readFile(file, 'utf8');
if (html.includes(`id=${PRERENDER_ID}`) || html.includes(`id="${PRERENDER_ID}"`)) {
  console.error(`prerender: ${file} already holds a first screen`);
  process.exit(0);
}
const at = html.lastIndexOf('</body>');
if (at < 0) throw new Error(`${file} has no </body>`);
const screen = await firstScreen(dist);
const out = `${html.slice(0, at)}<div id="${PRERENDER_ID}" inert>${screen}</div>${KEEP_ONLY_FOR_A_FIRST_VISIT}${html.slice(at)}`;
await writeFile(file, out);
console.error(`prerender: the first screen written into ${file} (${screen.length} characters)`);
process.exit(0);
