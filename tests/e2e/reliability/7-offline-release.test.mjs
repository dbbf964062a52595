// Offline and releases: after one visit the app opens with the network off or not answering, a new
// release reaches the visitor whole, a broken one never replaces the working one, and none of it
// logs an error (the page's console and the service worker's).
import { rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import { DIST } from '../support/planner.mjs';
import { CLASSROOM_KEY, STORAGE_KEY, category, saveText, shareFragment, sleep } from '../support/reliability.mjs';
import { nextRelease } from '../support/release.mjs';

const SEED = saveText([{ name: 'Learner 1', qualification: 'cg-4411-30', units: ['002'] }]);

/** A first visit: the app opened online until its files are kept. */
async function visit(probe) {
  await probe.newContext();
  const page = await probe.newPage();
  await probe.seed(page, { [STORAGE_KEY]: SEED, [CLASSROOM_KEY]: 'false' });
  await probe.openApp(page);
  await probe.check('the app is kept for offline use after one visit', () =>
    page.locator('body[data-offline-ready="true"]').waitFor({ timeout: 15_000 }),
  );
  return page;
}

async function reload(probe, page, when) {
  try {
    await page.reload({ waitUntil: 'commit', timeout: 10_000 });
  } catch (e) {
    probe.fail(`the page reloads ${when}`, e.message);
  }
  return probe.mounted(page);
}

const hasPlan = (probe, page, when) =>
  probe.check(`the saved plan is there ${when}`, async () => {
    const names = await probe.planNames(page);
    if (!names.includes('Learner 1')) throw new Error(`plans: ${JSON.stringify(names)}`);
  });

const runsWasm = (page, file) => page.evaluate((f) => performance.getEntriesByType('resource').some((e) => e.name.endsWith(`/${f}`)), file);

/** Serves the next release for `body`, then the build again. */
async function withRelease(probe, body, { breakWasm = false } = {}) {
  const { folder, renamed } = await nextRelease(DIST);
  const [oldWasm, newWasm] = [...renamed].find(([from]) => from.startsWith('qualplan-app-') && from.endsWith('.wasm'));
  if (breakWasm) await unlink(path.join(folder, newWasm));
  try {
    probe.server.serve(folder);
    await body({ oldWasm, newWasm });
  } finally {
    probe.server.serve(DIST);
    probe.server.stall(false);
    probe.server.refuse(false);
    await rm(folder, { recursive: true, force: true });
  }
}

/** Waits until the service worker keeps the page naming `wasm`. */
const keptPage = (probe, page, wasm) =>
  probe.check('the new release is kept for the next visit', async () => {
    const end = Date.now() + 10_000;
    for (;;) {
      const text = await page.evaluate(async () => {
        const hit = await (await caches.open('qualplan-v1')).match('./');
        return hit ? hit.text() : '';
      });
      if (text.includes(wasm)) return;
      if (Date.now() > end) throw new Error('not kept within 10 s');
      await sleep(200);
    }
  });

const runs = [
  {
    name: 'opens with the network off after one visit, and works',
    async run(probe) {
      const page = await visit(probe);
      await probe.context.setOffline(true);
      await reload(probe, page, 'offline');
      await hasPlan(probe, page, 'offline');
      await probe.addUnit(page);
      await sleep(1500);
    },
  },
  {
    name: 'opens within 5 s when the network does not answer',
    async run(probe) {
      const page = await visit(probe);
      probe.server.stall(true);
      try {
        await reload(probe, page, 'while the network does not answer');
        await hasPlan(probe, page, 'while the network does not answer');
        await sleep(1500);
      } finally {
        probe.server.stall(false);
      }
    },
  },
  {
    name: 'opens when the server is gone (every connection dropped)',
    async run(probe) {
      const page = await visit(probe);
      probe.server.refuse(true);
      try {
        await reload(probe, page, 'while the server drops every connection');
        await hasPlan(probe, page, 'while the server is gone');
        await probe.addUnit(page);
        await sleep(1500);
      } finally {
        probe.server.refuse(false);
      }
    },
  },
  {
    name: 'an edit made offline is there after an offline reload',
    async run(probe) {
      const page = await visit(probe);
      await probe.context.setOffline(true);
      await reload(probe, page, 'offline');
      const code = await probe.addUnit(page);
      await reload(probe, page, 'offline, again');
      await probe.check('the edit made offline is kept', async () => {
        const { save } = await probe.savedPlans(page);
        if (!save?.[0]?.units.includes(code)) throw new Error(`saved units: ${JSON.stringify(save?.[0]?.units)}`);
      });
      await sleep(1000);
    },
  },
  {
    name: 'several offline reloads log no error',
    async run(probe) {
      const page = await visit(probe);
      await probe.context.setOffline(true);
      for (let i = 1; i <= 3; i++) {
        await reload(probe, page, `offline (${i})`);
        await sleep(1000);
      }
      await hasPlan(probe, page, 'after three offline reloads');
    },
  },
  {
    name: 'offline, then online again: the page is fetched afresh and nothing is logged',
    async run(probe) {
      const page = await visit(probe);
      await probe.context.setOffline(true);
      await reload(probe, page, 'offline');
      await probe.context.setOffline(false);
      probe.server.requested.length = 0;
      await reload(probe, page, 'online again');
      await sleep(1000);
      await probe.check('the page is fetched for next time once online', () => probe.server.requested.includes('/'));
    },
  },
  {
    name: 'a new release runs on the next visit, offline',
    async run(probe) {
      const page = await visit(probe);
      await withRelease(probe, async ({ newWasm }) => {
        await reload(probe, page, 'online, with a new release served');
        await keptPage(probe, page, newWasm);
        await probe.context.setOffline(true);
        await reload(probe, page, 'offline, after the new release was kept');
        await probe.check('the next visit runs the new release', () => runsWasm(page, newWasm));
        await hasPlan(probe, page, 'in the new release');
        await probe.addUnit(page);
        await sleep(1000);
      });
    },
  },
  {
    name: 'a new release, then a network that does not answer',
    async run(probe) {
      const page = await visit(probe);
      await withRelease(probe, async ({ newWasm }) => {
        await reload(probe, page, 'online, with a new release served');
        await keptPage(probe, page, newWasm);
        probe.server.stall(true);
        await reload(probe, page, 'while the network does not answer');
        await probe.check('the next visit runs the new release', () => runsWasm(page, newWasm));
        await hasPlan(probe, page, 'in the new release');
        await sleep(1000);
      });
    },
  },
  {
    name: 'a broken release (its wasm missing) never replaces the working one',
    async run(probe) {
      const page = await visit(probe);
      await withRelease(
        probe,
        async ({ oldWasm }) => {
          await reload(probe, page, 'online, with a broken release served');
          await sleep(2000);
          await probe.context.setOffline(true);
          await reload(probe, page, 'offline, after the broken release');
          await probe.check('the working release still runs', () => runsWasm(page, oldWasm));
          await hasPlan(probe, page, 'after the broken release');
        },
        { breakWasm: true },
      );
    },
  },
  {
    name: 'a shared link opens offline',
    async run(probe) {
      const page = await visit(probe);
      await probe.context.setOffline(true);
      const plan = { name: 'Sam', qualification: 'cg-4411-30', units: ['002', '001'] };
      // From another document, so the link is a new load, not a change of fragment.
      await page.goto('about:blank');
      await page.goto(`${probe.url}#${shareFragment(plan)}`, { waitUntil: 'commit' }).catch((e) => probe.fail('the link opens offline', e.message));
      await probe.mounted(page);
      await probe.check('the shared plan is offered offline', async () => {
        if (!(await probe.waitForMessage(page, /shared plan/i, 3000))) throw new Error('no offer on screen');
      });
      await sleep(1000);
    },
  },
];

category('offline-release', runs, (probe, r) => r.run(probe), { concurrency: 1, serviceWorkers: 'allow', timeout: 90_000 });
