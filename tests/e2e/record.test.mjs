// A learner's record, as an adviser keeps it with a learner: units achieved under another awarding
// body's codes, one in progress, an exemption, what is left and the finish date at 6 hours a week,
// kept across a reload, carried by a link, and printed.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { eventually, harness } from './support/planner.mjs';

const app = harness();
const HIGHFIELD = 'highfield-l2-nvq-customer-service';

function panel(p) {
  return p.page.locator('details.record-panel');
}

async function openPanel(p) {
  if (!(await panel(p).evaluate((d) => d.open))) await panel(p).locator('summary').click();
}

/** Records `code` as achieved from the panel, by keyboard: typed, then Enter. */
async function recordAchieved(p, code) {
  const field = panel(p).getByLabel('Record a unit already achieved', { exact: true });
  await field.fill(code);
  await field.press('Enter');
}

async function status(p, code) {
  return p.page.getByRole('combobox', { name: `Status of ${code}`, exact: true }).inputValue();
}

async function recordOf(p, code) {
  return p.planList.locator('li', { has: p.page.getByRole('combobox', { name: `Status of ${code}`, exact: true }) }).locator('.record-details').innerText();
}

function inView(box, viewport) {
  return box && box.y >= 0 && box.y + box.height <= viewport.height && box.x >= 0 && box.x + box.width <= viewport.width;
}

/** The adviser's journey up to the finish date: three EDI units achieved, one in progress, one planned. */
async function journey(p) {
  await p.chooseQualification(HIGHFIELD);
  await openPanel(p);
  for (const code of ['CU791', 'CU792', 'CU793']) {
    await recordAchieved(p, code);
    await panel(p).getByText(`(typed as ${code})`).waitFor();
  }
  await p.addAll(['A/601/1205', 'M/601/1508']);
  await p.page.getByRole('combobox', { name: 'Status of M/601/1508', exact: true }).selectOption('in_progress');
  await panel(p).getByLabel('Hours a week', { exact: true }).fill('6');
  await panel(p).getByLabel('Starting on', { exact: true }).fill('2026-12-07');
  await panel(p).getByRole('button', { name: 'Estimate the finish date', exact: true }).click();
}

