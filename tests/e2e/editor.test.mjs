// The qualification editor, as a trainer uses it: a real specification's unit table pasted, its
// groups and rules made from templates, checked as it is made, used in the planner, exported, and
// the command line's --catalogue agreeing with the app on every fixture plan.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { CLI, Planner, ROOT, cliAvailable, eventually, fixturePlans, harness, inView } from './support/planner.mjs';
import { EditorPage } from './support/editor.mjs';

const app = harness();

const HIGHFIELD = JSON.parse(readFileSync(path.join(ROOT, 'data', '004-highfield-l2-nvq-customer-service.json'), 'utf8'));
const TABLE = readFileSync(path.join(ROOT, 'tests', 'fixtures', 'paste', 'highfield-units.txt'), 'utf8');

/** Builds the Highfield qualification in the editor, as a trainer would from the specification. */
async function buildHighfield(e) {
  await e.make();
  await e.fillDetails({ title: 'NVQ Certificate in Customer Service (made in the editor)', body: 'Highfield Qualifications', glh: 192, tqt: 280, minCredits: 28 });
  // The groups come with the units, from the table's headings.
  await e.pasteUnits(TABLE);
  const q = HIGHFIELD.qualifications[0];
  await eventually(async () =>
    assert.equal((await e.units.getByRole('status').first().textContent()).trim(), "Kept 49 new units and made 5 groups from the table's headings."),
  );
  await e.addRule('Every unit of these groups (mandatory units)', 'all units contained within the mandatory group', async (r) => {
    await r.getByRole('checkbox', { name: 'Mandatory Units', exact: true }).check();
  });
  await e.addRule('At least, at most or exactly a number of credits, units or GLH', 'a minimum of 20 credits from the optional units in groups A-D', async (r) => {
    await r.getByLabel('Figure', { exact: true }).fill('20');
    for (const g of q.groups.slice(1)) await r.getByRole('checkbox', { name: g.name, exact: true }).check();
  });
  for (const g of q.groups.slice(1)) {
    await e.addRule('At least, at most or exactly a number of credits, units or GLH', 'Learners must achieve a minimum of 1 unit from this group', async (r) => {
      await r.getByLabel('Figure', { exact: true }).fill('1');
      await r.getByLabel('Of', { exact: true }).selectOption('units');
      await r.getByRole('checkbox', { name: g.name, exact: true }).check();
    });
  }
}

test('a trainer pastes the Highfield unit table, makes its groups and rules, and the planner and the command line agree on every fixture plan', app(async (p) => {
  await p.open();
  const e = new EditorPage(p);
  await buildHighfield(e);
  await eventually(async () => assert.ok(await e.ready(), `problems: ${await e.problems()}`));
  assert.deepEqual(await e.warnings(), [], 'every unit is in a group and there are rules');

  // The exported file holds the pasted units field by field as the catalogue has them.
  const [download] = await Promise.all([p.page.waitForEvent('download'), e.region.getByRole('button', { name: 'Export the file', exact: true }).click()]);
  const file = await download.path();
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  const fields = (u) => ({ code: u.code, uan: u.uan, title: u.title, level: u.level, credit: u.credit, glh: u.glh });
  // The catalogue writes the specification's typographic apostrophe as a plain one; the editor
  // keeps what was pasted. That is the only difference.
  const plain = (u) => ({ ...fields(u), title: u.title.replaceAll('\u2019', "'") });
  assert.deepEqual(exported.units.map(plain), HIGHFIELD.units.map(fields));
  assert.equal(exported.units.filter((u) => u.title.includes('\u2019')).length, 2, 'two titles print an apostrophe');
  // The groups made from the table's headings are the catalogue's, unit for unit.
  const members = (g) => ({ name: g.name, units: g.units });
  assert.deepEqual(exported.qualifications[0].groups.map(members), HIGHFIELD.qualifications[0].groups.map(members));
  const qid = exported.qualifications[0].id;

  // Used in the planner: the planner opens with a plan on it offered, saved as a new plan, and
  // each fixture plan gets the fixture's verdict.
  await e.region.getByRole('button', { name: 'Use in the planner', exact: true }).click();
  await p.sharedOffer.waitFor();
  // A new plan has no units yet: no "Units" heading over an empty list.
  assert.equal(await p.sharedOffer.getByRole('heading', { name: 'Units', exact: true }).count(), 0);
  await p.sharedOffer.getByRole('button', { name: 'Save as a new plan', exact: true }).click();
  await eventually(async () => assert.equal(await p.qualification(), qid));
  // In the list of qualifications it is told apart from the document's own.
  const group = await p.page.locator(`#qualification option[value="${qid}"]`).evaluate((o) => o.parentElement.label);
  assert.equal(group, 'Highfield Qualifications \u2014 Level 2 (your own)');
  const builtIn = await p.page.locator('#qualification option[value="highfield-l2-nvq-customer-service"]').evaluate((o) => o.parentElement.label);
  assert.equal(builtIn, 'Highfield Qualifications \u2014 Level 2');
  const plans = fixturePlans().filter((f) => f.qualification === 'highfield-l2-nvq-customer-service');
  assert.ok(plans.length >= 3, 'the fixture has Highfield plans');
  for (const f of plans) {
    await p.addAll(f.units);
    const verdict = await p.verdict();
    assert.equal(/meets every rule/.test(verdict), f.compliant, `${f.units.join(' ')}: ${verdict}`);
    if (cliAvailable) {
      const r = spawnSync(CLI, ['--catalogue', file, 'check', qid, ...f.units], { encoding: 'utf8' });
      assert.equal(r.status, f.compliant ? 0 : 1, `qualplan check --catalogue: ${r.stdout}${r.stderr}`);
    }
    for (const code of f.units) await p.remove(code);
  }
}, { timeout: 60_000 }));

