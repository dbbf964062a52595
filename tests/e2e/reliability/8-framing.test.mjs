// Framing: no other site may show the app in a frame (clickjacking). `cargo xtask serve` sends
// `Content-Security-Policy: frame-ancestors 'none'` (a policy in a <meta> tag cannot say this);
// the test server sends the same header, and a page of another origin that frames the app must
// not get it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../support/planner.mjs';
import { category, sleep } from '../support/reliability.mjs';
import { FRAME_ANCESTORS } from '../support/server.mjs';

const runs = [
  {
    name: 'cargo xtask serve sends frame-ancestors none',
    async run(probe) {
      const source = readFileSync(path.join(ROOT, 'xtask', 'src', 'serve.rs'), 'utf8');
      await probe.check('xtask/src/serve.rs writes the header on its answers', () =>
        /Content-Security-Policy: frame-ancestors 'none'/.test(source) || /"Content-Security-Policy"[^\n]*frame-ancestors 'none'/.test(source),
      );
    },
  },
  {
    name: 'the served page carries the header, and a page of another origin cannot frame the app',
    async run(probe) {
      await probe.newContext();
      const page = await probe.newPage();
      const response = await page.goto(probe.url);
      await probe.check('the page is served with frame-ancestors none', () => response.headers()['content-security-policy'] === FRAME_ANCESTORS);
      // Another origin (localhost, not 127.0.0.1) frames the app. Its own console reports the
      // refusal, so it is opened without the probe's error watch.
      const port = new URL(probe.url).port;
      await probe.context.route(`http://localhost:${port}/__attacker`, (route) =>
        route.fulfill({ status: 200, contentType: 'text/html', body: `<!doctype html><iframe src="${probe.url}" width="800" height="600"></iframe>` }),
      );
      const attacker = await probe.context.newPage();
      await attacker.goto(`http://localhost:${port}/__attacker`);
      await sleep(2000);
      await probe.check('the framed app does not render', async () => {
        const framed = attacker.frames().filter((f) => f !== attacker.mainFrame());
        for (const f of framed) {
          const shown = await f.getByRole('heading', { name: 'qualplan', level: 1 }).count().catch(() => 0);
          if (shown) throw new Error(`the app rendered inside a frame of http://localhost:${port}`);
        }
      });
    },
  },
];

category('framing', runs, (probe, r) => r.run(probe), { concurrency: 1 });
