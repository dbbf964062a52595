// Offline: once opened, the planner reloads with no network (a classroom with poor wifi).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { DIST, eventually, harness } from './support/planner.mjs';
import { nextRelease } from './support/release.mjs';

const app = harness();

test('after one visit the planner reloads and works with the network off', app(async (p) => {
  await p.open();
  await p.chooseQualification('cg-4411-30');
  await p.add('002');
  // The service worker has the app's files once the page is marked ready for offline use.
  await p.page.locator('body[data-offline-ready="true"]').waitFor({ timeout: 15_000 });
  await p.page.context().setOffline(true);
  const errors = [];
  p.page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await p.reload();
  assert.deepEqual(await p.planCodes(), ['002'], 'the saved plan is back, offline');
  await p.add('001');
  assert.deepEqual(await p.planCodes(), ['002', '001'], 'and the planner still works');
  // The worker in place is not asked to update with no network (that logs an error).
  await p.page.waitForTimeout(500);
  assert.deepEqual(errors, [], 'nothing is logged as an error offline');
  await p.page.context().setOffline(false);
}));

test('after one visit the planner opens at once from its kept files when the network does not answer', app(async (p) => {
  await p.open();
  await p.chooseQualification('cg-4411-30');
  await p.add('002');
  await p.page.locator('body[data-offline-ready="true"]').waitFor({ timeout: 15_000 });
  p.server.stall(true);
  try {
    const t0 = Date.now();
    await p.page.reload({ timeout: 5_000 });
    await p.ready();
    assert.deepEqual(await p.planCodes(), ['002'], 'the saved plan is back while the server says nothing');
    assert.ok(Date.now() - t0 < 5_000, `opened in ${Date.now() - t0} ms`);
  } finally {
    p.server.stall(false);
  }
}));

test('a returning visitor\'s browser does not fetch the script, wasm or stylesheet again', app(async (p) => {
  await p.open();
  await p.page.locator('body[data-offline-ready="true"]').waitFor({ timeout: 15_000 });
  p.server.requested.length = 0;
  await p.reload();
  await p.page.locator('body[data-offline-ready="true"]').waitFor({ timeout: 15_000 });
  const hashed = p.server.requested.filter((f) => /-[0-9a-f]+(_bg)?\.(js|wasm|css)$/.test(f));
  assert.deepEqual(hashed, [], 'the kept files are used, not fetched');
  assert.ok(p.server.requested.includes('/'), 'the page itself is fetched for next time');
}));

/** What the service worker keeps: the paths of its files, and the text of its copy of the page. */
function kept(page) {
  return page.evaluate(async () => {
    const cache = await caches.open('qualplan-v1');
    const files = (await cache.keys()).map((r) => new URL(r.url).pathname);
    const copy = await cache.match('./');
    return { files, page: copy ? await copy.text() : '' };
  });
}

/** Whether the open page loaded `file` (the wasm it runs). */
function loaded(page, file) {
  return page.evaluate((f) => performance.getEntriesByType('resource').some((e) => e.name.endsWith(`/${f}`)), file);
}

test('a new release reaches a returning visitor whole: the next visit opens it with the network off, and the old files are forgotten', app(async (p) => {
  await p.open();
  await p.chooseQualification('cg-4411-30');
  await p.add('002');
  await p.page.locator('body[data-offline-ready="true"]').waitFor({ timeout: 15_000 });
  const { folder, renamed } = await nextRelease(DIST);
  const [oldWasm, newWasm] = [...renamed].find(([from]) => from.startsWith('qualplan-app-') && from.endsWith('.wasm'));
  try {
    p.server.serve(folder);
    // This visit opens the kept release at once and fetches the new one for next time.
    await p.reload();
    assert.ok(await loaded(p.page, oldWasm), 'this visit runs the kept release');
    const keptNow = await eventually(async () => {
      const k = await kept(p.page);
      assert.ok(k.page.includes(newWasm), 'the new page is kept');
      return k;
    }, 10_000);
    assert.ok(keptNow.files.includes(`/${newWasm}`), 'the new page is kept only with the wasm it names');

    await p.page.context().setOffline(true);
    await p.reload();
    assert.ok(await loaded(p.page, newWasm), 'the next visit runs the new release, offline');
    assert.deepEqual(await p.planCodes(), ['002'], 'with the saved plan');
    await p.add('001');
    assert.deepEqual(await p.planCodes(), ['002', '001'], 'and the planner works');
    await p.page.locator('body[data-offline-ready="true"]').waitFor({ timeout: 15_000 });
    const after = await kept(p.page);
    // The planner keeps the files its own page names; the editor's page (editor.html) has its own.
    const page = await readFile(path.join(DIST, 'index.html'), 'utf8');
    for (const [old, current] of [...renamed].filter(([from]) => page.includes(from))) {
      assert.ok(!after.files.includes(`/${old}`), `${old} of the old release is forgotten`);
      assert.ok(after.files.includes(`/${current}`), `${current} of the new release is kept`);
    }
  } finally {
    await p.page.context().setOffline(false);
    p.server.serve(DIST);
    await rm(folder, { recursive: true, force: true });
  }
}));