test('an adviser records units achieved under EDI codes, one in progress, and sees what is left and the finish date at 6 hours a week', app(async (p) => {
  await p.open();
  await journey(p);
  // Each EDI code became the Highfield unit the catalogue links it to, achieved, its source named.
  assert.deepEqual(await p.planCodes(), ['F/601/1609', 'L/601/1614', 'R/601/1209', 'A/601/1205', 'M/601/1508']);
  for (const [code, edi] of [['F/601/1609', 'CU791'], ['L/601/1614', 'CU792'], ['R/601/1209', 'CU793']]) {
    assert.equal(await status(p, code), 'achieved');
    assert.equal(await recordOf(p, code), `as ${edi}, EDI (the same title, level and credit value)`);
  }
  assert.equal(await status(p, 'M/601/1508'), 'in_progress');
  assert.equal(await status(p, 'A/601/1205'), 'planned');
  // The achieved units alone against the rules, and the totals by status.
  assert.equal(await panel(p).locator('.achieved-so-far').innerText(), 'Achieved so far: meets 2 of 6 rules');
  const totals = await panel(p).getByRole('definition').allInnerTexts();
  assert.deepEqual(totals, ['3 units, 13 credits, 93 GLH', '1 unit, 5 credits, 33 GLH', '1 unit, 5 credits, 33 GLH']);
  // Where the achieved units lead: EDI's NVQ holds all three; a Level 3 qualification is named too.
  const leads = await panel(p).locator('ul.progression li').allInnerTexts();
  assert.match(leads[0], /^EDI Level 2 NVQ.*: 3 units count/);
  assert.ok(leads.some((l) => /Level 3/.test(l)), leads.join('\n'));
  // What is left: the in-progress and planned units and the cheapest unit still needed, 99 GLH;
  // 17 weeks at 6 a week (16.5 rounded up) from Monday 7 December 2026.
  const finish = panel(p).locator('.finish');
  assert.equal(await finish.locator('.finish-date').innerText(), 'Estimated finish: around 5 April 2027 (17 weeks at 6 hours a week from 7 December 2026).');
  assert.match(await finish.innerText(), /Still to study: 99 GLH in 3 units \(1 in progress, 1 planned, 1 to add to meet the rules, the cheapest in GLH: A\/601\/1530\)\./);
  assert.match(await finish.innerText(), /Counted in guided learning hours \(GLH\)/);
  // The finish date is where the adviser is looking when it appears.
  const viewport = p.page.viewportSize();
  assert.ok(inView(await finish.boundingBox(), viewport), 'the finish date is on screen after pressing the button');
  // Each rule for the achieved units alone, opened from beneath that line.
  await panel(p).locator('details.achieved-rules summary').click();
  const ruleLines = await panel(p).locator('details.achieved-rules li').allInnerTexts();
  assert.equal(ruleLines.length, 6);
  assert.equal(ruleLines[0], 'Met: Mandatory Units');
  assert.equal(ruleLines.filter((l) => l.startsWith('Not met: ')).length, 4);
  // One hour a week more: 99 / 7 = 15 weeks (14.1 rounded up).
  await panel(p).getByLabel('Hours a week', { exact: true }).fill('7');
  await panel(p).getByLabel('Hours a week', { exact: true }).press('Enter');
  await eventually(async () => assert.match(await finish.locator('.finish-date').innerText(), /15 weeks at 7 hours a week/));
  // The verdict on the whole plan is unchanged by the statuses: 4 of 6 rules, 23 of 28 credits.
  assert.equal(await p.total('Credits'), '23 of 28 minimum');
  // Kept across a reload, in the saved form's version 3.
  await p.reload();
  assert.equal(await status(p, 'F/601/1609'), 'achieved');
  assert.equal(await status(p, 'M/601/1508'), 'in_progress');
  const saved = await p.saved();
  assert.equal(saved.version, 3);
  assert.deepEqual(saved.plans[0].record.find((r) => r.unit === 'R/601/1209'), { unit: 'R/601/1209', status: 'achieved', as: '001:CU793' });
  assert.deepEqual(saved.plans[0].study, { hours_a_week: 7, from: '2026-12-07' });
  assert.ok(await panel(p).evaluate((d) => d.open), 'the panel opens by itself for a plan with a record');
  await panel(p).locator('.finish-date').waitFor();
}));

