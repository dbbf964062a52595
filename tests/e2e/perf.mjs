// Browser timings, measured in headless Chromium with the Performance API over repeated runs
// (not a test: `cargo xtask bench` runs it and keeps the report). Prints a Markdown table.
//   first render:   navigation start -> the restored plan's verdict on screen (first and repeat visits)
//   add-to-verdict: a unit's Add button pressed -> the verdict text changed (one frame is 16 ms)
//   drop-to-verdict: an HTML5 drop on the plan -> the verdict text changed
//   completion:     "Find the cheapest completion" pressed -> the completions listed
import { startServer } from './support/server.mjs';
import { launch, openPage } from './support/browser.mjs';

const RUNS = Number(process.env.QUALPLAN_PERF_RUNS || 15);
const server = await startServer();
const browser = await launch();
const rows = [];

function stats(name, xs, budget) {
  const s = [...xs].sort((a, b) => a - b);
  const median = s[Math.floor(s.length / 2)];
  const worst = s[s.length - 1];
  rows.push({ name, runs: s.length, median, worst, budget });
}

const seed = {
  version: 2,
  current: 0,
  plans: [{ name: 'Seeded', qualification: 'highfield-l2-nvq-customer-service', units: ['F/601/1609', 'L/601/1614', 'R/601/1209', 'A/601/1205'], readings: {} }],
};

