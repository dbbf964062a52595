// The built site's Content-Security-Policy is in force with no violations in normal use, and no
// user-supplied text (a plan's name, a loaded catalogue's titles) is ever rendered as HTML.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launch, openPage } from './support/browser.mjs';
import { DIST, harness } from './support/planner.mjs';
import { startServer } from './support/server.mjs';

const app = harness();

test('the built page carries a strict policy: no inline script but trunk\'s loader, the start-failure message and the first screen\'s keeper, each by hash', () => {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const policy = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  assert.ok(policy, 'index.html declares a Content-Security-Policy');
  const scriptSrc = policy.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
  assert.match(scriptSrc, /'wasm-unsafe-eval'/);
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'/);
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  assert.equal(inline.length, 3, 'the loader, the message if the app cannot start, and the script that keeps the first screen for a first visit only');
  assert.match(inline[0], /await init\(/);
  assert.match(inline[1], /could not start/);
  assert.match(inline[2], /getElementById\("prerendered"\)\.remove\(\)/);
  const allowed = [...scriptSrc.matchAll(/'sha256-([A-Za-z0-9+/=]+)'/g)].map((m) => m[1]);
  assert.deepEqual(allowed, inline.map((s) => createHash('sha256').update(s).digest('base64')));
});

test('normal use raises no policy violation (any would show as a console error)', app(async (p) => {
  await p.page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective));
  });
  await p.open();
  await p.chooseQualification('highfield-l2-nvq-customer-service');
  await p.add('F/601/1609');
  await p.dragToPlan('L/601/1614');
  await p.findCompletions('credits');
  assert.deepEqual(await p.page.evaluate(() => window.__violations), []);
}));

let server;
let browser;
before(async () => {
  server = await startServer(DIST);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('an injected inline script is refused, so the policy is in force', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(server.url);
  await page.getByRole('combobox', { name: 'Qualification', exact: true }).waitFor();
  const result = await page.evaluate(
    () =>
      new Promise((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve({ blocked: e.violatedDirective, ran: !!window.__injected }));
        const s = document.createElement('script');
        s.textContent = 'window.__injected = true';
        document.body.append(s);
        setTimeout(() => resolve({ blocked: null, ran: !!window.__injected }), 2000);
      }),
  );
  assert.equal(result.ran, false, 'the injected script did not run');
  assert.match(result.blocked, /script-src/);
  await context.close();
});

test('markup in a plan name is shown as text, never run or rendered', app(async (p) => {
  await p.open();
  const name = '<img src=x onerror="window.__x=1"><b>bold</b>';
  await p.renamePlan(name);
  assert.equal(await p.currentPlanName(), name);
  assert.equal(await p.page.locator('select#plan-select img, select#plan-select b').count(), 0);
  assert.equal(await p.page.evaluate(() => window.__x), undefined);
}));

test('markup in a loaded catalogue\'s titles is shown as text', app(async (p) => {
  await p.open();
  const readme = readFileSync(path.join(DIST, '..', 'README.md'), 'utf8');
  const json = readme.split('<!-- worked-example:start -->')[1].split('```json')[1].split('```')[0];
  const doc = JSON.parse(json);
  doc.qualifications[0].title = '<script>window.__y=1</script><i>Retail</i>';
  doc.units[0].title = '<img src=x onerror="window.__z=1">Safety';
  await p.page.getByText('Your own qualifications').click();
  await p.page.getByLabel('Load a catalogue file').setInputFiles({
    name: 'retail.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(doc)),
  });
  await p.page.getByRole('option', { name: '<script>window.__y=1</script><i>Retail</i>' }).waitFor({ state: 'attached' });
  await p.chooseQualification('example-l2-retail');
  await p.availableList.getByText('<img src=x onerror="window.__z=1">Safety').waitFor();
  assert.equal(await p.page.locator('main img, main i, option script').count(), 0);
  assert.equal(await p.page.evaluate(() => [window.__y, window.__z].filter(Boolean).length), 0);
  await p.dismissAlerts();
}));
