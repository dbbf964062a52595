// The workspace in local storage: kept across reloads, damaged or old saves recovered without
// losing anything, and two tabs kept in step.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { STORAGE_KEY, eventually, harness, workspace } from './support/planner.mjs';

const app = harness();

test(
  'plans, units in their order, the qualification, a reading and the open plan survive a reload',
  app(async (planner) => {
    await planner.open();
    await planner.chooseQualification('edi-l2-nvq-customer-service');
    await planner.addAll(['CU791', 'CU792', 'CU818']);
    await planner.moveUp('CU818');
    await planner.chooseReading('Level 2 credits (Groups B-E)', 'Credits from units of level 2 or above');
    await planner.renamePlan('Monday');
    await planner.newPlan();
    await planner.chooseQualification('highfield-l2-nvq-customer-service');
    await planner.add('F/601/1609');
    await planner.switchPlan('Monday');
    await eventually(async () => assert.deepEqual(await planner.planCodes(), ['CU791', 'CU818', 'CU792']));
    const verdict = await planner.verdict();
    const rules = await planner.rules();

    await planner.reload();
    assert.deepEqual(await planner.planNames(), ['Monday', 'Plan']);
    assert.equal(await planner.currentPlanName(), 'Monday');
    assert.equal(await planner.qualification(), 'edi-l2-nvq-customer-service');
    assert.deepEqual(await planner.planCodes(), ['CU791', 'CU818', 'CU792']);
    assert.equal(
      await planner.reading('Level 2 credits (Groups B-E)', 'Credits from units of level 2 or above').isChecked(),
      true,
    );
    assert.equal(await planner.verdict(), verdict);
    assert.deepEqual(await planner.rules(), rules);
    assert.deepEqual(await planner.alerts(), []);
    await planner.switchPlan('Plan');
    await eventually(async () => assert.deepEqual(await planner.planCodes(), ['F/601/1609']));
    assert.equal(await planner.qualification(), 'highfield-l2-nvq-customer-service');
  }),
);

test(
  'the save is version 3: every named plan with its qualification, units and readings',
  app(async (planner) => {
    await planner.open();
    await planner.chooseQualification('edi-l2-nvq-customer-service');
    await planner.addAll(['CU791', 'CU818']);
    await planner.chooseReading('Level 2 credits (Groups B-E)', 'Credits from units of level 2 or above');
    await planner.newPlan();
    await eventually(async () =>
      assert.deepEqual(await planner.saved(), {
        version: 3,
        current: 1,
        plans: [
          {
            name: 'My plan',
            qualification: 'edi-l2-nvq-customer-service',
            units: ['CU791', 'CU818'],
            readings: { 'level-2-credits': 'level-2-or-above' },
          },
          { name: 'Plan', qualification: 'edi-l2-nvq-customer-service', units: [], readings: {} },
        ],
      }),
    );
  }),
);

test(
  'a saved plan is restored as it was saved, before any change',
  app(async (planner) => {
    const seed = workspace(
      [
        { name: 'Ready', qualification: 'cg-4411-30', units: ['002', '001', '010'] },
        { name: 'Level 3', qualification: 'cg-l3-nsvq-customer-service', units: ['301'], readings: { 'optional-units': 'minimum' } },
      ],
      1,
    );
    await planner.open({ seed });
    assert.deepEqual(await planner.planNames(), ['Ready', 'Level 3']);
    assert.equal(await planner.currentPlanName(), 'Level 3');
    assert.equal(await planner.qualification(), 'cg-l3-nsvq-customer-service');
    assert.deepEqual(await planner.planCodes(), ['301']);
    assert.deepEqual(await planner.alerts(), []);
    await planner.switchPlan('Ready');
    await eventually(async () => assert.match(await planner.verdict(), /meets every rule/));
  }),
);

test(
  'a save that is not valid JSON: the app still works, says so in plain words, and keeps the text',
  app(async (planner) => {
    const broken = '{"version":2,"current":0,"plans":[{"name":"Lost?",';
    await planner.open({ seed: broken });
    const alerts = await planner.alerts();
    assert.equal(alerts.length, 2, alerts.join(' | '));
    assert.match(alerts[0], /^Your saved plans could not be read\b/);
    assert.match(alerts[1], /kept whole: see Kept copies/);
    assert.deepEqual(await planner.keptTexts(), [broken], 'the unreadable text is kept whole');
    // A fresh plan to work with, and it works.
    assert.deepEqual(await planner.planNames(), ['My plan']);
    assert.ok((await planner.availableCodes()).length > 0);
    const first = (await planner.availableCodes())[0];
    await planner.add(first);
    assert.deepEqual(await planner.planCodes(), [first]);
    assert.equal((await planner.saved()).version, 3, 'a readable save replaces the broken one');
    assert.deepEqual(await planner.keptTexts(), [broken], 'the copy outlives the next save');
    await planner.dismissAlerts();
    assert.deepEqual(await planner.alerts(), []);
  }),
);

