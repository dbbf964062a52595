// Saves PNG screenshots of qualplan's main states at phone, laptop and projector sizes, for a person
// to look at (not a test). Run from the project root:
//
//   QUALPLAN_DIST=dist node tests/e2e/screenshots.mjs [--viewport-only]
//
// Files: tests/e2e/artifacts/<state>-<size>.png (the whole page; with --viewport-only,
// <state>-<size>-viewport.png: what fits on the screen, the state's part scrolled into view).
// Any console error or page error is reported and makes the exit code 1.
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, openPage } from './support/browser.mjs';
import { DIST, Planner, ROOT, refuseToMake } from './support/planner.mjs';
import { EditorPage } from './support/editor.mjs';
import { startServer } from './support/server.mjs';

const OUT = fileURLToPath(new URL('./artifacts/', import.meta.url));
const fullPage = !process.argv.includes('--viewport-only');

const SIZES = {
  phone: { width: 390, height: 844 },
  laptop: { width: 1366, height: 900 },
  projector: { width: 1920, height: 1080 },
  'small-projector': { width: 1280, height: 720 },
};
// Only the states named after --only (comma-separated), where given.
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg > 0 ? process.argv[onlyArg + 1].split(',') : null;

// Each state: how to reach it from a fresh app, and what to bring into view.
const STATES = {
  'empty-plan': async () => {},
  'plan-meets-every-rule': async (p) => {
    await p.chooseQualification('highfield-l2-nvq-customer-service');
    await p.addAll(['F/601/1609', 'L/601/1614', 'F/601/1223', 'A/601/1205', 'M/601/1508', 'A/601/1530']);
    return p.planRegion;
  },
  // Past the published GLH and TQT: worded by how much, the meters out of their optimum.
  'past-published': async (p) => {
    await p.chooseQualification('cg-4411-30');
    await p.addAll(['002', '001', '004', '003']);
    return p.page.getByRole('group', { name: 'Totals' });
  },
  'rules-not-met': async (p) => {
    await p.chooseQualification('edi-l2-nvq-customer-service');
    await p.addAll(['CU791', 'CU792', 'CU795', 'CU810', 'CU813']);
    return p.rulesRegion;
  },
  'reading-switched': async (p) => {
    await p.chooseQualification('edi-l2-nvq-customer-service');
    await p.addAll(['CU791', 'CU792', 'CU818', 'CU821', 'CU756', 'CU826']);
    await p.chooseReading('Level 2 credits (Groups B-E)', 'Credits from units of level 2 or above');
    return p.readingGroup('Level 2 credits (Groups B-E)');
  },
  'barred-unit': async (p) => {
    await p.chooseQualification('cg-4411-30');
    await p.addAll(['002', '001', '010']);
    return p.availableUnit('101');
  },
  // Both units of a barred pair planned: where the unit was pressed, the clash and the next step.
  'barred-clash': async (p) => {
    await p.chooseQualification('cg-4411-30');
    await p.addAll(['002', '001']);
    await p.add('101');
    return p.availableUnit('101');
  },
  // The same on a projector: the broken pair leads the rules.
  'classroom-clash': async (p) => {
    await p.chooseQualification('cg-4411-30');
    await p.addAll(['002', '001', '101']);
    await p.page.getByRole('button', { name: 'Classroom mode', exact: true }).click();
    return null;
  },
  'no-rules-published': async (p) => {
    await p.chooseQualification('cg-7593-l1-award');
    await p.addAll(['110', '217']);
    return p.rulesRegion;
  },
  'unreadable-save': async () => {},
  // A failure inside the planner after it started (the page made to refuse list items, so the
  // next planned unit cannot be drawn), pressed far down the list: the message where one looks.
  stopped: async (p) => {
    await p.chooseQualification('cg-4411-30');
    await p.add('002');
    // Past the frames after the change, where progress towards other qualifications is drawn
    // (its rows are list items too): the failure comes from the press below, not before it.
    await p.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(r)))));
    await p.page.evaluate(refuseToMake, 'li');
    const codes = await p.availableCodes();
    await p.addButton(codes[codes.length - 1]).click();
    await p.page.getByRole('alert').filter({ hasText: 'stopped working' }).waitFor();
    return 'stay';
  },
  // A trainer's projector: one rule unmet, with its reading switch.
  classroom: async (p) => {
    await p.chooseQualification('cg-4411-30');
    await p.addAll(['002', '101', '105']);
    await p.page.getByRole('button', { name: 'Classroom mode', exact: true }).click();
    return null;
  },
  // The trainer opens the learner's record on the projector: each unit's status is shown for it.
  'classroom-record': async (p) => {
    await p.chooseQualification('cg-4411-30');
    await p.addAll(['002', '101', '105']);
    await p.page.getByRole('button', { name: 'Classroom mode', exact: true }).click();
    const panel = p.page.locator('details.record-panel');
    await panel.locator('summary').click();
    return p.planRegion.getByRole('list', { name: 'Your plan' });
  },
  // The trainer adds a unit far down the list: the verdict follows in the bar at the foot.
  'classroom-added-from-list': async (p) => {
    await p.chooseQualification('edi-l2-nvq-customer-service');
    await p.page.getByRole('button', { name: 'Classroom mode', exact: true }).click();
    const codes = await p.availableCodes();
    await p.add(codes[12]);
    return 'stay';
  },
  // A learner on a phone adds a unit from the bottom of the list.
  'added-from-bottom': async (p) => {
    await p.chooseQualification('edi-l2-nvq-customer-service');
    const codes = await p.availableCodes();
    await p.add(codes[codes.length - 1]);
    return 'stay';
  },
  // The same learner then presses "View plan" (a phone's bar; wider screens show the plan beside).
  'view-plan': async (p) => {
    await STATES['added-from-bottom'](p);
    const link = p.page.getByRole('link', { name: 'View plan', exact: true });
    // After the list's last unit the plan itself comes up over the bar.
    const heading = p.page.getByRole('heading', { name: 'Your plan', exact: true });
    if (!(await link.isVisible()) || (await heading.evaluate((h) => h.getBoundingClientRect().bottom < innerHeight))) return p.planRegion;
    await link.click();
    await p.page.waitForTimeout(300);
    return 'stay';
  },
  'kept-copies': async (p) => {
    const details = p.page.locator('details.kept-copies');
    await details.locator('summary').click();
    return details;
  },
  // An adviser compares the cheapest completions: units by code and title, how each differs.
  'completion-options': async (p) => {
    await p.chooseQualification('edi-l2-nvq-customer-service');
    await p.addAll(['CU791', 'CU792']);
    await p.findCompletions('credits');
    return p.completionOption(2);
  },
  // One option previewed: its units marked, and the verdict the plan would then have.
  'completion-preview': async (p) => {
    await p.chooseQualification('highfield-l2-nvq-customer-service');
    await p.addAll(['F/601/1609', 'L/601/1614', 'R/601/1209']);
    await p.findCompletions('credits');
    await p.previewCompletion(2);
    return p.completionOption(2);
  },
  // A link pasted into a tab already open: the plan shown read-only before it is saved.
  'shared-link': async (p) => {
    await p.chooseQualification('highfield-l2-nvq-customer-service');
    await p.add('F/601/1609');
    await p.openLinkHere('#q=cg-4411-30&u=002,001,104,106&r=entry3-min:inclusive&h=002:a,001:p&n=For%20Sam');
    await p.sharedOffer.waitFor();
    return p.sharedOffer;
  },
  // The link copied from the share panel.
  'copy-link': async (p) => {
    await p.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(p.url).origin });
    await p.chooseQualification('cg-4411-30');
    await p.addAll(['002', '001']);
    await p.copyLink();
    await p.page.locator('.copy-state').getByText('Copied').waitFor();
    return 'stay';
  },
  // An adviser with a learner: three units achieved under EDI's codes, one in progress, one
  // planned, and the finish date at 6 hours a week.
  'learner-record': async (p) => {
    await p.chooseQualification('highfield-l2-nvq-customer-service');
    const panel = p.page.locator('details.record-panel');
    await panel.locator('summary').click();
    for (const code of ['CU791', 'CU792', 'CU793']) {
      await panel.getByLabel('Record a unit already achieved', { exact: true }).fill(code);
      await panel.getByRole('button', { name: 'Record as achieved', exact: true }).click();
      await panel.getByText(`(typed as ${code})`).waitFor();
    }
    await p.addAll(['A/601/1205', 'M/601/1508']);
    await p.page.getByLabel('Status of M/601/1508', { exact: true }).selectOption('in_progress');
    await panel.getByLabel('Hours a week', { exact: true }).fill('6');
    await panel.getByLabel('Starting on', { exact: true }).fill('2026-12-07');
    await panel.getByRole('button', { name: 'Estimate the finish date', exact: true }).click();
    await panel.locator('.finish-date').waitFor();
    return panel;
  },
  // The same learner, a dearer unit planned: the cheapest completion from the units achieved and
  // in progress, and the quicker finish it gives.
  'record-completion': async (p) => {
    await STATES['learner-record'](p);
    await p.remove('A/601/1205');
    await p.add('A/601/1219');
    await p.page.locator('details.record-panel .quickest').waitFor();
    await p.findCompletions('guided learning hours');
    return p.completionRegion;
  },
  // The learner's Highfield route beside an EDI route: the shared unit marked in both.
  'compare-plans': async (p) => {
    await STATES['learner-record'](p);
    await p.renamePlan('Highfield route');
    await p.newPlan();
    await p.chooseQualification('edi-l2-nvq-customer-service');
    await p.addAll(['CU791', 'CU795', 'CU810']);
    await p.renamePlan('EDI route');
    const compare = p.page.locator('details.compare-plans');
    await compare.locator('summary').click();
    await compare.locator('section.compare-column').nth(1).waitFor();
    return compare;
  },
  // A trainer making a qualification in the editor: a unit table pasted and read, for checking.
  'editor-paste': async (p) => {
    const e = new EditorPage(p);
    await e.make();
    await e.fillDetails({ title: 'NVQ Certificate in Customer Service', body: 'Highfield Qualifications', glh: 192 });
    await e.units.getByLabel('Paste the unit table', { exact: true }).fill(readFileSync(path.join(ROOT, 'tests/fixtures/paste/highfield-units.txt'), 'utf8'));
    await e.units.getByRole('button', { name: 'Read the table', exact: true }).click();
    return p.page.locator('.paste-review');
  },
  // A table that prints no level column (City & Guilds 4411): each row's level chosen in the
  // review, its barred pairs offered as rules, and the columns not kept shown.
  'editor-paste-levels': async (p) => {
    const e = new EditorPage(p);
    await e.make();
    await e.fillDetails({ title: 'Entry 3 Award for Introduction to Customer Service', body: 'City & Guilds' });
    await e.units.getByLabel('Paste the unit table', { exact: true }).fill(readFileSync(path.join(ROOT, 'tests/fixtures/paste/cg-4411-units.txt'), 'utf8'));
    await e.units.getByRole('button', { name: 'Read the table', exact: true }).click();
    await e.units.getByLabel('Level for every row where none was read', { exact: true }).selectOption({ label: 'Entry 3' });
    await e.units.getByLabel('Level of 101', { exact: true }).selectOption({ label: 'Level 1' });
    return p.page.locator('.paste-review');
  },
  // The Highfield units pasted, two groups made and some units dragged into them.
  'editor-groups': async (p) => {
    const e = new EditorPage(p);
    await e.make();
    await e.fillDetails({ title: 'NVQ Certificate in Customer Service', body: 'Highfield Qualifications' });
    await e.pasteUnits(readFileSync(path.join(ROOT, 'tests/fixtures/paste/highfield-units.txt'), 'utf8'), undefined, { fromTable: false });
    await e.addGroup('Mandatory Units');
    await e.addGroup('Optional Group A');
    const target = e.groups.locator('li.group-zone').first();
    for (const code of ['F/601/1609', 'L/601/1614']) await e.groups.getByText(code, { exact: true }).dragTo(target);
    return e.groups;
  },
  // The units kept and grouped, a rule made, and the check beside the form.
  'editor-check': async (p) => {
    const e = new EditorPage(p);
    await e.makeGrouped({ title: 'Award in Retail Skills', body: 'Example Awarding Body', table: 'R01 Serve customers Level 2 4\nR02 Handle stock Level 2 3\nR03 Use a till Level 1 3\n', group: 'Optional units', codes: ['R01', 'R02'] });
    await e.addRule('At least, at most or exactly a number of credits, units or GLH', 'A minimum of 6 credits from the optional units', async (r) => {
      await r.getByLabel('Figure', { exact: true }).fill('6');
      await r.getByRole('checkbox', { name: 'Optional units', exact: true }).check();
    });
    await e.check.getByRole('checkbox', { name: 'R01 Serve customers' }).check();
    return p.page.locator('.qualification-editor');
  },
};
const SEEDS = {
  'unreadable-save': '{"version":2,"plans":[',
  'kept-copies': JSON.stringify({
    version: 2,
    current: 0,
    plans: [
      { name: 'Learner 1', qualification: 'cg-4411-30', units: ['002', '999'] },
      { name: 'On a file not loaded here', qualification: 'example-l2-retail', units: ['R01'] },
    ],
  }),
};