test('with units achieved and in progress, the cheapest completion keeps the plan or, when asked, starts from them alone, and a quicker finish is named where planned units cost more', app(async (p) => {
  await p.open();
  await journey(p);
  const region = p.completionRegion;
  const start = region.getByRole('combobox', { name: 'Start from', exact: true });
  // The plan as it stands unless asked: an option from the held units alone, added to a plan
  // that keeps its other planned units, would run past what the rules ask.
  assert.equal(await start.inputValue(), 'plan');
  // What a screen reader meets: each choice named, then the button.
  const controls = await region.locator('.completion-controls').ariaSnapshot();
  assert.match(controls, /combobox "Fewest"[\s\S]*combobox "Start from"[\s\S]*option "the units achieved and in progress"\n\s*- option "every unit of the plan" \[selected\][\s\S]*button "Find the cheapest completion"/);
  await start.selectOption('held');
  const fromHeld = await p.findCompletions('guided learning hours');
  assert.ok(fromHeld.length >= 1, fromHeld.join('\n'));
  assert.equal(await region.locator('.left-from').innerText(), 'What is left, from the units achieved and in progress:');
  // The first option, added to the held units, meets every rule: each of its units is either
  // already planned (and marked so) or new.
  const first = region.getByRole('listitem').first();
  const codes = await first.locator('.option-unit .code').allInnerTexts();
  const planned = await p.planCodes();
  for (const code of codes) {
    const row = first.locator('.option-unit', { has: p.page.locator('.code', { hasText: code }) });
    assert.equal(await row.getByText('Already planned', { exact: true }).count(), planned.includes(code) ? 1 : 0, code);
  }
  // The result is where the adviser is looking once asked for.
  assert.ok(inView(await region.locator('.left-from').boundingBox(), p.page.viewportSize()), 'what is left is on screen');
  // A change of start clears the result until it is asked for again, now keeping every planned unit.
  await start.selectOption('plan');
  assert.equal(await region.getByRole('list', { name: 'Completions', exact: true }).count(), 0);
  await p.findCompletions('guided learning hours');
  assert.equal(await region.locator('.left-from').innerText(), 'What is left, keeping every unit of the plan:');
  assert.equal(await region.getByText('Already planned', { exact: true }).count(), 0);
  // A status change is a different start: the result goes.
  await p.page.getByRole('combobox', { name: 'Status of A/601/1205', exact: true }).selectOption('in_progress');
  await eventually(async () => assert.equal(await region.getByRole('list', { name: 'Completions', exact: true }).count(), 0));
  // A dearer unit of group B planned instead of A/601/1205: the finish names the quicker way
  // from what is held, in the same figure, and still counts the plan as it stands.
  await p.page.getByRole('combobox', { name: 'Status of A/601/1205', exact: true }).selectOption('planned');
  await p.remove('A/601/1205');
  await p.add('A/601/1219');
  const finish = panel(p).locator('.finish');
  await eventually(async () => assert.match(await finish.innerText(), /Still to study: 119 GLH in 3 units/));
  assert.equal(await finish.locator('.finish-date').innerText(), 'Estimated finish: around 26 April 2027 (20 weeks at 6 hours a week from 7 December 2026).');
  assert.equal(
    await finish.locator('.quickest').innerText(),
    'Quicker, from the units achieved and in progress alone: 99 GLH in 3 units (1 in progress, 2 to add to meet the rules, the cheapest in GLH: A/601/1205, A/601/1530), around 5 April 2027 (17 weeks). The planned units not started would change.',
  );
}));