test(
  'a save in a format this version does not know is kept aside, with a message',
  app(async (planner) => {
    const future = JSON.stringify({ version: 99, everything: 'new' });
    await planner.open({ seed: future });
    const alerts = await planner.alerts();
    assert.equal(alerts.length, 2, alerts.join(' | '));
    assert.match(alerts[0], /form this version does not know \(version 99\)/);
    assert.deepEqual(await planner.keptTexts(), [future]);
    assert.deepEqual(await planner.planNames(), ['My plan']);
  }),
);

test(
  'an old version-1 save (a single plan) is migrated with its units, silently',
  app(async (planner) => {
    await planner.open({
      seed: { version: 1, qualification: 'highfield-l2-nvq-customer-service', units: ['F/601/1609', 'L/601/1614'] },
    });
    assert.deepEqual(await planner.alerts(), []);
    assert.deepEqual(await planner.planNames(), ['My plan']);
    assert.equal(await planner.qualification(), 'highfield-l2-nvq-customer-service');
    assert.deepEqual(await planner.planCodes(), ['F/601/1609', 'L/601/1614']);
    assert.equal(await planner.total('Credits'), '8 of 28 minimum');
    await eventually(async () =>
      assert.deepEqual(await planner.saved(), {
        version: 3,
        current: 0,
        plans: [
          { name: 'My plan', qualification: 'highfield-l2-nvq-customer-service', units: ['F/601/1609', 'L/601/1614'], readings: {} },
        ],
      }),
    );
    await planner.reload();
    assert.deepEqual(await planner.planCodes(), ['F/601/1609', 'L/601/1614']);
  }),
);

test(
  'a saved unit code that no longer exists is dropped, the rest kept, and the user told which',
  app(async (planner) => {
    const seed = workspace([
      { name: 'Old codes', qualification: 'edi-l2-nvq-customer-service', units: ['CU791', 'CU999', 'CU792'] },
      { name: 'Fine', qualification: 'edi-l2-nvq-customer-service', units: ['CU795'] },
    ]);
    await planner.open({ seed });
    assert.deepEqual(await planner.planNames(), ['Old codes', 'Fine']);
    assert.deepEqual(await planner.planCodes(), ['CU791', 'CU792']);
    const alerts = await planner.alerts();
    assert.equal(alerts.length, 2, alerts.join(' | '));
    assert.match(alerts[0], /Old codes/);
    assert.match(alerts[0], /CU999/);
    assert.match(alerts[0], /does not offer/);
    assert.deepEqual(await planner.keptTexts(), [JSON.stringify(seed)], 'the original save is kept');
    await planner.switchPlan('Fine');
    await eventually(async () => assert.deepEqual(await planner.planCodes(), ['CU795']));
  }),
);

test(
  'a saved plan for a qualification the catalogue does not hold is kept aside, saved, and listed; the others are shown',
  app(async (planner) => {
    const seed = workspace([
      { name: 'Withdrawn', qualification: 'no-such-qualification', units: ['X1'] },
      { name: 'Current', qualification: 'cg-4411-30', units: ['002'] },
    ]);
    await planner.open({ seed });
    assert.deepEqual(await planner.planNames(), ['Current']);
    assert.deepEqual(await planner.planCodes(), ['002']);
    const alerts = await planner.alerts();
    assert.equal(alerts.length, 1, alerts.join(' | '));
    assert.match(alerts[0], /Withdrawn/);
    assert.match(alerts[0], /no-such-qualification/);
    assert.match(alerts[0], /kept aside/);
    assert.deepEqual(await planner.keptTexts(), [], 'nothing is lost, so no copy is needed');
    await planner.add('001');
    await eventually(async () =>
      assert.deepEqual((await planner.saved()).plans.map((p) => p.name), ['Current', 'Withdrawn'], 'still in the save'),
    );
    await planner.page.getByText(/^Kept copies \(1\)$/).click();
    const aside = planner.page.getByRole('list', { name: 'Plans kept aside' });
    assert.match(await aside.textContent(), /Withdrawn/);
  }),
);