const server = await startServer(DIST);
const browser = await launch();
await mkdir(OUT, { recursive: true });
let failed = false;
try {
  for (const [sizeName, viewport] of Object.entries(SIZES)) {
    for (const [state, reach] of Object.entries(STATES).filter(([s]) => !only || only.includes(s))) {
      const { context, page, errors } = await openPage(browser, { viewport, reducedMotion: 'reduce' });
      try {
        const planner = new Planner(page, server.url, errors);
        await planner.open(state in SEEDS ? { seed: SEEDS[state] } : {});
        const focus = await reach(planner);
        // 'stay': the screen as the person left it (after a click far down the list).
        if (focus === 'stay') {
          // as it is
        } else if (focus && !fullPage) await focus.first().evaluate((e) => e.scrollIntoView({ block: 'start' }));
        else await page.evaluate(() => window.scrollTo(0, 0));
        // No hover, caret or focus ring in the picture.
        await page.mouse.move(0, 0);
        await page.evaluate(() => document.activeElement?.blur());
        // A whole-page picture is taken beyond the window, where a phone skips drawing the unit
        // groups out of view (content-visibility); draw them all, as scrolling to each would.
        if (fullPage) {
          await page.evaluate(() => {
            for (const g of document.querySelectorAll('.available li.group')) g.style.contentVisibility = 'visible';
          });
        }
        const file = path.join(OUT, `${state}-${sizeName}${fullPage ? '' : '-viewport'}.png`);
        await page.screenshot({ path: file, fullPage });
        console.log(path.relative(process.cwd(), file));
        if (errors.length && state !== 'stopped') {
          failed = true;
          console.error(`${state} at ${sizeName}: browser errors:\n  ${errors.join('\n  ')}`);
        }
      } catch (e) {
        failed = true;
        console.error(`${state} at ${sizeName}: ${e.message}`);
      } finally {
        await context.close();
      }
    }
  }
  // A first visit before the app is there, with the wasm held back until the picture is taken:
  // while it is on its way (the page's own first screen, inert, under the loading message), and
  // when it never arrives (the page says the planner could not start; that error is expected).
  const firstVisits = [
    ['first-visit-loading', (held) => (route) => held.then(() => route.continue()), (page) => page.locator('#prerendered'), false],
    ['start-failed', () => (route) => route.abort(), (page) => page.getByRole('alert').filter({ hasText: 'could not start' }), true],
  ];
  for (const [state, wasmRoute, shown, errorExpected] of firstVisits) {
    if (only && !only.includes(state)) continue;
    for (const [sizeName, viewport] of Object.entries(SIZES)) {
      const { context, page, errors } = await openPage(browser, { viewport, reducedMotion: 'reduce' });
      let release;
      const held = new Promise((r) => (release = r));
      await page.route('**/*_bg.wasm', wasmRoute(held));
      try {
        await page.goto(server.url, { waitUntil: 'domcontentloaded' });
        await shown(page).waitFor();
        const file = path.join(OUT, `${state}-${sizeName}${fullPage ? '' : '-viewport'}.png`);
        await page.screenshot({ path: file, fullPage });
        console.log(path.relative(process.cwd(), file));
        if (errors.length && !errorExpected) {
          failed = true;
          console.error(`${state} at ${sizeName}: browser errors:\n  ${errors.join('\n  ')}`);
        }
      } catch (e) {
        failed = true;
        console.error(`${state} at ${sizeName}: ${e.message}`);
      } finally {
        release();
        await context.close();
      }
    }
  }
  // The printed page, as Chromium prints it to PDF (read it back with pdftotext).
  const { context, page } = await openPage(browser, { viewport: SIZES.laptop });
  try {
    const planner = new Planner(page, server.url, []);
    await planner.open();
    await STATES['rules-not-met'](planner);
    const file = path.join(OUT, 'print.pdf');
    await page.pdf({ path: file, format: 'A4' });
    console.log(path.relative(process.cwd(), file));
    await planner.newPlan();
    await STATES['learner-record'](planner);
    const record = path.join(OUT, 'print-record.pdf');
    await page.pdf({ path: record, format: 'A4' });
    console.log(path.relative(process.cwd(), record));
  } finally {
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
process.exitCode = failed ? 1 : 0;