test('an exemption needs its reason, and a bad code, date or rate is refused in words with nothing changed', app(async (p) => {
  await p.open();
  await p.chooseQualification(HIGHFIELD);
  await p.addAll(['F/601/1609', 'A/601/1205']);
  const select = p.page.getByRole('combobox', { name: 'Status of A/601/1205', exact: true });
  await select.selectOption('exempt');
  const reason = p.page.getByLabel('Reason for the exemption', { exact: true });
  await reason.waitFor();
  assert.ok(inView(await reason.boundingBox(), p.page.viewportSize()), 'the reason is asked for where the person is looking');
  assert.equal((await p.saved()).plans[0].record, undefined, 'nothing is recorded until the reason is given');
  await reason.fill('Level 3 Diploma in Customer Service, 2019');
  await reason.press('Enter');
  await eventually(async () => assert.equal(await recordOf(p, 'A/601/1205'), 'exempt: Level 3 Diploma in Customer Service, 2019'));
  assert.equal(await status(p, 'A/601/1205'), 'exempt');
  // A date after today is refused beside its field, and nothing is kept.
  await p.page.getByRole('combobox', { name: 'Status of F/601/1609', exact: true }).selectOption('achieved');
  const more = p.planList.locator('li', { has: p.page.getByRole('combobox', { name: 'Status of F/601/1609' }) }).locator('details.record-more');
  await more.locator('summary').click();
  const on = more.getByLabel('Achieved on', { exact: true });
  await on.fill('2099-01-01');
  await on.press('Enter');
  const today = await p.page.evaluate(() => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; });
  await eventually(async () => assert.equal(await more.locator('.error-message').textContent(), `Error: The date: 2099-01-01 is after today (${today}); give the day the unit was achieved, today or earlier`));
  assert.equal(await on.getAttribute('aria-invalid'), 'true');
  assert.equal((await p.saved()).plans[0].record.find((r) => r.unit === 'F/601/1609').on, undefined);
  await on.fill(today);
  await on.press('Enter');
  await eventually(async () => assert.equal((await p.saved()).plans[0].record.find((r) => r.unit === 'F/601/1609').on, today));
  assert.equal(await more.locator('.error-message').count(), 0);
  const evidence = more.getByLabel('Evidence', { exact: true });
  await evidence.fill('Witness statement, 3 March');
  await evidence.press('Enter');
  await eventually(async () => assert.match(await recordOf(p, 'F/601/1609'), /evidence: Witness statement, 3 March$/));
  // An unknown code and a code that counts towards nothing here.
  await openPanel(p);
  await recordAchieved(p, 'CU999');
  const error = panel(p).locator('.record-held .error-message');
  await error.waitFor();
  assert.equal(await error.textContent(), 'Error: No awarding body\u2019s document in the catalogue prints a unit "CU999": give the unit\u2019s code as its document prints it (such as CU791 or F/601/1609) or its unit accreditation number');
  assert.equal(await panel(p).getByLabel('Record a unit already achieved', { exact: true }).getAttribute('aria-invalid'), 'true');
  assert.deepEqual(await p.planCodes(), ['F/601/1609', 'A/601/1205'], 'nothing added');
  // A rate that is not a number of hours.
  await panel(p).getByLabel('Hours a week', { exact: true }).fill('six');
  await panel(p).getByRole('button', { name: 'Estimate the finish date', exact: true }).click();
  assert.equal(await panel(p).locator('.study-rate .error-message').textContent(), 'Error: The hours a week: "six" is not a whole number of hours; give 1 to 168');
  assert.equal((await p.saved()).plans[0].study, undefined);
  // A screen reader hears each control by name and the errors with them.
  const tree = await panel(p).ariaSnapshot();
  assert.match(tree, /textbox "Record a unit already achieved"/);
  assert.match(tree, /group "Study rate"/);
  assert.match(tree, /textbox "Hours a week"/);
  assert.match(tree, /button "Estimate the finish date"/);
}));

test('a link and the printed page carry the record: statuses, the exemption and its reason, the finish date', app(async (p) => {
  await p.open();
  await journey(p);
  await p.page.getByRole('combobox', { name: 'Status of A/601/1205', exact: true }).selectOption('exempt');
  await p.page.getByLabel('Reason for the exemption', { exact: true }).fill('Prior learning, 2019');
  await p.page.getByLabel('Reason for the exemption', { exact: true }).press('Enter');
  await eventually(async () => assert.equal(await status(p, 'A/601/1205'), 'exempt'));
  // Printed.
  const dir = mkdtempSync(path.join(tmpdir(), 'qualplan-print-'));
  const file = path.join(dir, 'record.pdf');
  writeFileSync(file, await p.page.pdf({ format: 'A4' }));
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  assert.match(text, /Achieved as CU791, EDI \(the same title, level and credit value\)/);
  assert.match(text, /Achieved; exempt: Prior learning, 2019/);
  assert.match(text, /In progress/);
  assert.match(text, /Learner’s record Achieved so far: meets \d of 6 rules/);
  assert.match(text, /Achieved: 4 units, 18 credits, 126 GLH • In progress: 1 unit, 5 credits, 33 GLH • Planned, not started: 0 units/);
  assert.match(text, /Estimated finish: around .* at 6 hours a week from 7 December 2026/);
  // The link opens elsewhere with the record, and is saved as a new plan with it.
  const tools = p.page.locator('details.plan-tools');
  if (!(await tools.evaluate((d) => d.open))) await p.page.getByText('Share, export, import or print', { exact: true }).click();
  const link = await p.page.getByRole('textbox', { name: 'Link to this plan', exact: true }).inputValue();
  assert.match(link, /&h=F\/601\/1609:a::001%3ACU791,L\/601\/1614:a::001%3ACU792,R\/601\/1209:a::001%3ACU793,M\/601\/1508:p,A\/601\/1205:a::::Prior%20learning%2C%202019&/);
  assert.match(link, /&w=6:2026-12-07&/);
  const other = await p.page.context().browser().newContext();
  const page = await other.newPage();
  await page.goto(link);
  const offer = page.getByRole('region', { name: 'Shared plan', exact: true });
  // Before it is saved, the preview says where the learner stands with each unit.
  const shown = async (code) => (await offer.getByRole('listitem').filter({ hasText: code }).locator('.record').allTextContents()).join();
  assert.equal(await shown('R/601/1209'), 'Achieved as CU793, EDI (the same title, level and credit value)');
  assert.equal(await shown('A/601/1205'), 'Achieved; exempt: Prior learning, 2019');
  assert.equal(await shown('M/601/1508'), 'In progress');
  await offer.getByRole('button', { name: 'Save as a new plan' }).click();
  const statusThere = (code) => page.getByRole('combobox', { name: `Status of ${code}`, exact: true }).inputValue();
  assert.equal(await statusThere('R/601/1209'), 'achieved');
  assert.equal(await statusThere('A/601/1205'), 'exempt');
  assert.equal(await statusThere('M/601/1508'), 'in_progress');
  await page.locator('details.record-panel .finish-date').waitFor();
  await other.close();
}));

