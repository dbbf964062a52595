// Offline: once opened, the planner reloads with no network (a classroom with poor wifi).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { harness } from './support/planner.mjs';

const app = harness();

test('after one visit the planner reloads and works with the network off', app(async (p) => {
  await p.open();
  await p.chooseQualification('cg-4411-30');
  await p.add('002');
  // The service worker has the app's files once the page is marked ready for offline use.
  await p.page.locator('body[data-offline-ready="true"]').waitFor({ timeout: 15_000 });
  await p.page.context().setOffline(true);
  await p.reload();
  assert.deepEqual(await p.planCodes(), ['002'], 'the saved plan is back, offline');
  await p.add('001');
  assert.deepEqual(await p.planCodes(), ['002', '001'], 'and the planner still works');
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
