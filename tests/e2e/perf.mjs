// Browser timings, measured in headless Chromium with the Performance API over repeated runs
// (not a test: `cargo xtask bench` runs it and keeps the report). Prints Markdown: the loopback
// table, the phone-profile table and the measures tried.
//
// Loopback (full CPU, files served uncompressed on 127.0.0.1, laptop-sized window):
//   first render:   navigation start -> the restored plan's verdict on screen (first and repeat visits)
//   add-to-verdict: a unit's Add button pressed -> the plan changed (one frame is 16 ms)
//   drop-to-verdict: an HTML5 drop on the plan -> the plan changed
//   completion:     "Find the cheapest completion" pressed -> the completions listed
// Phone profile (PHONE below, as Lighthouse's mobile profile): the same figures through a slow
// network and a slowed CPU, with the files compressed as a static host sends them.
//
// Only the phone profile's add or remove, for timing a change to the view (with the renderer's
// task, script, style and layout time per press):
//   QUALPLAN_PERF_ONLY=phone-latency QUALPLAN_PHONE_PRESSES=40 QUALPLAN_DIST=dist node tests/e2e/perf.mjs
// (with QUALPLAN_BARE_ROW=1, also the browser's own share: a plan row put in by hand, no app code;
// with QUALPLAN_QUALIFICATION=<id>, in that qualification instead of cg-4411-30)
// Only the phone profile's cold first render and planner ready:
//   QUALPLAN_PERF_ONLY=phone-first-render QUALPLAN_PHONE_RUNS=7 QUALPLAN_DIST=dist node tests/e2e/perf.mjs
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { startServer } from './support/server.mjs';
import { launch, openPage } from './support/browser.mjs';

const RUNS = Number(process.env.QUALPLAN_PERF_RUNS || 15);
const PHONE_RUNS = Number(process.env.QUALPLAN_PHONE_RUNS || 7);
// Presses for the phone's add or remove: one press is short and its time varies by a few ms from
// press to press, so the median needs more of them than a page load does.
const PHONE_PRESSES = Number(process.env.QUALPLAN_PHONE_PRESSES || 40);
// The largest qualification (49 units): each change touches more rows than in cg-4411-30.
const LARGE_QUALIFICATION = 'edi-l2-nvq-customer-service';
const DIST = process.env.QUALPLAN_DIST || path.resolve('dist');

/**
 * Lighthouse's mobile profile ("slow 4G" and a mid-range phone), applied through the DevTools
 * protocol: 1.6 Mbit/s down taken as Lighthouse and DevTools count it (1.6 x 1024 kbit/s of 1024
 * bit, so 1.6 x 1024 x 1024 / 8 = 209,715 bytes/s), 750 kbit/s up (750 x 1024 / 8 = 96,000 bytes/s),
 * 150 ms added to every request, the CPU slowed 4 times, a 390 x 844 window.
 */
const PHONE = {
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
  latency: 150,
  cpuRate: 4,
  viewport: { width: 390, height: 844 },
};

const server = await startServer(DIST);
const browser = await launch();

/** A table's rows: name, runs, median, worst, target. */
function stats(table, name, xs, target) {
  const s = [...xs].sort((a, b) => a - b);
  const median = s[Math.floor(s.length / 2)];
  const worst = s[s.length - 1];
  table.push({ name, runs: s.length, median, worst, target });
}
const loopback = [];
const phoneRows = [];

/**
 * Puts `page` on the phone profile through the DevTools protocol: the CPU slowed, and unless
 * `network` is false the slow network; the HTTP cache off when `cacheDisabled`.
 */
async function onPhone(page, { network = true, cacheDisabled = false } = {}) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  if (network) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: PHONE.latency,
      downloadThroughput: PHONE.downloadThroughput,
      uploadThroughput: PHONE.uploadThroughput,
    });
  }
  await cdp.send('Network.setCacheDisabled', { cacheDisabled });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuRate });
  return cdp;
}