test('a save from before the record opens with every unit planned and nothing lost', app(async (p) => {
  const v2 = {
    version: 2,
    current: 0,
    plans: [{ name: 'Sam', qualification: HIGHFIELD, units: ['F/601/1609', 'L/601/1614'], readings: {} }],
  };
  await p.open({ seed: v2 });
  assert.deepEqual(await p.alerts(), []);
  assert.deepEqual(await p.planCodes(), ['F/601/1609', 'L/601/1614']);
  assert.equal(await status(p, 'F/601/1609'), 'planned');
  assert.equal(await status(p, 'L/601/1614'), 'planned');
  assert.equal(await panel(p).evaluate((d) => d.open), false, 'no record, so the panel stays closed');
  await p.page.getByRole('combobox', { name: 'Status of L/601/1614', exact: true }).selectOption('achieved');
  await eventually(async () => {
    const saved = await p.saved();
    assert.equal(saved.version, 3);
    assert.deepEqual(saved.plans[0].units, ['F/601/1609', 'L/601/1614']);
    assert.deepEqual(saved.plans[0].record, [{ unit: 'L/601/1614', status: 'achieved' }]);
  });
}));

test('two plans compared side by side: verdicts, what is achieved and left, finish dates, and the units they share marked', app(async (p) => {
  await p.open();
  await journey(p);
  await p.renamePlan('Highfield route');
  // A second route on EDI's NVQ with CU791, the same unit as Highfield's F/601/1609.
  await p.newPlan();
  await p.chooseQualification('edi-l2-nvq-customer-service');
  await p.addAll(['CU791', 'CU795']);
  await p.renamePlan('EDI route');
  const compare = p.page.locator('details.compare-plans');
  await compare.locator('summary').click();
  const columns = compare.locator('section.compare-column');
  await eventually(async () => assert.equal(await columns.count(), 2));
  const edi = compare.getByRole('region', { name: 'EDI route', exact: true });
  const highfield = compare.getByRole('region', { name: 'Highfield route', exact: true });
  assert.match(await highfield.innerText(), /Estimated finish: around 5 April 2027/);
  assert.match(await highfield.innerText(), /Achieved so far: meets 2 of 6 rules/);
  assert.match(await edi.innerText(), /EDI Level 2 NVQ Certificate in Customer Service/);
  assert.match(await edi.innerText(), /Still missing:\s+\S.*more/);
  const shared = async (col) => col.locator('li.shared .code').allInnerTexts();
  assert.deepEqual(await shared(edi), ['CU791']);
  assert.deepEqual(await shared(highfield), ['F/601/1609']);
  // Side by side on a laptop: the two columns share a row.
  const [a, b] = [await columns.nth(0).boundingBox(), await columns.nth(1).boundingBox()];
  assert.ok(Math.abs(a.y - b.y) < 2 && b.x > a.x, 'the columns stand side by side');
  // A third plan can be ticked in, and one ticked out.
  await compare.getByRole('checkbox', { name: 'Highfield route', exact: true }).uncheck();
  await eventually(async () => assert.match(await compare.innerText(), /Tick two or three plans/));
  const tree = await compare.ariaSnapshot();
  assert.match(tree, /group "Plans to compare \(up to 3\)"/);
}));

