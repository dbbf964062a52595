// Plans shared as links, in a tab that is already open: the link is picked up when the address's
// fragment changes, shown read-only (name, qualification, units with titles, readings, verdict)
// before anything is saved, then saved as a new plan or dismissed. And "Copy link" puts the
// plan's link on the clipboard, or leaves it selected for the person to copy.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cliAvailable, cliCheck, cliUnits, describeViolations, eventually, expectedVerdict, harness, inView } from './support/planner.mjs';

const app = harness();
const needsCli = { skip: cliAvailable ? false : 'build the command line first: cargo build --bin qualplan' };

const LINK = '#q=cg-4411-30&u=002,001,104,106&r=entry3-min:inclusive&n=For%20Sam';

test(
  'a link opened in a tab already open is shown read-only with its units, readings and verdict; saving adds it as a new plan',
  needsCli,
  app(async (p) => {
    await p.open();
    await p.chooseQualification('highfield-l2-nvq-customer-service');
    await p.add('F/601/1609');
    // The person has scrolled down the page before the link arrives.
    await p.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const saved = await p.saved();
    await p.openLinkHere(`${p.url}${LINK}`);
    const shared = await p.sharedPlan();

    const readings = { 'entry3-min': 'inclusive' };
    const check = cliCheck('cg-4411-30', ['002', '001', '104', '106'], readings);
    const title = 'City & Guilds Entry Level Award for Introduction to Customer Service (Entry 3)';
    assert.equal(shared.summary, `A shared plan, \u201cFor Sam\u201d: 4 units towards ${title}: 002, 001, 104, 106.`);
    const units = new Map(cliUnits('cg-4411-30').map((u) => [u.code, u]));
    assert.deepEqual(
      shared.units.map((u) => [u.code, u.title]),
      ['002', '001', '104', '106'].map((c) => [c, units.get(c).title]),
      'each unit by code and title',
    );
    for (const u of shared.units) assert.match(u.about, new RegExp(`^${units.get(u.code).credit} credits?, ${units.get(u.code).glh} GLH`));
    const rule = check.rules.find((r) => r.id === 'entry3-min');
    const label = rule.readings.find((r) => r.id === 'inclusive').label;
    assert.deepEqual(shared.readings, [`${rule.label}: ${label} (chosen in the link; not the document's default)`]);
    assert.equal(shared.verdict, expectedVerdict(check), 'the verdict the command line gives the same plan');
    assert.equal(check.compliant, true);
    assert.deepEqual(shared.missing, []);
    assert.match(await p.sharedOffer.innerText(), /nothing is saved until you choose \u201cSave as a new plan\u201d/);
    const violations = await p.axe();
    assert.equal(violations.length, 0, `axe violations with a plan from a link shown:\n${describeViolations(violations)}`);

    // Read once and cleared; shown where the person is looking; nothing saved yet.
    assert.equal(await p.page.evaluate(() => location.hash), '');
    assert.equal(await p.page.evaluate(() => document.activeElement?.id), 'shared-plan-heading');
    assert.ok(await p.sharedOffer.evaluate((r) => r.getBoundingClientRect().top < window.innerHeight), 'the offer is in view');
    assert.deepEqual(await p.planNames(), ['My plan']);
    assert.deepEqual(await p.planCodes(), ['F/601/1609']);
    assert.deepEqual(await p.saved(), saved);

    await p.sharedOffer.getByRole('button', { name: 'Save as a new plan', exact: true }).click();
    await eventually(async () => assert.deepEqual(await p.planNames(), ['My plan', 'For Sam']));
    assert.equal(await p.qualification(), 'cg-4411-30');
    assert.deepEqual(await p.planCodes(), ['002', '001', '104', '106']);
    assert.equal(await p.verdict(), expectedVerdict(check), 'the saved plan keeps its reading and verdict');
    await eventually(async () => assert.deepEqual((await p.saved()).plans[1].readings, readings));
    assert.ok((await p.alerts()).includes('The plan is saved as \u201cFor Sam\u201d and open.'));
    assert.equal(await p.sharedOffer.count(), 0);
  }),
);

test(
  'a plan that does not yet meet the rules shows what is missing, and a second link replaces the first',
  app(async (p) => {
    await p.open();
    await p.openLinkHere('#q=cg-4411-30&u=002&n=Just%20one');
    let shared = await p.sharedPlan();
    assert.match(shared.verdict, /^\u2717 Not yet: \d+ of \d+ rules of combination not met\.$/);
    assert.ok(shared.missing.length > 0);
    assert.ok(shared.missing.some((m) => m.startsWith('Entry 3 units 001-010: ')), shared.missing.join('; '));
    assert.deepEqual(shared.readings, ["Entry 3 units 001-010: The 4 credits come on top of the mandatory unit 002 (the document's default)"]);
    await p.openLinkHere(LINK);
    await eventually(async () => assert.match((await p.sharedPlan()).summary, /\u201cFor Sam\u201d/));
    shared = await p.sharedPlan();
    assert.equal(shared.units.length, 4);
  }),
);

