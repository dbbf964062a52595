// Sharing and exchanging plans, printing, your own qualifications and classroom mode: each as an
// adviser or a trainer would use them, with bad input refused and nothing lost.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT, eventually, harness, inView } from './support/planner.mjs';

const app = harness();

function readmeExample() {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  return JSON.parse(readme.split('<!-- worked-example:start -->')[1].split('```json')[1].split('```')[0]);
}

test('a plan shared as a link opens in another browser and is saved as a new named plan', app(async (p) => {
  await p.open();
  await p.chooseQualification('cg-4411-30');
  await p.addAll(['002', '001']);
  await p.renamePlan('For Sam');
  await p.openPlanTools();
  const link = await p.page.getByRole('textbox', { name: 'Link to this plan', exact: true }).inputValue();
  assert.match(link, /#q=cg-4411-30&u=002,001&n=For%20Sam$/);
  // A fresh browser (its own storage) with a plan of its own already there.
  const other = await p.page.context().browser().newContext();
  const page = await other.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(link);
  const offer = page.getByRole('region', { name: 'Shared plan', exact: true });
  await offer.getByText('A shared plan, \u201cFor Sam\u201d: 2 units towards').waitFor();
  assert.match(await offer.innerText(), /Introduction to Customer Service \(Entry 3\): 002, 001\./, 'the plan itself is shown');
  assert.equal(await page.evaluate(() => location.hash), '', 'the link is read once, then cleared');
  // A first visit: the planner under the preview is on the link's qualification, not another.
  assert.equal(await page.locator('#qualification').inputValue(), 'cg-4411-30');
  await offer.getByRole('button', { name: 'Save as a new plan' }).click();
  const names = await page.getByRole('combobox', { name: 'Plan', exact: true }).locator('option').allTextContents();
  assert.deepEqual(names, ['My plan', 'For Sam'], 'saved beside the plan already there, not over it');
  const planned = await page.getByRole('list', { name: 'Your plan', exact: true }).locator('li .code').allTextContents();
  assert.deepEqual(planned, ['002', '001']);
  assert.deepEqual(errors, []);
  await other.close();
}));

test('on a phone, a plan from a link is read without the bar giving the verdict of the plan already open', app(async (p) => {
  await p.open();
  await p.chooseQualification('highfield-l2-nvq-customer-service');
  await p.add('F/601/1609');
  const bar = p.page.getByRole('navigation', { name: 'Plan summary' });
  assert.match(await bar.innerText(), /not met \u00b7 \d+ of 28 credits/, 'the bar gives the open plan\u2019s verdict');
  const link = '#q=cg-4411-30&u=002,001&n=For%20Sam';
  await p.openLinkHere(link);
  await p.sharedOffer.waitFor();
  assert.equal(await p.qualification(), 'highfield-l2-nvq-customer-service', 'the plan already open stays as it is');
  await eventually(async () => assert.equal(await bar.count(), 0, 'no bar under the preview'));
  const heading = p.page.locator('#shared-plan-heading');
  await eventually(async () => assert.ok(await inView(heading), 'the preview is in view'));
  // Dismissed, the bar is back with the plan that is still open.
  await p.sharedOffer.getByRole('button', { name: 'Dismiss' }).click();
  await bar.waitFor();
  assert.match(await bar.innerText(), /not met \u00b7 \d+ of 28 credits/);
  // Saved, the bar follows the saved plan, now the open one.
  await p.openLinkHere(link);
  await p.sharedOffer.waitFor();
  await eventually(async () => assert.equal(await bar.count(), 0));
  await p.sharedOffer.getByRole('button', { name: 'Save as a new plan' }).click();
  await bar.waitFor();
  assert.match(await bar.innerText(), / of 6 credits|\(6 needed\)/);
  assert.ok(await inView(bar), 'the bar at the foot of the screen');
}, { viewport: { width: 390, height: 844 } }));

test('a malformed link is refused with a clear message and changes nothing', app(async (p) => {
  await p.open();
  await p.chooseQualification('cg-4411-30');
  await p.add('002');
  await p.page.goto('about:blank');
  await p.page.goto(`${p.url}#q=cg-4411-30&u=002,999`);
  await p.ready();
  const alerts = await p.alerts();
  assert.equal(alerts.length, 1);
  assert.match(alerts[0], /could not be opened: the link's unit "999" is not a unit of .*Nothing was changed/);
  assert.deepEqual(await p.planNames(), ['My plan']);
  assert.deepEqual(await p.planCodes(), ['002']);
}));

test('plans are exported to a file and imported back beside the others', app(async (p) => {
  await p.open();
  await p.chooseQualification('highfield-l2-nvq-customer-service');
  await p.addAll(['F/601/1609', 'L/601/1614']);
  await p.openPlanTools();
  const [download] = await Promise.all([
    p.page.waitForEvent('download'),
    p.page.getByRole('button', { name: 'Export all plans', exact: true }).click(),
  ]);
  const file = await download.path();
  const text = readFileSync(file, 'utf8');
  const exported = JSON.parse(text);
  assert.equal(exported.format, 'qualplan plans');
  assert.deepEqual(exported.plans[0].units, ['F/601/1609', 'L/601/1614']);
  await p.page.getByLabel('Import plans').setInputFiles({ name: 'plans.qualplan.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await eventually(async () => assert.deepEqual(await p.planNames(), ['My plan', 'My plan 2']));
  assert.deepEqual(await p.planCodes(), ['F/601/1609', 'L/601/1614']);
  assert.match((await p.alerts()).join(' '), /Imported 1 plan from plans\.qualplan\.json/);
}));

test('a malformed import file is refused, saying what is wrong and where, and nothing changes', app(async (p) => {
  await p.open();
  await p.chooseQualification('cg-4411-30');
  await p.add('002');
  const before = await p.storageItem('qualplan.workspace');
  await p.openPlanTools();
  const bad = { format: 'qualplan plans', version: 2, plans: [
    { name: 'fine', qualification: 'cg-4411-30', units: ['002'] },
    { name: 'broken', qualification: 'cg-4411-30', units: ['002', '777'] },
  ] };
  await p.page.getByLabel('Import plans').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await eventually(async () => assert.match((await p.alerts()).join(' '), /bad\.json was not imported, and nothing was changed\. Plan 2 \(\u201cbroken\u201d\): unit "777"/));
  assert.deepEqual(await p.planNames(), ['My plan']);
  assert.equal(await p.storageItem('qualplan.workspace'), before);
  await p.dismissAlerts();
  await p.page.getByLabel('Import plans').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await eventually(async () => assert.match((await p.alerts()).join(' '), /notes\.txt was not imported.*not a qualplan plans file/));
}));

test('a trainer loads a catalogue file, plans against it, keeps it across a reload and removes it', app(async (p) => {
  await p.open();
  await p.page.getByText('Your own qualifications', { exact: true }).click();
  await p.page.getByLabel('Load a catalogue file').setInputFiles({ name: 'retail.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(readmeExample())) });
  await eventually(async () => assert.match((await p.alerts()).join(' '), /Loaded retail\.json: "Example Level 2 Certificate in Retail Skills"/));
  await p.dismissAlerts();
  await p.chooseQualification('example-l2-retail');
  await p.addAll(['R01', 'R02', 'R11', 'R21']);
  assert.match(await p.verdict(), /meets every rule a plan can show; 1 rule needs evidence from outside the plan/);
  await p.reload();
  assert.equal(await p.qualification(), 'example-l2-retail', 'the file is kept in the browser');
  assert.deepEqual(await p.planCodes(), ['R01', 'R02', 'R11', 'R21']);
  await p.page.getByText('Your own qualifications', { exact: true }).click();
  await p.page.getByRole('button', { name: 'Remove retail.json', exact: true }).click();
  await eventually(async () => assert.match((await p.alerts()).join(' '), /Removed retail\.json\. The plan on it is kept aside and comes back if the file is loaded again/));
  assert.equal(await p.page.locator('option[value="example-l2-retail"]').count(), 0);
}));

test('a catalogue file with a broken reference is refused with file, record and reference', app(async (p) => {
  await p.open();
  const doc = readmeExample();
  doc.qualifications[0].rules[1].require.mandatory = ['R01', 'R99'];
  await p.page.getByText('Your own qualifications', { exact: true }).click();
  await p.page.getByLabel('Load a catalogue file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc, null, 2)) });
  await eventually(async () => {
    const text = (await p.alerts()).join(' ');
    assert.match(text, /broken\.json was not loaded, and nothing was changed/);
    assert.match(text, /broken\.json: qualification example-l2-retail, rule mandatory: unknown unit "R99"/);
  });
  // Where the rule is written: its line number, the line, and a caret under its id.
  const line = JSON.stringify(doc, null, 2).split('\n').findIndex((l) => l.includes('"id": "mandatory"')) + 1;
  assert.match((await p.alerts()).join(' '), new RegExp(`line ${line}:`));
  const quoted = await p.page.locator('.notices .quoted-line').allTextContents();
  const at = quoted.findIndex((q) => q.includes('"id": "mandatory"'));
  assert.ok(at >= 0, `the rule's line is quoted: ${JSON.stringify(quoted)}`);
  assert.equal(quoted[at + 1].indexOf('^'), quoted[at].indexOf('"mandatory"'), 'the caret is under the id');
  assert.equal(await p.page.locator('option[value="example-l2-retail"]').count(), 0);
  assert.equal(await p.storageItem('qualplan.catalogues'), null);
}));

test('printing gives a one-page summary: qualification, plan, date, readings, every unit, totals, verdict and what is missing', app(async (p) => {
  await p.open();
  await p.chooseQualification('cg-4411-30');
  await p.addAll(['002', '101', '105']);
  await p.renamePlan('Learner A');
  // The screen never shows the printed page, so a change does not make it: it is made as the
  // browser is about to print.
  const summary = p.page.locator('section.print-summary');
  assert.equal(await summary.evaluate((e) => e.childElementCount), 0, 'nothing is made for print before printing');
  const pdf = await p.page.pdf({ format: 'A4' });
  const dir = mkdtempSync(path.join(tmpdir(), 'qualplan-print-'));
  const file = path.join(dir, 'plan.pdf');
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))[1]);
  assert.equal(pages, 1, 'one page');
  assert.match(text, /Plan summary: Learner A/);
  assert.match(text, /City & Guilds Entry Level Award for Introduction to Customer Service \(Entry 3\)/);
  assert.match(text, /Regulator number 501\/1840\/7/);
  assert.match(text, /Printed \d{2}\/\d{2}\/\d{4}/);
  for (const title of ['Legislation, regulation and procedures to follow in customer service', 'Create a good impression to customers', 'Working in customer service']) {
    assert.ok(text.includes(title), `the unit "${title}" is printed`);
  }
  assert.match(text, /Verdict: Not yet: 1 of 14 rules of combination not met\./);
  assert.match(text, /Entry 3 units 001-010: 4 more credits from Entry 3 units 001-010/);
  assert.match(text, /Readings in force/);
  assert.match(text, /Credits 6 of 6 minimum/);
  assert.match(text, /GLH 56: 5 more than the 51 published/, 'past the published GLH, by how much');
  assert.doesNotMatch(text, /Add|Remove|Classroom mode/, 'no controls are printed');
  // A change after a print, printed at once, is on the new print.
  await p.add('106');
  await p.renamePlan('Learner B');
  const again = await p.page.pdf({ format: 'A4' });
  writeFileSync(file, again);
  const text2 = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  assert.match(text2, /Plan summary: Learner B/);
  assert.match(text2, /Units planned \(4\)/);
  assert.doesNotMatch(text2, /Learner A/);
}));

test('printing in classroom mode gives the same one-page handout, in print type, not the projector\u2019s', app(async (p) => {
  await p.open();
  await p.chooseQualification('cg-4411-30');
  await p.addAll(['002', '101', '105', '106']);
  await p.page.getByRole('button', { name: 'Classroom mode', exact: true }).click();
  await p.page.locator('.layout.classroom').waitFor();
  const dir = mkdtempSync(path.join(tmpdir(), 'qualplan-print-'));
  const file = path.join(dir, 'plan.pdf');
  writeFileSync(file, await p.page.pdf({ format: 'A4' }));
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))[1]);
  assert.equal(pages, 1, 'one page');
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  assert.match(text, /Units planned \(4\)/);
  assert.match(text, /Credits 8: 2 more than the 6 minimum/);
  await p.page.emulateMedia({ media: 'print' });
  const px = await p.page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  assert.equal(px, 14, 'the print type, 10.5 pt');
}));

test('"Print this plan" prints the plan as it is when pressed, at once after a change', app(async (p) => {
  // Headless Chromium opens no print dialog, so the page's print() is replaced by what the
  // browser's does first: "beforeprint" inside the call, and then the page is taken as it is,
  // before the script that called print() has ended.
  await p.page.addInitScript(() => {
    window.print = () => {
      dispatchEvent(new Event('beforeprint'));
      window.printed = [...(window.printed || []), document.querySelector('section.print-summary').textContent];
    };
  });
  await p.open();
  await p.chooseQualification('cg-4411-30');
  await p.addAll(['002', '101']);
  await p.renamePlan('Learner C');
  await p.openPlanTools();
  const print = p.page.getByRole('button', { name: 'Print this plan', exact: true });
  const printed = async (n) => {
    await p.page.waitForFunction((n) => (window.printed || []).length === n, n);
    return p.page.evaluate(() => window.printed.at(-1));
  };
  await print.click();
  let text = await printed(1);
  assert.match(text, /Plan summary: Learner C/);
  assert.match(text, /Units planned \(2\)/);
  // A unit added and printed straight after: on the print.
  await p.add('105');
  await print.click();
  text = await printed(2);
  assert.match(text, /Units planned \(3\)/);
  assert.ok(text.includes('Working in customer service'), 'the unit just added is printed');
}));

test('classroom mode: large type, rules first, and a rule-by-rule walk through the plan', app(async (p) => {
  await p.open();
  await p.chooseQualification('cg-4411-30');
  await p.add('002');
  const toggle = p.page.getByRole('button', { name: 'Classroom mode', exact: true });
  const size = () => p.page.locator('main').evaluate((m) => parseFloat(getComputedStyle(m).fontSize));
  const normal = await size();
  const tick = () => toggle.evaluate((b) => getComputedStyle(b, '::before').content);
  assert.equal(await tick(), 'none');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  assert.match(await tick(), /\u2713/, 'on is shown by more than a colour');
  assert.ok((await size()) > normal * 1.2, 'larger type');
  const why = p.page.getByRole('region', { name: 'Why: rule by rule', exact: true });
  await why.getByText('Rule 1 of 14 in the document').waitFor();
  assert.match(await why.innerText(), /Minimum 6 credits[\s\S]*This rule is not met: 4 more credits in total/);
  await why.getByRole('button', { name: 'Next rule' }).click();
  await why.getByText('Rule 2 of 14 in the document').waitFor();
  await p.reload();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true', 'the mode is remembered');
  await toggle.click();
  assert.equal(await p.page.getByRole('region', { name: 'Why: rule by rule', exact: true }).count(), 0);
}));