/** A new context and page, the size of a phone when `phone`. */
function open(phone = false) {
  return openPage(browser, phone ? { viewport: PHONE.viewport } : {});
}

/** A saved workspace put in local storage before the page's own scripts run. */
function seedWorkspace(page, workspace) {
  return page.addInitScript((s) => localStorage.setItem('qualplan.workspace', s), JSON.stringify(workspace));
}

// What counts as the first render: every [selector, at least n elements] holds.
const UNITS_SHOWN = [['ul[aria-label="Available units"] li.unit', 1]];
// The app itself mounted (a first visit's page holds an inert first screen until then).
const APP_READY = [['body > main ul[aria-label="Available units"] li.unit', 1]];
const PLAN_SHOWN = [['.verdict', 1], ['ul[aria-label="Your plan"] li', 4]];
const MANY_PLANS_SHOWN = [['.verdict', 1], ['#plan-select option', 3000]];

/**
 * Watches every document `page` opens from its start, noting when `conditions` first hold (ms
 * after navigation start), so a render done before the test asks is timed where it happened.
 */
function watchFirstRender(page, conditions) {
  return page.addInitScript((conds) => {
    const met = () => conds.every(([selector, n]) => document.querySelectorAll(selector).length >= n);
    const obs = new MutationObserver(() => {
      if (met()) {
        obs.disconnect();
        window.__qualplanShown = performance.now();
      }
    });
    obs.observe(document, { childList: true, subtree: true });
  }, conditions);
}

/**
 * Runs `go` (a navigation or reload) and returns the watched first render, ms after navigation
 * start: when the conditions held, or the first contentful paint if that came later (markup in
 * the page is in the DOM before its style sheet has arrived and anything is drawn).
 */
async function firstRender(page, go) {
  await go();
  const shown = await page.waitForFunction(
    () => {
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      return window.__qualplanShown && paint && Math.max(window.__qualplanShown, paint.startTime);
    },
    null,
    { timeout: 120_000 },
  );
  return shown.jsonValue();
}

/**
 * Adds `code` to the plan (its Add button, or an HTML5 drop on the plan when `kind` is 'drop'), or
 * removes it when planned. Returns the ms from the press until the plan shows the change or, with
 * `frame`, until the next frame after it is drawn (style, layout and paint included).
 */
function change(page, code, { kind = 'click', frame = false } = {}) {
  return page.evaluate(
    ({ code, kind, frame }) =>
      new Promise((resolve) => {
        const planned = () => [...document.querySelectorAll('ul[aria-label="Your plan"] li .code')].map((e) => e.textContent);
        const wasIn = planned().includes(code);
        let t0;
        const done = () => resolve(performance.now() - t0);
        const obs = new MutationObserver(() => {
          if (planned().includes(code) === wasIn) return;
          obs.disconnect();
          if (!frame) return done();
          // A frame callback runs before the frame's style, layout and paint; a message posted from
          // it is handled after them.
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = done;
            channel.port2.postMessage(null);
          });
        });
        obs.observe(document.body, { childList: true, subtree: true, characterData: true });
        if (wasIn) {
          const b = document.querySelector(`button[aria-label="Remove ${code}"]`);
          t0 = performance.now();
          b.click();
        } else if (kind === 'drop') {
          const dt = new DataTransfer();
          dt.setData('text/plain', code);
          const zone = document.querySelector('.dropzone');
          t0 = performance.now();
          zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
        } else {
          const b = document.querySelector(`button[aria-label="Add ${code}"]`);
          t0 = performance.now();
          b.click();
        }
      }),
    { code, kind, frame },
  );
}

/**
 * Interaction latency in `qualification` (cg-4411-30 unless named): `presses` adds and removes
 * through eight of its units in turn. `phone`: the phone's window and CPU (the page loaded first
 * at full speed).
 */