// First render with the catalogue loaded and a saved plan restored: on a first visit (a new
// browser context, so nothing is cached: the wasm is fetched and compiled afresh) and on repeat
// visits (the browser keeps the compiled wasm).
function untilPlanShown() {
  return new Promise((resolve) => {
    const done = () => document.querySelector('.verdict') && document.querySelectorAll('ul[aria-label="Your plan"] li').length === 4;
    if (done()) return resolve(performance.now());
    new MutationObserver((_, obs) => {
      if (done()) {
        obs.disconnect();
        resolve(performance.now());
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
}
{
  const times = [];
  for (let i = 0; i < Math.max(5, Math.floor(RUNS / 2)); i++) {
    const { context, page } = await openPage(browser);
    await page.addInitScript((s) => localStorage.setItem('qualplan.workspace', s), JSON.stringify(seed));
    await page.goto(server.url);
    times.push(await page.evaluate(untilPlanShown));
    await context.close();
  }
  stats('first render on a first visit, nothing cached (ms after navigation)', times, 300);
}
{
  const { context, page } = await openPage(browser);
  await page.addInitScript((s) => localStorage.setItem('qualplan.workspace', s), JSON.stringify(seed));
  await page.goto(server.url);
  await page.evaluate(untilPlanShown);
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    await page.goto(server.url);
    times.push(await page.evaluate(untilPlanShown));
  }
  stats('first render on a repeat visit, saved plan restored (ms after navigation)', times, 300);
  await context.close();
}

// Interaction latency: press Add (or drop), wait for the verdict text to change.
async function latency(kind, saved) {
  const { context, page } = await openPage(browser);
  if (saved) await page.addInitScript((s) => localStorage.setItem('qualplan.workspace', s), JSON.stringify(saved));
  await page.goto(server.url);
  await page.getByRole('combobox', { name: 'Qualification', exact: true }).selectOption('cg-4411-30');
  await page.getByRole('button', { name: 'Add 002', exact: true }).first().waitFor();
  const times = [];
  const codes = ['001', '003', '004', '005', '006', '007', '008', '010'];
  for (let i = 0; i < RUNS * 2; i++) {
    const code = codes[i % codes.length];
    const t = await page.evaluate(
      ({ code, kind }) =>
        new Promise((resolve) => {
          const verdict = document.querySelector('.verdict');
          const planned = () => [...document.querySelectorAll('ul[aria-label="Your plan"] li .code')].map((e) => e.textContent);
          const wasIn = planned().includes(code);
          const obs = new MutationObserver(() => {
            if (planned().includes(code) !== wasIn) {
              obs.disconnect();
              resolve(performance.now() - t0);
            }
          });
          obs.observe(document.body, { childList: true, subtree: true, characterData: true });
          let t0;
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
          void verdict;
        }),
      { code, kind },
    );
    times.push(t);
  }
  await context.close();
  return times;
}
stats('add or remove -> plan and verdict updated (ms)', await latency('click'), 16);
stats('drop -> plan and verdict updated (ms)', await latency('drop'), 16);
const manyPlans = (n) => ({
  version: 2,
  current: 0,
  plans: Array.from({ length: n }, (_, i) => ({ name: `Plan ${i}`, qualification: 'cg-4411-30', units: ['002'], readings: {} })),
});
stats('add or remove with 3,000 saved plans (each change saves them all) (ms)', await latency('click', manyPlans(3000)), 16);

// Completion in the browser build, per qualification with rules.
{
  const { context, page } = await openPage(browser);
  await page.goto(server.url);
  const quals = ['cg-4411-30', 'cg-4411-33', 'cg-4411-01', 'cg-4411-11', 'edi-l2-nvq-customer-service', 'cg-l3-nsvq-customer-service', 'highfield-l2-nvq-customer-service'];
  for (const q of quals) {
    const times = [];
    for (let i = 0; i < 5; i++) {
      // Choosing the qualification afresh clears the last result.
      await page.getByRole('combobox', { name: 'Qualification', exact: true }).selectOption(q === quals[0] ? quals[1] : quals[0]);
      await page.getByRole('combobox', { name: 'Qualification', exact: true }).selectOption(q);
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
    stats(`completion in the browser: ${q} (ms)`, times, 20);
  }
  await context.close();
}


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
  const { context, page } = await openPage(browser);
  await page.addInitScript((s) => localStorage.setItem('qualplan.workspace', s), JSON.stringify({ version: 2, current: 0, plans }));
  const times = [];
  for (let i = 0; i < 5; i++) {
    await page.goto(server.url);
    times.push(await page.evaluate(() => new Promise((resolve) => {
      const done = () => document.querySelectorAll('#plan-select option').length === 3000 && document.querySelector('.verdict');
      if (done()) return resolve(performance.now());
      new MutationObserver((_, o) => { if (done()) { o.disconnect(); resolve(performance.now()); } })
        .observe(document.body, { childList: true, subtree: true });
    })));
  }
  stats('first render with 3,000 saved plans (ms after navigation)', times, 300);
  await context.close();
}

{
  const text = generated(5000, 500);
  const { context, page } = await openPage(browser);
  await page.goto(server.url);
  await page.getByText('Your own qualifications').click();
  const t0 = Date.now();
  await page.getByLabel('Load a catalogue file').setInputFiles({ name: 'generated.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.locator('option[value="gen-499"]').waitFor({ state: 'attached', timeout: 60_000 });
  stats(`load a ${(text.length / 1e6).toFixed(1)} MB catalogue file of 5,000 units and 500 qualifications (ms)`, [Date.now() - t0], '-');
  await page.getByRole('combobox', { name: 'Qualification', exact: true }).selectOption('gen-7');
  const codes = await page.locator('ul[aria-label="Available units"] li.unit .code').allTextContents();
  const times = [];
  for (let i = 0; i < 10; i++) {
    const code = codes[i % codes.length];
    times.push(await page.evaluate((code) => new Promise((resolve) => {
      const planned = () => [...document.querySelectorAll('ul[aria-label="Your plan"] li .code')].map((e) => e.textContent);
      const wasIn = planned().includes(code);
      const o = new MutationObserver(() => { if (planned().includes(code) !== wasIn) { o.disconnect(); resolve(performance.now() - t0); } });
      o.observe(document.body, { childList: true, subtree: true, characterData: true });
      const b = document.querySelector(`button[aria-label="${wasIn ? 'Remove' : 'Add'} ${code}"]`);
      const t0 = performance.now();
      b.click();
    }), code));
  }
  stats('add or remove with the 5,000-unit catalogue loaded (ms)', times, 16);
  await context.close();
}

await browser.close();
await server.close();
console.log('| measurement | runs | median | worst | target |\n|---|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.name} | ${r.runs} | ${r.median.toFixed(1)} | ${r.worst.toFixed(1)} | ${r.budget} |`);
}
