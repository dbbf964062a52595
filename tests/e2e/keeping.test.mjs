// Nothing a person saved is lost: another tab's unreadable save, a catalogue file only one tab
// holds, a plan deleted in another tab, a second file of the same name, kept copies that are
// listed, downloaded, taken back and deleted with undo, and a save too big to copy.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT, STORAGE_KEY, eventually, harness, workspace } from './support/planner.mjs';

const app = harness();

function readmeExample() {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  return JSON.parse(readme.split('<!-- worked-example:start -->')[1].split('```json')[1].split('```')[0]);
}

const learners = workspace([
  { name: 'Learner 1', qualification: 'edi-l2-nvq-customer-service', units: ['CU791'] },
  { name: 'Learner 2', qualification: 'edi-l2-nvq-customer-service', units: ['CU792'] },
]);

async function loadCatalogueFile(p, name, doc) {
  const details = p.page.locator('details.catalogue-loader');
  if (!(await details.evaluate((d) => d.open))) await p.page.getByText('Your own qualifications', { exact: true }).click();
  await p.page.getByLabel('Load a catalogue file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
}

async function openKept(p) {
  const details = p.page.locator('details.kept-copies');
  await details.waitFor();
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
  return details;
}

test('another tab writing a save this tab cannot read leaves this tab\u2019s plans alone and keeps the other text whole', app(async (p) => {
  await p.open({ seed: learners });
  const other = await p.newTab();
  for (const theirs of [JSON.stringify({ version: 4, current: 0, plans: [], people: [] }), '{"version":2,"plans":[{"name":']) {
    await other.page.evaluate(([k, v]) => localStorage.setItem(k, v), [STORAGE_KEY, theirs]);
    await eventually(async () => assert.match((await p.alerts()).join(' '), /cannot wholly read/));
    assert.deepEqual(await p.planNames(), ['Learner 1', 'Learner 2'], 'this tab keeps its plans');
    await eventually(async () => assert.ok((await p.keptTexts()).includes(theirs), 'the other text is kept whole'));
    await p.dismissAlerts();
  }
  // The next edit here saves this tab's plans; the other text stays kept.
  await p.add('CU795');
  await eventually(async () => assert.deepEqual((await p.saved()).plans.map((x) => x.name), ['Learner 1', 'Learner 2']));
  assert.equal((await p.keptTexts()).length, 2);
}));

test('a catalogue file loaded in one tab: an edit in the other tab keeps the plans on it', app(async (p) => {
  await p.open({ seed: learners });
  const other = await p.newTab();
  await loadCatalogueFile(p, 'retail.json', readmeExample());
  await eventually(async () => assert.match((await p.alerts()).join(' '), /Loaded retail\.json/));
  await p.newPlan();
  await p.chooseQualification('example-l2-retail');
  await p.addAll(['R01', 'R02']);
  // The other tab follows the file, and its edits keep the plan.
  await eventually(async () => assert.ok((await other.planNames()).includes('Plan')));
  await other.switchPlan('Learner 1');
  await other.add('CU795');
  await eventually(async () => {
    const saved = await p.saved();
    assert.deepEqual(saved.plans.find((x) => x.name === 'Plan')?.units, ['R01', 'R02']);
    assert.deepEqual(saved.plans.find((x) => x.name === 'Learner 1')?.units, ['CU791', 'CU795']);
  });
  assert.deepEqual(await p.planCodes(), ['R01', 'R02'], 'tab 1 still shows its plan on the file');
}));

test('a tab whose open plan is deleted in another tab is told, and does not write into another plan unseen', app(async (p) => {
  await p.open({ seed: learners });
  await p.switchPlan('Learner 2');
  const other = await p.newTab();
  await other.switchPlan('Learner 2');
  await other.deletePlan();
  await eventually(async () => assert.match((await p.alerts()).join(' '), /\u201cLearner 2\u201d, the plan open here, was deleted in another tab; this tab now shows \u201cLearner 1\u201d/));
  assert.equal(await p.currentPlanName(), 'Learner 1');
}));

test('renaming to another plan\u2019s name is refused, so two tabs never confuse two plans', app(async (p) => {
  await p.open({ seed: learners });
  await p.renamePlan('Learner 2');
  await eventually(async () => assert.match((await p.alerts()).join(' '), /another plan is already called \u201cLearner 2\u201d/));
  assert.deepEqual(await p.planNames(), ['Learner 1', 'Learner 2']);
}));

test('a second catalogue file of the same file name is kept beside the first across a reload', app(async (p) => {
  await p.open();
  const first = readmeExample();
  const second = readmeExample();
  second.document.id = 'example-retail-2';
  second.qualifications[0].id = 'example-l2-retail-2';
  second.qualifications[0].title = 'Example Level 2 Certificate in Retail Skills, second';
  await loadCatalogueFile(p, 'retail.json', first);
  await eventually(async () => assert.match((await p.alerts()).join(' '), /Loaded retail\.json:/));
  await loadCatalogueFile(p, 'retail.json', second);
  await eventually(async () => assert.match((await p.alerts()).join(' '), /Loaded retail\.json \(2\):/));
  await p.reload();
  const ids = (await p.qualificationOptions()).map((o) => o.value);
  assert.ok(ids.includes('example-l2-retail'), 'the first is still there');
  assert.ok(ids.includes('example-l2-retail-2'), 'and so is the second');
}));

test('kept copies are listed, downloaded whole, taken back, and deleted with undo', app(async (p) => {
  const damaged = JSON.stringify({
    version: 2,
    current: 0,
    plans: [{ name: 'Kept', qualification: 'cg-4411-30', units: ['002', '999'] }],
    written_by: 'a later version',
  });
  await p.open({ seed: damaged });
  const kept = await openKept(p);
  const list = kept.getByRole('list', { name: 'Kept copies' });
  await eventually(async () => assert.equal(await list.getByRole('listitem').count(), 1));
  const [download] = await Promise.all([
    p.page.waitForEvent('download'),
    kept.getByRole('button', { name: /^Download the copy kept / }).click(),
  ]);
  const file = await download.path();
  assert.equal(readFileSync(file, 'utf8'), damaged, 'the download is the save as it was');
  await kept.getByRole('button', { name: /^Take back what can be read from the copy kept / }).click();
  await eventually(async () => assert.deepEqual(await p.planNames(), ['Kept', 'Kept 2']));
  await kept.getByRole('button', { name: /^Delete the copy kept / }).click();
  await eventually(async () => assert.deepEqual(await p.keptTexts(), []));
  await kept.getByRole('button', { name: 'Undo' }).click();
  await eventually(async () => assert.deepEqual(await p.keptTexts(), [damaged]));
}));

test('a kept copy of catalogue files is taken back file by file, and the planner says how many it loaded', app(async (p) => {
  const second = readmeExample();
  second.document.id = 'example-retail-2';
  second.qualifications[0].id = 'example-l2-retail-2';
  const files = [
    { name: 'retail.json', text: JSON.stringify(readmeExample()) },
    { name: 'retail-2.json', text: JSON.stringify(second) },
  ];
  const copy = { kept_at: 0, reason: 'kept for the test', from: 'qualplan.catalogues', text: JSON.stringify(files) };
  await p.open({ extra: { 'qualplan.kept.1-1': JSON.stringify(copy) } });
  const kept = await openKept(p);
  await kept.getByRole('button', { name: /^Take back what can be read from / }).click();
  await eventually(async () => assert.match((await p.alerts()).join(' '), /Loaded 2 catalogue files from the copy\./));
  const ids = (await p.qualificationOptions()).map((o) => o.value);
  assert.ok(ids.includes('example-l2-retail') && ids.includes('example-l2-retail-2'), 'both files loaded');
}));

test('a damaged save too large to copy beside itself is moved whole to a kept copy, never lost', app(async (p) => {
  const huge = `{"version":2,"plans":["${'x'.repeat(2_700_000)}`;
  await p.page.addInitScript((huge) => {
    if (sessionStorage.getItem('qualplan-e2e.huge')) return;
    sessionStorage.setItem('qualplan-e2e.huge', '1');
    localStorage.setItem('qualplan.workspace', huge);
  }, huge);
  await p.open();
  const kept = await p.keptTexts();
  const still = await p.storageItem(STORAGE_KEY);
  assert.ok(kept.includes(huge) || still === huge, 'the save is kept whole somewhere');
  await p.add((await p.availableCodes())[0]);
  await p.page.waitForTimeout(200);
  assert.ok((await p.keptTexts()).includes(huge) || (await p.storageItem(STORAGE_KEY)) === huge, 'and still after an edit');
}));

test('edits clicked in two tabs at the same instant are all kept', app(async (p) => {
  await p.open({ seed: learners });
  const codes = (await p.availableCodes()).filter((c) => !['CU791', 'CU792'].includes(c)).slice(0, 16);
  const other = await p.newTab();
  await other.switchPlan('Learner 2');
  const mine = codes.slice(0, 8);
  const theirs = codes.slice(8);
  for (let i = 0; i < mine.length; i++) {
    await Promise.all([
      p.addButton(mine[i]).click(),
      other.addButton(theirs[i]).click(),
    ]);
  }
  await eventually(async () => {
    const saved = await p.saved();
    assert.deepEqual(saved.plans.find((x) => x.name === 'Learner 1').units, ['CU791', ...mine]);
    assert.deepEqual(saved.plans.find((x) => x.name === 'Learner 2').units, ['CU792', ...theirs]);
  });
  await eventually(async () => assert.deepEqual(await other.planCodes(), ['CU792', ...theirs]));
  await eventually(async () => assert.deepEqual(await p.planCodes(), ['CU791', ...mine]));
}));