async function latency({ kind = 'click', saved, phone = false, presses = RUNS * 2, breakdown, qualification } = {}) {
  const { context, page } = await open(phone);
  if (saved) await seedWorkspace(page, saved);
  await page.goto(server.url);
  await page.getByRole('combobox', { name: 'Qualification', exact: true }).selectOption(qualification ?? 'cg-4411-30');
  await page.locator('ul[aria-label="Available units"] button.add').first().waitFor({ state: 'attached' });
  const cdp = phone ? await onPhone(page, { network: false }) : null;
  const metrics = async () => {
    if (!breakdown || !cdp) return {};
    const { metrics } = await cdp.send('Performance.getMetrics');
    return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
  };
  if (breakdown && cdp) await cdp.send('Performance.enable');
  const codes = qualification
    ? (await page.locator('ul[aria-label="Available units"] li.unit .code').allTextContents()).slice(4, 12)
    : ['001', '003', '004', '005', '006', '007', '008', '010'];
  const times = [];
  const before = await metrics();
  for (let i = 0; i < presses; i++) times.push(await change(page, codes[i % codes.length], { kind, frame: phone }));
  const after = await metrics();
  // The renderer's own accounting, summed over the presses (the frame after each change included):
  // where a change's time goes.
  if (breakdown && cdp) {
    for (const [name, key] of [['task', 'TaskDuration'], ['script', 'ScriptDuration'], ['style', 'RecalcStyleDuration'], ['layout', 'LayoutDuration']]) {
      breakdown[name] = ((after[key] - before[key]) * 1000) / presses;
    }
    breakdown.layouts = (after.LayoutCount - before.LayoutCount) / presses;
  }
  await context.close();
  return times;
}

/**
 * The browser's own share of a change, with no app code run: on the phone profile, in
 * cg-4411-30 with 001 planned, a copy of the planned row put into the plan by hand and taken out
 * again in turn, each until the next frame is drawn, timed as `change` times a press. What the
 * app adds to a press (its script and the rest of what it redraws) is the difference; the wait
 * for the next frame is in both.
 */
async function bareRowChanges(presses) {
  const { context, page } = await open(true);
  await page.goto(server.url);
  await page.getByRole('combobox', { name: 'Qualification', exact: true }).selectOption('cg-4411-30');
  await page.locator('button[aria-label="Add 001"]').first().click();
  await page.locator('ul[aria-label="Your plan"] li').first().waitFor();
  await onPhone(page, { network: false });
  const times = [];
  for (let i = 0; i < presses; i++) {
    times.push(
      await page.evaluate(
        () =>
          new Promise((resolve) => {
            const list = document.querySelector('ul[aria-label="Your plan"]');
            const copy = list.querySelector('li.bare-copy');
            const t0 = performance.now();
            if (copy) {
              copy.remove();
            } else {
              const row = list.querySelector('li').cloneNode(true);
              row.classList.add('bare-copy');
              list.append(row);
            }
            requestAnimationFrame(() => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => resolve(performance.now() - t0);
              channel.port2.postMessage(null);
            });
          }),
      ),
    );
  }
  await context.close();
  return times;
}

const COMPLETION_QUALS = ['cg-4411-30', 'cg-4411-33', 'cg-4411-01', 'cg-4411-11', 'edi-l2-nvq-customer-service', 'cg-l3-nsvq-customer-service', 'highfield-l2-nvq-customer-service'];

/** "Find the cheapest completion" pressed -> the completions listed, `runs` times for each qualification. */
async function completions(table, { phone = false, runs = 5, label = '' } = {}) {
  const { context, page } = await open(phone);
  await page.goto(server.url);
  if (phone) await onPhone(page, { network: false });
  const picker = page.getByRole('combobox', { name: 'Qualification', exact: true });
  for (const q of COMPLETION_QUALS) {
    const times = [];
    for (let i = 0; i < runs; i++) {
      // Choosing the qualification afresh clears the last result.
      await picker.selectOption(q === COMPLETION_QUALS[0] ? COMPLETION_QUALS[1] : COMPLETION_QUALS[0]);
      await picker.selectOption(q);
      const t = await page.evaluate(
        () =>
          new Promise((resolve) => {
            const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Find the cheapest completion');
            const obs = new MutationObserver(() => {
              if (document.querySelector('ol[aria-label="Completions"]')) {
                obs.disconnect();
                resolve(performance.now() - t0);
              }
            });
            obs.observe(document.body, { childList: true, subtree: true });
            const t0 = performance.now();
            button.click();
          }),
      );
      times.push(t);
    }
    stats(table, `completion${label}: ${q} (ms)`, times, phone ? '-' : 20);
  }
  await context.close();
}