test(
  'dismissing a link opened in an open tab changes nothing',
  app(async (p) => {
    await p.open();
    await p.chooseQualification('cg-4411-30');
    await p.add('002');
    const before = await p.storageItem('qualplan.workspace');
    await p.openLinkHere(LINK);
    await p.sharedOffer.waitFor();
    await p.sharedOffer.getByRole('button', { name: 'Dismiss', exact: true }).click();
    await p.sharedOffer.waitFor({ state: 'detached' });
    assert.deepEqual(await p.planNames(), ['My plan']);
    assert.deepEqual(await p.planCodes(), ['002']);
    assert.equal(await p.storageItem('qualplan.workspace'), before);
    assert.deepEqual(await p.alerts(), []);
  }),
);

test(
  'a broken link opened in an open tab is refused with a message and changes nothing; a place in the page is not taken for a link',
  app(async (p) => {
    await p.open();
    await p.chooseQualification('cg-4411-30');
    await p.add('002');
    const before = await p.storageItem('qualplan.workspace');
    await p.openLinkHere('#q=cg-4411-30&u=002,999');
    await eventually(async () =>
      assert.match((await p.problems()).join(' '), /could not be opened: the link's unit "999" is not a unit of .*Nothing was changed/),
    );
    assert.equal(await p.sharedOffer.count(), 0);
    assert.equal(await p.storageItem('qualplan.workspace'), before);
    await p.dismissAlerts();
    // The skip link sets #plan-heading: that is a place in the page, not a plan.
    await p.page.getByRole('link', { name: 'Skip to your plan' }).focus();
    await p.page.keyboard.press('Enter');
    await eventually(async () => assert.equal(await p.page.evaluate(() => location.hash), '#plan-heading'));
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(await p.alerts(), []);
    assert.equal(await p.sharedOffer.count(), 0);
  }),
);

test(
  'Copy link puts the plan\u2019s link on the clipboard and says so',
  app(async (p) => {
    await p.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(p.url).origin });
    await p.open();
    await p.chooseQualification('cg-4411-30');
    await p.addAll(['002', '001']);
    await p.renamePlan('For Sam');
    await p.openPlanTools();
    const button = p.page.getByRole('button', { name: 'Copy link', exact: true });
    const before = await button.boundingBox();
    await p.copyLink();
    const link = await p.shareLinkField.inputValue();
    assert.match(link, /#q=cg-4411-30&u=002,001&n=For%20Sam$/);
    await eventually(async () => assert.equal(await p.page.evaluate(() => navigator.clipboard.readText()), link));
    // Said beside the button, to the eye and (a status) to a screen reader; no notice at the top
    // pushes the page down under the pointer; gone once the plan (and so its link) changes.
    const status = p.page.locator('details.plan-tools').getByRole('status');
    await eventually(async () => assert.equal(await status.ariaSnapshot(), '- status: \u2713 Copied'));
    assert.ok(await inView(status), 'beside the button, in view');
    assert.deepEqual(await p.alerts(), []);
    assert.deepEqual(await button.boundingBox(), before, 'the button has not moved');
    await p.add('010');
    await eventually(async () => assert.equal(await status.ariaSnapshot(), '- status'));
    // The copied link opens the same plan in a tab already open.
    await p.openLinkHere(await p.page.evaluate(() => navigator.clipboard.readText()));
    assert.deepEqual((await p.sharedPlan()).units.map((u) => u.code), ['002', '001']);
  }),
);

test(
  'without the Clipboard API the link is copied from the selected field, and where that fails too the person is told to copy it',
  app(async (p) => {
    await p.page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });
      window.__copies = [];
      window.__copyWorks = true;
      document.execCommand = (command) => {
        const e = document.activeElement;
        window.__copies.push([command, e?.id, e?.value?.slice(e.selectionStart, e.selectionEnd)]);
        return window.__copyWorks;
      };
    });
    await p.open();
    await p.chooseQualification('cg-4411-30');
    await p.add('002');
    await p.copyLink();
    const link = await p.shareLinkField.inputValue();
    await eventually(async () => assert.deepEqual(await p.page.evaluate(() => window.__copies), [['copy', 'share-link', link]]));
    const status = p.page.locator('details.plan-tools').getByRole('status');
    await eventually(async () => assert.equal(await status.ariaSnapshot(), '- status: \u2713 Copied'));

    await p.page.evaluate(() => {
      window.__copyWorks = false;
    });
    await p.copyLink();
    await eventually(async () => assert.match((await p.problems()).join(' '), /The link could not be copied by the browser\. It is selected in the box/));
    const selection = await p.shareLinkField.evaluate((i) => [document.activeElement === i, i.selectionStart, i.selectionEnd, i.value.length]);
    assert.deepEqual(selection, [true, 0, link.length, link.length], 'left selected in the field, for the person to copy');
    assert.equal(await status.ariaSnapshot(), '- status', 'not said to be copied');
  }),
);