test(
  'an unreadable list of loaded catalogue files is reported and kept aside whole; the planner still works',
  app(async (planner) => {
    const broken = '[{"name": "mine.json", "text": ';
    await planner.open({ extra: { 'qualplan.catalogues': broken } });
    const alerts = await planner.alerts();
    assert.equal(alerts.length, 1, alerts.join(' | '));
    assert.match(alerts[0], /qualplan\.catalogues/);
    assert.match(alerts[0], /kept whole: see Kept copies/);
    const kept = await planner.keptCopies();
    assert.deepEqual(kept.map((k) => [k.from, k.text]), [['qualplan.catalogues', broken]]);
    await planner.chooseQualification('cg-4411-30');
    await planner.add('002');
    assert.deepEqual(await planner.planCodes(), ['002']);
  }),
);

test(
  'when the browser\u2019s storage is full, the user is told the plans could not be saved',
  app(async (planner) => {
    await planner.page.addInitScript(() => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (window.__storageFull && key === 'qualplan.workspace') {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        return setItem.call(this, key, value);
      };
    });
    await planner.open();
    await planner.chooseQualification('edi-l2-nvq-customer-service');
    await planner.add('CU791');
    await planner.page.evaluate(() => (window.__storageFull = true));
    await planner.add('CU792');
    const alerts = await planner.alerts();
    assert.equal(alerts.length, 1, alerts.join(' | '));
    assert.match(alerts[0], /could not be saved/);
    assert.match(alerts[0], /storage for this site is full/);
    assert.deepEqual(await planner.planCodes(), ['CU791', 'CU792'], 'the plan on screen is kept');
    assert.deepEqual((await planner.saved()).plans[0].units, ['CU791'], 'the last good save is untouched');
  }),
);

test(
  'where the browser allows no local storage, the app still works and says plans will not be kept',
  {},
  app(async (planner) => {
    await planner.page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    await planner.page.goto(planner.url);
    await planner.qualificationSelect.waitFor({ timeout: 3000 });
    const alerts = await planner.alerts();
    assert.equal(alerts.length, 1, alerts.join(' | '));
    assert.match(alerts[0], /does not allow local storage/);
    await planner.chooseQualification('edi-l2-nvq-customer-service');
    await planner.add('CU791');
    assert.deepEqual(await planner.planCodes(), ['CU791']);
    assert.equal(await planner.total('Credits'), '4 of 28 minimum');
  }),
);

test(
  'two tabs: a change in one shows in the other without a reload',
  app(async (planner) => {
    await planner.open();
    await planner.chooseQualification('edi-l2-nvq-customer-service');
    const other = await planner.newTab();
    assert.equal(await other.qualification(), 'edi-l2-nvq-customer-service');

    await planner.add('CU791');
    await eventually(async () => assert.deepEqual(await other.planCodes(), ['CU791']));
    await eventually(async () => assert.equal(await other.total('Credits'), '4 of 28 minimum'));

    await other.add('CU792');
    await other.renamePlan('Shared');
    await eventually(async () => assert.deepEqual(await planner.planCodes(), ['CU791', 'CU792']));
    await eventually(async () => assert.deepEqual(await planner.planNames(), ['Shared']));

    await planner.chooseQualification('highfield-l2-nvq-customer-service');
    await eventually(async () => assert.equal(await other.qualification(), 'highfield-l2-nvq-customer-service'));
    await eventually(async () => assert.deepEqual(await other.planCodes(), []));
    assert.equal(await other.verdict(), await planner.verdict());
    assert.equal(await planner.storageItem(STORAGE_KEY), await other.storageItem(STORAGE_KEY));
  }),
);

test(
  'two tabs can keep different plans open side by side',
  {},
  app(async (planner) => {
    await planner.open();
    await planner.chooseQualification('edi-l2-nvq-customer-service');
    await planner.add('CU791');
    await planner.newPlan();
    await planner.add('CU792');
    const other = await planner.newTab();
    await other.switchPlan('My plan');
    await eventually(async () => assert.deepEqual(await other.planCodes(), ['CU791']));
    await other.add('CU795');
    // Give the first tab time to hear of the change, then look.
    await eventually(async () => {
      const saved = await planner.saved();
      assert.deepEqual(saved.plans[0].units, ['CU791', 'CU795']);
    });
    await planner.page.waitForTimeout(200);
    assert.equal(await planner.currentPlanName(), 'Plan', 'the first tab still shows its own plan');
    assert.deepEqual(await planner.planCodes(), ['CU792']);
  }),
);