const BARE_ROW = "the browser's own share, no app code: a plan row put in or taken out by hand -> the next frame drawn (ms)";

// `QUALPLAN_PERF_ONLY=phone-latency`: only the phone profile's add or remove, `QUALPLAN_PHONE_PRESSES`
// presses (default 40), printed as a line (and, with `QUALPLAN_BARE_ROW`, the browser's own
// share); for timing a change to the view without the whole bench.
if (process.env.QUALPLAN_PERF_ONLY === 'phone-latency') {
  const presses = PHONE_PRESSES;
  const per = {};
  const times = await latency({ phone: true, presses, breakdown: per, qualification: process.env.QUALPLAN_QUALIFICATION });
  stats(phoneRows, 'add or remove on the phone profile -> the next frame drawn (ms)', times, '16 median, 50 worst');
  if (process.env.QUALPLAN_BARE_ROW) stats(phoneRows, BARE_ROW, await bareRowChanges(presses), '-');
  await browser.close();
  await server.close();
  for (const r of phoneRows) console.log(`${r.name}: ${r.runs} presses, median ${r.median.toFixed(1)}, worst ${r.worst.toFixed(1)}`);
  // In the order pressed: adds of the 8 codes, then their removes, and so on.
  console.log(`each press in order (ms): ${times.map((t) => t.toFixed(1)).join(' ')}`);
  console.log(`per press (ms): task ${per.task.toFixed(1)}, script ${per.script.toFixed(1)}, style ${per.style.toFixed(1)}, layout ${per.layout.toFixed(1)} in ${per.layouts.toFixed(2)} layouts`);
  process.exit(0);
}

// `QUALPLAN_PERF_ONLY=phone-first-render`: only the phone profile's cold first render and planner
// ready (gzip -9), `QUALPLAN_PHONE_RUNS` runs each, printed as table rows.
if (process.env.QUALPLAN_PERF_ONLY === 'phone-first-render') {
  const site = await startServer(DIST, { compression: 'gzip' });
  for (const [what, conditions] of [['units listed', UNITS_SHOWN], ['planner ready', APP_READY]]) {
    const times = [];
    for (let i = 0; i < PHONE_RUNS; i++) times.push((await coldOnPhone(site, conditions)).ms);
    stats(phoneRows, `cold, gzip -9: navigation start -> ${what} (ms)`, times, '-');
  }
  for (const r of phoneRows) console.log(`${r.name}: ${r.runs} runs, median ${r.median.toFixed(0)}, worst ${r.worst.toFixed(0)}`);
  await Promise.all([browser.close(), server.close(), site.close()]);
  process.exit(0);
}

const seed = {
  version: 2,
  current: 0,
  plans: [{ name: 'Seeded', qualification: 'highfield-l2-nvq-customer-service', units: ['F/601/1609', 'L/601/1614', 'R/601/1209', 'A/601/1205'], readings: {} }],
};

// ---- Loopback ----