test('by keyboard alone: dates typed digit by digit, a status arrowed to Exempt, an empty reason refused, each change announced', app(async (p) => {
  await p.open();
  await p.chooseQualification(HIGHFIELD);
  await p.addAll(['F/601/1609', 'A/601/1205']);
  const keyboard = p.page.keyboard;
  // Arrowing from Planned to Exempt passes In progress and Achieved; stopping on Exempt keeps the
  // unit planned until the reason is given.
  const select = p.page.getByRole('combobox', { name: 'Status of A/601/1205', exact: true });
  await select.focus();
  for (let i = 0; i < 3; i++) await keyboard.press('ArrowDown');
  const reason = p.page.getByLabel('Reason for the exemption', { exact: true });
  await reason.waitFor();
  await eventually(async () => assert.equal((await p.saved()).plans[0].record?.length ?? 0, 0, 'still planned'));
  // An empty reason is refused in words when the field is left.
  await reason.focus();
  await keyboard.press('Tab');
  const error = p.page.locator('#reason-A-601-1205-error');
  await error.waitFor();
  assert.match(await error.textContent(), /^Error: Give the reason for the exemption/);
  await reason.focus();
  await keyboard.type('Prior learning, 2019');
  await keyboard.press('Enter');
  await eventually(async () => assert.equal(await status(p, 'A/601/1205'), 'exempt'));
  await eventually(async () => assert.match(await p.changeStatus.textContent(), /Marked exempt A\/601\/1205/));
  assert.equal(await reason.evaluate((e) => e === document.activeElement), true, 'focus stays in the field');
  // A date typed digit by digit (the browser's order is month, day, year here) is kept whole.
  await p.page.getByRole('combobox', { name: 'Status of F/601/1609', exact: true }).selectOption('achieved');
  await eventually(async () => assert.match(await p.changeStatus.textContent(), /Marked achieved F\/601\/1609/));
  const row = p.planList.locator('li', { has: p.page.getByRole('combobox', { name: 'Status of F/601/1609' }) });
  await row.locator('details.record-more summary').click();
  const on = row.getByLabel('Achieved on', { exact: true });
  await on.focus();
  await keyboard.type('03012024');
  await keyboard.press('Enter');
  await eventually(async () => assert.equal(await recordOf(p, 'F/601/1609'), 'on 1 March 2024'));
  assert.ok(await row.locator('details.record-more').evaluate((d) => d.open), 'the details stay open');
  assert.equal(await on.evaluate((e) => e === document.activeElement), true, 'focus stays in the field');
  // The start date typed the same way, and the rate sent with Enter.
  await openPanel(p);
  await panel(p).getByLabel('Hours a week', { exact: true }).focus();
  await keyboard.type('6');
  await keyboard.press('Tab');
  await keyboard.type('12072026');
  await keyboard.press('Enter');
  await panel(p).locator('.finish-date').waitFor();
  assert.match(await panel(p).locator('.finish-date').innerText(), /at 6 hours a week from 7 December 2026\)\.$/);
}));