test('what is missing is said in plain words beside the field, and the summary links to it', app(async (p) => {
  await p.open();
  const e = new EditorPage(p);
  await e.make();
  // A new qualification's list of what it still needs is no alarm: nothing is typed yet.
  await e.check.getByRole('heading', { name: 'Still needed before the planner can use it', exact: true }).waitFor();
  assert.equal(await e.check.getByRole('alert').count(), 0);
  // The planner's buttons are greyed, and say why, beside them and to a screen reader.
  for (const name of ['Use in the planner', 'Open the planner beside it']) {
    const b = e.region.getByRole('button', { name, exact: true });
    assert.equal(await b.isDisabled(), true);
    assert.equal(await b.getAttribute('aria-describedby'), 'editor-not-ready');
  }
  assert.match(await e.region.locator('#editor-not-ready').innerText(), /^The planner can use it once nothing is still needed/);
  assert.deepEqual(await e.problems(), [
    "Give the qualification's title.",
    'Give the awarding body, as the document names it.',
    "Add the qualification's units: paste its unit table, or add them one by one.",
  ]);
  const glh = e.details.getByLabel('Guided learning hours (GLH)', { exact: true });
  await glh.fill('12.5');
  await glh.press('Tab');
  await eventually(async () =>
    assert.match(await e.details.locator('.error-message').first().textContent(), /“12\.5” is not a whole number/),
  );
  assert.equal(await glh.getAttribute('aria-describedby'), 'ed-glh-error', 'the message is read with the field');
  // The summary's link takes the person to the details.
  await e.check.getByRole('link', { name: "Give the qualification's title." }).click();
  await eventually(async () => assert.match(p.page.url(), /#editor-details$/));
  // A long table read: the choice to keep it is in view without scrolling past fifty rows.
  await e.units.getByLabel('Paste the unit table', { exact: true }).fill(TABLE);
  await e.units.getByRole('button', { name: 'Read the table', exact: true }).click();
  const keep = e.units.getByRole('button', { name: 'Keep these 49 units', exact: true });
  await keep.scrollIntoViewIfNeeded();
  const [keepBox, lastRow] = [await keep.boundingBox(), await e.units.locator('.paste-table tbody tr').last().boundingBox()];
  assert.ok(keepBox.y < lastRow.y, 'the Keep button comes before the rows, not after them');
  await e.units.getByRole('button', { name: 'Cancel', exact: true }).click();
  // A unit in no group: the warning is shown on its row as well as in the summary.
  await e.pasteUnits('Z1 A unit on its own Level 2 3\n');
  await eventually(async () => assert.equal((await e.units.getByRole('status').first().textContent()).trim(), 'Kept 1 new unit.'));
  // "Keep" goes with the table read; the keyboard lands on what was kept.
  await eventually(async () => assert.equal(await p.page.evaluate(() => document.activeElement?.id), 'ed-units-said'));
  // The same row pasted again with a new figure updates the unit; it does not add a second.
  await e.pasteUnits('Z1 A unit on its own Level 2 4\n');
  await eventually(async () => assert.equal((await e.units.getByRole('status').first().textContent()).trim(), 'Updated 1 unit already in the draft.'));
  await eventually(async () =>
    assert.match(await e.units.getByRole('row', { name: /Z1/ }).textContent(), /Unit Z1 is in no group, so no plan can use it\./),
  );
  // A rule with no wording is refused in words, and nothing is added.
  await e.addRule('Evidence a plan cannot show (practice, observation)', ' ');
  assert.match(await e.rules.getByRole('alert').textContent(), /Give the rule's wording as the document prints it/);
  assert.equal(await e.rules.getByRole('list', { name: 'Rules of this qualification' }).getByRole('listitem').count(), 0);
}));

const CG_4411 = readFileSync(path.join(ROOT, 'tests', 'fixtures', 'paste', 'cg-4411-units.txt'), 'utf8');

test('on a phone, a table with no level column gets a level row by row, says what it does not keep, and its barred pairs become rules', app(async (p) => {
  await p.open();
  const e = new EditorPage(p);
  await e.make();
  await e.fillDetails({ title: 'Entry 3 Award for Introduction to Customer Service', body: 'City & Guilds' });
  await e.units.getByLabel('Paste the unit table', { exact: true }).fill(CG_4411);
  await e.units.getByRole('button', { name: 'Read the table', exact: true }).click();
  const review = e.units.locator('.paste-review');
  // The keyboard, and a screen reader, go to what was read, which is in view.
  const heading = review.getByRole('heading', { name: '20 units read: check them before keeping', exact: true });
  await eventually(async () => assert.ok(await heading.evaluate((h) => h === document.activeElement), 'focus on the review'));
  assert.ok(await inView(heading), 'the review heading is on screen');
  assert.equal(await review.getByRole('table').getAttribute('aria-label'), 'Units read from the table');
  // The table prints no level: the figures are said to follow the title, not a level.
  assert.match(await review.locator('.column-map').textContent(), /^The figures after each title are:/);
  // The columns not kept are shown, under a heading that says so.
  const table = review.getByRole('table');
  assert.ok(await table.getByRole('columnheader', { name: 'Also printed (not part of the unit)' }).isVisible());
  assert.match(await table.getByRole('row', { name: /^\S*\s*001 / }).textContent(), /Optional\s*Cannot be taken with unit 101$/);
  // The barred pairs the rows print are offered, ticked.
  const barred = review.getByRole('checkbox', { name: /^Make the 10 barred combinations its rows print into rules: 001 with 101, 002 with 102, 003 with 103, 004 with 104, 005 with 105 and 5 more$/ });
  assert.ok(await barred.isChecked());
  // Kept with no level chosen: refused in words that name the rows, and nothing is kept.
  const keep = review.getByRole('button', { name: 'Keep these 20 units', exact: true });
  await keep.click();
  // Said beside Keep, on screen and with focus: not at the top of the section, far above.
  const refused = review.getByRole('alert');
  assert.match(await refused.textContent(), /^20 rows have no level \(001, 002, 003, 004, 005 and 15 more\): choose the level of each in the table below/);
  await eventually(async () => assert.ok(await refused.evaluate((a) => a === document.activeElement), 'focus on the message'));
  assert.ok(await inView(refused), 'the message is on screen');
  // One level for every row, then the level 1 units row by row.
  await review.getByLabel('Level for every row where none was read', { exact: true }).selectOption({ label: 'Entry 3' });
  assert.equal(await review.getByLabel('Level of 105', { exact: true }).inputValue(), 'Entry 3', 'a row without its own level shows the one for every row');
  for (let n = 101; n <= 110; n++) await review.getByLabel(`Level of ${n}`, { exact: true }).selectOption({ label: 'Level 1' });
  // The table scrolls on its own, wider than the phone, and says so.
  assert.ok(await review.getByText('Wider than the screen: scroll the table sideways for its other columns.', { exact: true }).isVisible());
  // The page does not run off the side of the phone with the table open.
  const overflow = await p.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
  await keep.click();
  await eventually(async () =>
    assert.equal((await e.units.getByRole('status').first().textContent()).trim(), 'Kept 20 new units and made 10 barred combinations into rules.'),
  );
  const levelOf = async (code) => (await e.units.getByRole('row', { name: new RegExp(`^${code} `) }).getByRole('cell').nth(1).textContent()).trim();
  assert.equal(await levelOf('001'), 'Entry 3');
  assert.equal(await levelOf('110'), 'Level 1');
  const rules = e.rules.getByRole('list', { name: 'Rules of this qualification' }).getByRole('listitem');
  assert.equal(await rules.count(), 10);
  assert.match(await rules.first().textContent(), /Barred combination: 001 and 101/);
  assert.match(await rules.first().textContent(), /001: Cannot be taken with unit 101; 101: Cannot be taken with unit 001/);
}, { viewport: { width: 390, height: 844 } }));

test('the rules of combination pasted with a table that prints no level give its rows their levels, said and shown for checking', app(async (p) => {
  await p.open();
  const e = new EditorPage(p);
  await e.make();
  await e.fillDetails({ title: 'Entry 3 Award for Introduction to Customer Service', body: 'City & Guilds' });
  await e.units.getByLabel('Paste the unit table', { exact: true }).fill(readFileSync(path.join(ROOT, 'tests', 'fixtures', 'paste', 'cg-4411-structure.txt'), 'utf8'));
  await e.units.getByRole('button', { name: 'Read the table', exact: true }).click();
  const review = e.units.locator('.paste-review');
  assert.ok(await review.getByText('Levels from the text pasted with the table: Entry 3 for units 001\u2013010, Level 1 for units 101\u2013110. Check them in the table below.', { exact: true }).isVisible());
  assert.equal(await review.getByLabel('Level of 001', { exact: true }).inputValue(), 'Entry 3');
  // A laptop shows the whole table: no word about scrolling it.
  assert.equal(await review.locator('.scroll-hint').isVisible(), false);
  assert.equal(await review.getByLabel('Level of 110', { exact: true }).inputValue(), '1');
  await review.getByRole('button', { name: 'Keep these 20 units', exact: true }).click();
  await eventually(async () =>
    assert.equal((await e.units.getByRole('status').first().textContent()).trim(), 'Kept 20 new units and made 10 barred combinations into rules.'),
  );
}));

test('keyboard only: below a table of 49 units, the groups are one link away, and Tab goes on from there', app(async (p) => {
  await p.open();
  const e = new EditorPage(p);
  await e.make();
  await e.pasteUnits(TABLE);
  const parts = e.region.getByRole('navigation', { name: 'Parts of the editor' });
  assert.deepEqual(await parts.getByRole('link').allTextContents(), ['Details', 'Units', 'Groups', 'Rules of combination', 'Check']);
  await parts.getByRole('link', { name: 'Groups', exact: true }).focus();
  await p.page.keyboard.press('Enter');
  await eventually(async () => assert.ok(await inView(e.groups.locator('legend').first()), 'the groups are on screen'));
  await p.page.keyboard.press('Tab');
  const inGroups = await p.page.evaluate(() => Boolean(document.activeElement?.closest('#editor-groups')));
  assert.ok(inGroups, 'the next Tab is in the groups, not back at the top');
}));

test('a qualification made in the editor is kept after a reload, and a deleted one comes back with Undo', app(async (p) => {
  await p.open();
  const e = new EditorPage(p);
  await e.make();
  await e.fillDetails({ title: 'Award in Testing', body: 'Example Body' });
  await p.page.reload();
  const list = e.list;
  await eventually(async () => assert.deepEqual(await list.getByRole('listitem').locator('span').allTextContents(), ['Award in Testing']));
  await list.getByRole('button', { name: 'Delete Award in Testing' }).click();
  assert.equal(await list.getByRole('listitem').count(), 0);
  await p.page.getByRole('button', { name: 'Undo', exact: true }).click();
  assert.equal(await list.getByRole('listitem').count(), 1);
  await list.getByRole('button', { name: 'Edit Award in Testing' }).click();
  assert.equal(await e.details.getByLabel('Title', { exact: true }).inputValue(), 'Award in Testing');
}));

for (const [name, viewport] of Object.entries({
  laptop: { width: 1366, height: 900 },
  phone: { width: 390, height: 844 },
  projector: { width: 1920, height: 1080 },
  'small projector': { width: 1280, height: 720 },
})) {
  test(`${name}: the editor opens in view with focus on its heading, and nothing runs off the side of the editor or the planner`, app(async (p) => {
    await p.open();
    const e = new EditorPage(p);
    await e.make();
    const heading = p.page.getByRole('heading', { name: /^Qualification editor/ });
    await eventually(async () => assert.ok(await heading.evaluate((h) => h === document.activeElement), 'focus is on the heading'));
    const box = await heading.boundingBox();
    assert.ok(box.y >= -1 && box.y + box.height <= viewport.height + 1, `heading at ${box.y}`);
    const overflow = await p.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
    // The way back to the planner is in view at the top.
    assert.ok(await p.page.getByRole('link', { name: 'Back to the planner' }).isVisible());
    // A screen reader meets the editor's parts by name.
    const tree = await e.region.ariaSnapshot();
    for (const part of ['group "Details"', 'group "Units"', 'group "Groups"', 'group "Rules of combination"', 'region "Check"']) {
      assert.ok(tree.includes(part), `${part} in:\n${tree}`);
    }
  }, { viewport }));
}

test('keyboard only: a unit is added, grouped and a rule made without the mouse', app(async (p) => {
  await p.open();
  const e = new EditorPage(p);
  await e.make();
  await e.fillDetails({ title: 'Award in Keys', body: 'Example Body' });
  const code = e.units.getByLabel('Code', { exact: true });
  await code.focus();
  await p.page.keyboard.type('K1');
  await p.page.keyboard.press('Tab');
  await p.page.keyboard.type('Use a keyboard');
  await p.page.keyboard.press('Tab');
  await p.page.keyboard.press('ArrowDown'); // the first level after "Choose"
  await p.page.keyboard.press('Tab');
  await p.page.keyboard.type('3');
  await p.page.keyboard.press('Enter');
  await eventually(async () => assert.equal(await e.units.getByRole('row', { name: /K1/ }).count(), 1));
  const group = e.groups.getByLabel('New group', { exact: true });
  await group.focus();
  await p.page.keyboard.type('All units');
  await p.page.keyboard.press('Enter');
  // The groups listed above grew: the keyboard is back in the name box, in view, for the next.
  await eventually(async () => assert.equal(await p.page.evaluate(() => document.activeElement?.id), 'ed-group-new'));
  assert.ok(await inView(group), 'the name box is on screen');
  const box = e.units.getByRole('checkbox', { name: 'K1 in All units', exact: true });
  await box.focus();
  await p.page.keyboard.press('Space');
  assert.ok(await box.isChecked());
  await e.rules.getByLabel('Kind of rule', { exact: true }).focus();
  await p.page.keyboard.press('ArrowDown'); // every unit of these groups
  await e.rules.getByRole('checkbox', { name: 'All units', exact: true }).focus();
  await p.page.keyboard.press('Space');
  await e.rules.getByLabel('Wording, as the document prints it', { exact: true }).focus();
  await p.page.keyboard.type('All units must be achieved');
  await e.rules.getByRole('button', { name: 'Add rule', exact: true }).focus();
  await p.page.keyboard.press('Enter');
  await eventually(async () => assert.ok(await e.ready(), `problems: ${await e.problems()}`));
  // The keyboard lands on what was added, in view, not on a button pushed off the screen.
  const added = e.rules.getByRole('status');
  await eventually(async () => assert.equal(await p.page.evaluate(() => document.activeElement?.id), 'ed-rules-said'));
  assert.equal(await added.textContent(), 'Added rule \u201cEvery unit of All units\u201d.');
  assert.ok(await inView(added), 'what was added is on screen');
}));

test('a rule the document prints ambiguously gets a second reading in the editor, and the planner switches between them', app(async (p) => {
  await p.open();
  const e = new EditorPage(p);
  await e.makeGrouped({ title: 'Award in Two Readings', table: 'A1 Lower unit Level 2 3\nA2 Upper unit Level 3 3\n', group: 'Optional units', codes: ['A1', 'A2'] });
  await e.addRule('At least, at most or exactly a number of credits, units or GLH', '3 credits at level 3', async (r) => {
    await r.getByLabel('Figure', { exact: true }).fill('3');
    await r.getByLabel('Level', { exact: true }).selectOption('at');
    await r.getByLabel('Which level', { exact: true }).selectOption('3');
    await r.getByLabel('Short name (optional)', { exact: true }).fill('Level credits');
  });
  // The same rule read the other way: level 2 or above.
  const rules = e.rules;
  await rules.getByLabel('This is', { exact: true }).selectOption({ label: 'another reading of \u201cLevel credits\u201d' });
  await rules.getByLabel('Kind of rule', { exact: true }).selectOption({ label: 'At least, at most or exactly a number of credits, units or GLH' });
  await rules.getByLabel('Figure', { exact: true }).fill('3');
  await rules.getByLabel('Level', { exact: true }).selectOption('above');
  await rules.getByLabel('Which level', { exact: true }).selectOption('2');
  await rules.getByLabel('Name of the reading it has now (the default)', { exact: true }).fill('Exactly level 3');
  await rules.getByLabel('Name of this reading', { exact: true }).fill('Level 2 or above');
  await rules.getByRole('button', { name: 'Add reading', exact: true }).click();
  await eventually(async () => assert.match(await rules.getByRole('list', { name: 'Rules of this qualification' }).textContent(), /Readings: Exactly level 3 \(the default\); Level 2 or above/));
  await eventually(async () => assert.ok(await e.ready(), `problems: ${await e.problems()}`));
  assert.equal(await e.region.locator('#editor-not-ready').isVisible(), false, 'no reason once ready');
  await e.region.getByRole('button', { name: 'Use in the planner', exact: true }).click();
  await p.sharedOffer.waitFor();
  // The planner offers a new plan on it, not a plan someone shared.
  await p.sharedOffer.getByRole('heading', { name: 'A new plan on Award in Two Readings', exact: true }).waitFor();
  await p.sharedOffer.getByRole('button', { name: 'Save as a new plan', exact: true }).click();
  await p.add('A1');
  assert.match(await p.verdict(), /Not yet/, 'A1 is level 2: not counted at exactly level 3');
  await p.chooseReading('Level credits', 'Level 2 or above');
  await eventually(async () => assert.match(await p.verdict(), /meets every rule/));
}));

test('units are dragged into groups, from one group to another, and out of every group; the groups and the tray are in view together', app(async (p) => {
  await p.open();
  const e = new EditorPage(p);
  await e.make();
  await e.fillDetails({ title: 'Award in Dragging', body: 'Example Body' });
  await e.pasteUnits(TABLE, undefined, { fromTable: false });
  await e.addGroup('Mandatory Units');
  await e.addGroup('Optional Group A');
  // Each group's name box is named by its place, as a person counts them, not by an id.
  assert.equal(await e.groups.getByLabel('Name of group 2', { exact: true }).inputValue(), 'Optional Group A');
  const tray = e.groups.getByRole('list', { name: /^In no group/ });
  const chips = (name) => e.groups.getByRole('list', { name, exact: true }).getByRole('listitem').allTextContents();
  const zone = (name) => e.groups.locator('li.group-zone').filter({ has: p.page.getByRole('list', { name: `Units in ${name}`, exact: true }) });
  assert.equal(await tray.getByRole('listitem').count(), 49);

  // Both groups and the units waiting for one fit on a laptop's screen at once.
  // (From the first group's top: the name box for the next group, which has focus, is below.)
  await zone('Mandatory Units').evaluate((z) => z.scrollIntoView({ block: 'start' }));
  const view = p.page.viewportSize();
  for (const box of [await zone('Mandatory Units').boundingBox(), await tray.getByText('F/601/1609', { exact: true }).boundingBox()]) {
    // (Within a pixel: scrolled to its top, a box can sit a fraction above it.)
    assert.ok(box.y >= -1 && box.y + box.height <= view.height + 1, `${JSON.stringify(box)} is out of view`);
  }

  await tray.getByText('F/601/1609', { exact: true }).dragTo(zone('Mandatory Units'));
  await eventually(async () => assert.deepEqual(await chips('Units in Mandatory Units'), ['F/601/1609']));
  assert.ok(await e.units.getByRole('checkbox', { name: 'F/601/1609 in Mandatory Units', exact: true }).isChecked());
  assert.equal(await e.groups.getByRole('status').textContent(), 'Moved F/601/1609 to Mandatory Units.');
  assert.equal(await tray.getByRole('listitem').count(), 48);

  await zone('Mandatory Units').getByText('F/601/1609', { exact: true }).dragTo(zone('Optional Group A'));
  await eventually(async () => assert.deepEqual(await chips('Units in Optional Group A'), ['F/601/1609']));
  assert.deepEqual(await chips('Units in Mandatory Units'), []);
  assert.ok(!(await e.units.getByRole('checkbox', { name: 'F/601/1609 in Mandatory Units', exact: true }).isChecked()));

  await zone('Optional Group A').getByText('F/601/1609', { exact: true }).dragTo(tray);
  await eventually(async () => assert.equal(await tray.getByRole('listitem').count(), 49));
  assert.deepEqual(await chips('Units in Optional Group A'), []);
  assert.equal(await e.groups.getByRole('status').textContent(), 'Took F/601/1609 out of its group.');

  // A screen reader hears each group's units and those in none.
  const tree = await e.groups.ariaSnapshot();
  assert.match(tree, /list "Units in Mandatory Units"/);
  assert.match(tree, /list "In no group \(49\)"/);
}));

test('a plan tried in the editor is judged as the planner would judge it, and follows every edit', app(async (p) => {
  await p.open();
  const e = new EditorPage(p);
  await e.makeGrouped({ title: 'Award in Retail Skills', body: 'Example Awarding Body', table: 'R01 Serve customers Level 2 4\nR02 Handle stock Level 2 3\nR03 Use a till Level 1 3\n', group: 'Optional units', codes: ['R01', 'R02', 'R03'] });
  await e.addRule('At least, at most or exactly a number of credits, units or GLH', 'A minimum of 6 credits from the optional units', async (r) => {
    await r.getByLabel('Figure', { exact: true }).fill('6');
    await r.getByRole('checkbox', { name: 'Optional units', exact: true }).check();
  });
  // The rule is named by its label, not by an id the person never sees.
  assert.match(await e.rules.getByRole('status').textContent(), /^Added rule “[^”]+”\.$/);
  assert.doesNotMatch(await e.rules.getByRole('status').textContent(), /\br\d\b/);
  const tryIt = e.check.getByRole('group', { name: 'Try a plan' });
  const status = e.check.locator('.editor-try [role="status"]');
  const rules = e.check.getByRole('list', { name: 'Each rule for this plan' });
  await tryIt.getByRole('checkbox', { name: 'R01 Serve customers' }).check();
  await eventually(async () => assert.match(await status.textContent(), /Not yet: 1 of 1 rules of combination not met\./));
  assert.equal(await e.check.locator('.tried-totals').textContent(), 'This plan has 1 unit: 4 credits and GLH not published.');
  assert.match(await rules.textContent(), /^Not met: .*2 more credits/);
  await tryIt.getByRole('checkbox', { name: 'R02 Handle stock' }).check();
  await eventually(async () => assert.match(await status.textContent(), /meets every rule/i));
  assert.match(await rules.textContent(), /^Met: /);
  // The rule is changed in the editor: the plan tried is judged again at once.
  await e.units.getByRole('button', { name: 'Edit R02', exact: true }).click();
  await e.units.getByLabel('Credit', { exact: true }).fill('1');
  await e.units.getByRole('button', { name: 'Save unit', exact: true }).click();
  await eventually(async () => assert.match(await e.check.locator(".tried-totals").textContent(), /^This plan has 2 units: 5 credits/));
  assert.match(await rules.textContent(), /1 more credit/);
}));

test('a planner opened beside the editor follows every change without a problem, and keeps the last good version while there is one', app(async (p) => {
  await p.open();
  const e = new EditorPage(p);
  await e.makeGrouped({ title: 'Award in Following', table: 'F1 First unit Level 2 3\nF2 Second unit Level 2 3\n', group: 'Optional units', codes: ['F1', 'F2'] });
  await e.addRule('At least, at most or exactly a number of credits, units or GLH', 'A minimum of 6 credits', async (r) => {
    await r.getByLabel('Figure', { exact: true }).fill('6');
    await r.getByRole('checkbox', { name: 'Optional units', exact: true }).check();
  });
  await eventually(async () => assert.ok(await e.ready(), `problems: ${await e.problems()}`));
  const [tab] = await Promise.all([
    p.page.context().waitForEvent('page'),
    e.region.getByRole('button', { name: 'Open the planner beside it', exact: true }).click(),
  ]);
  const beside = new Planner(tab, p.url, p.errors);
  await beside.sharedOffer.waitFor();
  await beside.sharedOffer.getByRole('button', { name: 'Save as a new plan', exact: true }).click();
  await beside.add('F1');
  await beside.add('F2');
  await eventually(async () => assert.match(await beside.verdict(), /meets every rule/));
  assert.match(await e.region.getByRole('status').filter({ hasText: 'The planner follows' }).textContent(), /The planner follows this qualification/);

  // A unit added and grouped in the editor appears in the planner beside it.
  await e.units.getByLabel('Code', { exact: true }).fill('F3');
  await e.units.getByLabel('Title', { exact: true }).fill('Third unit');
  await e.units.getByLabel('Level', { exact: true }).selectOption({ label: 'Level 2' });
  await e.units.getByLabel('Credit', { exact: true }).fill('3');
  await e.units.getByRole('button', { name: 'Save unit', exact: true }).click();
  await e.putInGroup('F3', 'Optional units');
  await eventually(async () => assert.deepEqual(await beside.availableCodes(), ['F1', 'F2', 'F3']));
  // A unit's credit corrected in the editor: the planner beside it judges the plan again.
  await e.units.getByRole('button', { name: 'Edit F2', exact: true }).click();
  await e.units.getByLabel('Credit', { exact: true }).fill('2');
  await e.units.getByRole('button', { name: 'Save unit', exact: true }).click();
  await eventually(async () => assert.match(await beside.verdict(), /Not yet/));
  assert.match(await tab.locator('.plan-column .missing').textContent(), /1 more credit/);

  // While the editor has a problem, the planner keeps the last version without one.
  const title = e.details.getByLabel('Title', { exact: true });
  await title.fill('');
  await title.press('Tab');
  await eventually(async () => assert.match(await e.region.locator('.follow-status').textContent(), /keeps the last version without a problem/));
  await e.units.getByRole('button', { name: 'Edit F2', exact: true }).click();
  await e.units.getByLabel('Credit', { exact: true }).fill('3');
  await e.units.getByRole('button', { name: 'Save unit', exact: true }).click();
  await tab.waitForTimeout(1000);
  assert.match(await beside.verdict(), /Not yet/, 'not followed while the title is missing');
  await title.fill('Award in Following');
  await title.press('Tab');
  await eventually(async () => assert.match(await beside.verdict(), /meets every rule/));
  assert.deepEqual(await beside.planCodes(), ['F1', 'F2'], 'the plan is kept through every change');
}));

test('words typed key by key keep their spaces in every field of the details', app(async (p) => {
  await p.open();
  const e = new EditorPage(p);
  await e.make();
  for (const [label, text] of [['Title', 'Certificate in Warehousing'], ['Awarding body', 'Example Awarding Body'], ['Awarding-body number', 'EX 200'], ['Regulator number', '600/1234/5']]) {
    const field = e.details.getByLabel(label, { exact: true });
    await field.pressSequentially(`${text} `);
    assert.equal(await field.inputValue(), `${text} `, `${label} while typing`);
    await field.press('Tab');
    await eventually(async () => assert.equal(await field.inputValue(), text, `${label} once left: trimmed`));
  }
  // The id the command line takes is shown with the details.
  assert.match(await e.details.locator('.qualification-id').textContent(), /: own-\d+$/);
  await p.page.reload();
  await e.list.getByRole('button', { name: 'Edit Certificate in Warehousing' }).click();
  assert.equal(await e.details.getByLabel('Awarding body', { exact: true }).inputValue(), 'Example Awarding Body');
}));