// First render with the catalogue loaded and a saved plan restored: on a first visit (a new
// browser context, so nothing is cached: the wasm is fetched and compiled afresh) and on repeat
// visits (the browser keeps the compiled wasm).
{
  const times = [];
  for (let i = 0; i < Math.max(5, Math.floor(RUNS / 2)); i++) {
    const { context, page } = await open();
    await seedWorkspace(page, seed);
    await watchFirstRender(page, PLAN_SHOWN);
    times.push(await firstRender(page, () => page.goto(server.url)));
    await context.close();
  }
  stats(loopback, 'first render on a first visit, nothing cached (ms after navigation)', times, 300);
}
{
  const { context, page } = await open();
  await seedWorkspace(page, seed);
  await watchFirstRender(page, PLAN_SHOWN);
  await firstRender(page, () => page.goto(server.url));
  const times = [];
  for (let i = 0; i < RUNS; i++) times.push(await firstRender(page, () => page.goto(server.url)));
  stats(loopback, 'first render on a repeat visit, saved plan restored (ms after navigation)', times, 300);
  await context.close();
}

stats(loopback, 'add or remove -> plan and verdict updated (ms)', await latency(), 16);
stats(loopback, 'drop -> plan and verdict updated (ms)', await latency({ kind: 'drop' }), 16);
const manyPlans = (n) => ({
  version: 2,
  current: 0,
  plans: Array.from({ length: n }, (_, i) => ({ name: `Plan ${i}`, qualification: 'cg-4411-30', units: ['002'], readings: {} })),
});
stats(loopback, 'add or remove with 3,000 saved plans (each change saves them all) (ms)', await latency({ saved: manyPlans(3000) }), 16);

// Completion in the browser build, per qualification with rules.
await completions(loopback, { label: ' in the browser' });

// Load: thousands of saved plans, and a loaded catalogue file of 5,000 units.

function generated(units, quals) {
  let x = 7;
  const rnd = (n) => { x = (x * 1103515245 + 12345) % 2147483648; return x % n; };
  const levels = ['Entry 3', '1', '2', '3'];
  const codes = Array.from({ length: units }, (_, i) => `G${String(i).padStart(5, '0')}`);
  const doc = {
    schema: 1,
    document: { id: 'GEN', title: 'Generated catalogue', awarding_body: 'Generated', edition: null },
    units: codes.map((code) => {
      const credit = 2 + rnd(9);
      return { code, uan: null, title: `Generated unit ${code}`, level: levels[rnd(4)], credit, glh: credit * 7,
        learning_outcomes: null, assessment_criteria: null, source: 'generated' };
    }),
    qualifications: [],
  };
  for (let q = 0; q < quals; q++) {
    const pick = (n) => { const v = new Set(); while (v.size < n) v.add(codes[rnd(units)]); return [...v]; };
    const groups = [0, 1, 2, 3].map(() => pick(10));
    const rule = (id, label, require) => ({ id, label, text: label, source: 'generated', require });
    doc.qualifications.push({
      id: `gen-${q}`, title: `Generated Certificate ${q}`, awarding_body: 'Generated', awarding_body_number: null,
      regulator_number: null, level: '2', size: 'Certificate', glh: null, glh_range: null, tqt: null, min_credits: 30,
      source: 'generated',
      groups: groups.map((g, i) => ({ id: `G${i}`, name: `Optional group ${i}`, units: g })),
      rules_published: true,
      rules: [
        rule('total', 'Total credits', { count: { measure: 'credits', from: 'all', min: 30 } }),
        rule('each', 'One from each group', { all_of: { distinct: true, rules: [0, 1, 2, 3].map((i) =>
          rule(`g${i}`, `Optional group ${i}`, { count: { measure: 'units', from: { groups: [`G${i}`] }, min: 1 } })) } }),
        rule('level1', 'At most three units at level 1', { count: { measure: 'units', from: 'all', level: { at: '1' }, max: 3 } }),
      ],
    });
  }
  return JSON.stringify(doc);
}


{
  const plans = Array.from({ length: 3000 }, (_, i) => ({ name: `Plan ${i}`, qualification: 'cg-4411-30', units: ['002', '001'], readings: {} }));
  const { context, page } = await open();
  await seedWorkspace(page, { version: 2, current: 0, plans });
  await watchFirstRender(page, MANY_PLANS_SHOWN);
  const times = [];
  for (let i = 0; i < 5; i++) times.push(await firstRender(page, () => page.goto(server.url)));
  stats(loopback, 'first render with 3,000 saved plans (ms after navigation)', times, 300);
  await context.close();
}

{
  const text = generated(5000, 500);
  const name = `load a ${(text.length / 1e6).toFixed(1)} MB catalogue file of 5,000 units and 500 qualifications (ms)`;
  const { context, page } = await open();
  await page.goto(server.url);
  await page.getByText('Your own qualifications').click();
  const t0 = Date.now();
  await page.getByLabel('Load a catalogue file').setInputFiles({ name: 'generated.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  const loaded = await page.locator('option[value="gen-499"]').waitFor({ state: 'attached', timeout: 60_000 }).then(() => true, () => false);
  if (loaded) {
    stats(loopback, name, [Date.now() - t0], '-');
    await page.getByRole('combobox', { name: 'Qualification', exact: true }).selectOption('gen-7');
    const codes = await page.locator('ul[aria-label="Available units"] li.unit .code').allTextContents();
    const times = [];
    for (let i = 0; i < 10; i++) times.push(await change(page, codes[i % codes.length]));
    stats(loopback, 'add or remove with the 5,000-unit catalogue loaded (ms)', times, 16);
  } else {
    loopback.push({ name, failed: 'not loaded within 60 s', target: '-' });
  }
  await context.close();
}

// ---- Phone profile ----

const gzip = await startServer(DIST, { compression: 'gzip' });
const brotli = await startServer(DIST, { compression: 'br' });

/**
 * One cold first render on the phone profile: a new context (nothing cached, no service worker),
 * the HTTP cache off, navigation start -> available units listed. Also returns how many times the
 * page fetched the wasm (a preload the loader does not use shows as a second fetch).
 */
async function coldOnPhone(site, conditions = UNITS_SHOWN) {
  const { context, page } = await open(true);
  await watchFirstRender(page, conditions);
  await onPhone(page, { cacheDisabled: true });
  const ms = await firstRender(page, () => page.goto(site.url));
  const wasmFetches = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('_bg.wasm')).length);
  await context.close();
  return { ms, wasmFetches };
}

/** The encoding `site` sent the wasm in; fails unless it is `want` (the browser may not accept it). */
function sentWasmAs(site, want) {
  const sent = new Set(site.served.filter((s) => s.path.endsWith('_bg.wasm')).map((s) => s.encoding));
  if (sent.size !== 1 || !sent.has(want)) throw new Error(`the wasm was sent as ${[...sent].join(', ') || 'nothing'}, not ${want}`);
  return site.served.find((s) => s.path.endsWith('_bg.wasm')).bytes;
}

const wireBytes = {};
for (const [site, encoding, target] of [[gzip, 'gzip', '1,500 median'], [brotli, 'br', '-']]) {
  const times = [];
  for (let i = 0; i < PHONE_RUNS; i++) times.push((await coldOnPhone(site)).ms);
  wireBytes[encoding] = sentWasmAs(site, encoding);
  stats(phoneRows, `first render, cold (new context, cache off), ${encoding === 'br' ? 'brotli 11' : 'gzip -9'}: navigation start -> available units listed (ms)`, times, target);
  const ready = [];
  for (let i = 0; i < PHONE_RUNS; i++) ready.push((await coldOnPhone(site, APP_READY)).ms);
  stats(phoneRows, `planner ready, cold, ${encoding === 'br' ? 'brotli 11' : 'gzip -9'}: navigation start -> the app mounted, its units listed and their buttons live (ms)`, ready, '-');
}

// A repeat visit: the page visited once (at full speed) until the service worker has its files
// and controls the page, then reloaded on the phone profile with the HTTP cache on.
{
  const { context, page } = await open(true);
  await watchFirstRender(page, UNITS_SHOWN);
  await page.goto(gzip.url);
  await page.locator('body[data-offline-ready="true"]').waitFor({ timeout: 30_000 });
  await onPhone(page);
  const times = [];
  for (let i = 0; i < PHONE_RUNS; i++) {
    times.push(await firstRender(page, () => page.reload()));
    if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) throw new Error('the reloaded page is not controlled by the service worker');
  }
  stats(phoneRows, 'first render, repeat visit through the service worker: navigation start -> available units listed (ms)', times, '400 median');
  await context.close();
}

stats(phoneRows, 'add or remove -> plan, verdict, layout and paint done (the next frame drawn) (ms)', await latency({ phone: true, presses: PHONE_PRESSES }), '16 median, 50 worst');
stats(phoneRows, `the same in ${LARGE_QUALIFICATION} (49 units) (ms)`, await latency({ phone: true, presses: PHONE_PRESSES, qualification: LARGE_QUALIFICATION }), '16 median, 50 worst');
// The first change a page makes is its slowest (the worst above is usually it): a new page each run.
const firsts = [];
for (let i = 0; i < PHONE_RUNS; i++) firsts.push(...(await latency({ phone: true, presses: 1 })));
stats(phoneRows, "the same, the page's first add after loading (a new page each run) (ms)", firsts, '-');
stats(phoneRows, BARE_ROW, await bareRowChanges(PHONE_PRESSES), '-');
await completions(phoneRows, { phone: true, runs: PHONE_RUNS });

// ---- Measures: the wasm preloaded beside the script ----

/** A copy of `dist` whose page has the wasm preload link removed (or added, when it has none). */
async function withWasmPreloadToggled(dist) {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'qualplan-preload-'));
  await cp(dist, folder, { recursive: true });
  const file = path.join(folder, 'index.html');
  const page = await readFile(file, 'utf8');
  // As trunk writes it, attributes quoted or (the release build's minified page) bare.
  const link = [...page.matchAll(/<link\b[^>]*>/g)].find((m) => /\brel="?preload"?/.test(m[0]) && /_bg\.wasm/.test(m[0]));
  let toggled;
  if (link) {
    toggled = page.replace(link[0], '');
  } else {
    const wasm = page.match(/module_or_path: '([^']*_bg\.wasm)'/);
    if (!wasm) throw new Error(`${file}: no wasm named in the loader`);
    toggled = page.replace('</head>', `<link rel="preload" href="${wasm[1]}" as="fetch" type="application/wasm" crossorigin="anonymous"></head>`);
  }
  await writeFile(file, toggled);
  return { folder, preloaded: !link, pageBytesChange: Buffer.byteLength(toggled) - Buffer.byteLength(page), link: link ? link[0] : null };
}

const measures = [];
{
  const variant = await withWasmPreloadToggled(DIST);
  const other = await startServer(variant.folder, { compression: 'gzip' });
  const shipped = { ms: [], fetches: new Set() };
  const toggled = { ms: [], fetches: new Set() };
  // Taken in turn, so both see the same machine and conditions.
  for (let i = 0; i < PHONE_RUNS; i++) {
    for (const [site, into] of [[gzip, shipped], [other, toggled]]) {
      // The first screen is in the page and does not wait for the wasm: the preload can only
      // change when the planner is ready.
      const { ms, wasmFetches } = await coldOnPhone(site, APP_READY);
      into.ms.push(ms);
      into.fetches.add(wasmFetches);
    }
  }
  await other.close();
  await rm(variant.folder, { recursive: true, force: true });
  const [withPreload, without] = variant.preloaded ? [toggled, shipped] : [shipped, toggled];
  measures.push({ variant, withPreload, without });
}

await browser.close();
await Promise.all([server.close(), gzip.close(), brotli.close()]);

// ---- The report ----

const ms = (x) => x.toFixed(1);
function table(rows) {
  const out = ['| measurement | runs | median (ms) | worst (ms) | target |', '|---|---:|---:|---:|---:|'];
  for (const r of rows) {
    out.push(r.failed ? `| ${r.name} | - | ${r.failed} | - | ${r.target} |` : `| ${r.name} | ${r.runs} | ${ms(r.median)} | ${ms(r.worst)} | ${r.target} |`);
  }
  return out.join('\n');
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const worst = (xs) => Math.max(...xs);
const wasmFile = (await readFile(path.join(DIST, 'index.html'), 'utf8')).match(/module_or_path: '\/?([^']*_bg\.wasm)'/)[1];
const wasmGzip = zlib.gzipSync(await readFile(path.join(DIST, wasmFile)), { level: 9 }).length;

console.log(table(loopback));
console.log(`
## Browser, phone profile

The same kind of figures on Lighthouse's mobile profile, applied to the page through the Chrome DevTools Protocol:

- network (\`Network.emulateNetworkConditions\`): ${PHONE.downloadThroughput.toFixed(1)} bytes/s down (1.6 Mbit/s counted as Lighthouse and DevTools do: 1.6 × 1024 × 1024 / 8), ${PHONE.uploadThroughput} bytes/s up (750 × 1024 / 8), ${PHONE.latency} ms added to each request (DevTools' request latency, not Lighthouse's simulated round trips);
- CPU slowed ${PHONE.cpuRate}× (\`Emulation.setCPUThrottlingRate\`); window ${PHONE.viewport.width} × ${PHONE.viewport.height};
- files compressed once as a static host sends them (\`support/server.mjs\`): gzip -9 (node's zlib, level 9; the wasm is ${wireBytes.gzip} bytes on the wire) or brotli quality 11 (${wireBytes.br} bytes), by the request's Accept-Encoding, with \`Vary: Accept-Encoding\`;
- first render cold: a new browser context each run, \`Network.setCacheDisabled\` on, no service worker; repeat visit: the same page visited once at full speed until its service worker keeps the files and controls it, then reloaded with the network, CPU and HTTP cache as above;
- add or remove: ${PHONE_PRESSES} presses in cg-4411-30, and as many in ${LARGE_QUALIFICATION}, on the CPU alone (after a full-speed load), each timed from the click to after the next frame is drawn once the plan has changed (the verdict's words do not change with every unit, so the plan is what is watched; the frame then includes every other update, layout and paint); the page's first add is also timed on its own, ${PHONE_RUNS} new pages;
- completion: ${PHONE_RUNS} runs per qualification on the CPU alone; every other figure ${PHONE_RUNS} runs (\`QUALPLAN_PHONE_RUNS\`).

${table(phoneRows)}`);
console.log(`
## Measures

Each measure is timed on the phone profile's cold load (gzip) until the planner is ready (the app mounted, its buttons live; the first screen in the page does not wait for the wasm), the page as built and the page changed taken in turn, ${PHONE_RUNS} runs each, in the same run.
`);
for (const { variant, withPreload, without } of measures) {
  const change = withPreload.ms.length && median(without.ms) - median(withPreload.ms);
  console.log(`**The wasm fetched beside the script** (\`<link rel="preload" as="fetch">\` for ${wasmFile}, ${wasmGzip} bytes gzip -9; the link is ${Math.abs(variant.pageBytesChange)} bytes of the page). trunk 0.21 ${variant.preloaded ? 'did not write the link; the variant adds it' : 'already writes it (with an `integrity` hash that Chromium ignores on `as="fetch"` preloads) and it is in the build; the variant removes it'}.

| page | wasm fetches per load | median (ms) | worst (ms) |
|---|---:|---:|---:|
| with the preload | ${[...withPreload.fetches].join(', ')} | ${ms(median(withPreload.ms))} | ${ms(worst(withPreload.ms))} |
| without it | ${[...without.fetches].join(', ')} | ${ms(median(without.ms))} | ${ms(worst(without.ms))} |

With the preload the planner is ready, at the median, ${ms(Math.abs(change))} ms ${change >= 0 ? 'sooner' : 'later'}: ${change > 0 ? 'it pays, so the build keeps the link' : 'it does not pay, so the build should not carry the link'}.`);
}
