// Building a plan (dragging, buttons, keyboard only) and checking it: totals, every rule and the
// verdict agree with the `qualplan check --json` command line for the same plan.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  assertScreenMatches,
  cliAvailable,
  cliCheck,
  cliComplete,
  cliProgress,
  cliRules,
  cliUnits,
  eventually,
  expectedVerdict,
  figure,
  fixturePlan,
  fixturePlans,
  harness,
  workspace,
} from './support/planner.mjs';

const app = harness();
const needsCli = { skip: !cliAvailable && 'the qualplan command line is not built (target/debug/qualplan)' };

// --- adding, removing, moving ---------------------------------------------------------------

test(
  'a unit dragged into the plan is planned, and dragged out again is removed',
  app(async (planner) => {
    await planner.open();
    await planner.chooseQualification('edi-l2-nvq-customer-service');
    await planner.dragToPlan('CU791');
    await eventually(async () => assert.deepEqual(await planner.planCodes(), ['CU791']));
    await planner.dragToPlan('CU795');
    await eventually(async () => assert.deepEqual(await planner.planCodes(), ['CU791', 'CU795']));
    assert.equal(await planner.total('Credits'), '9 of 28 minimum');

    // Dragging a unit that is already planned changes nothing.
    await planner.dragToPlan('CU791');
    await eventually(async () => assert.deepEqual(await planner.planCodes(), ['CU791', 'CU795']));

    await planner.dragOutOfPlan('CU791');
    await eventually(async () => assert.deepEqual(await planner.planCodes(), ['CU795']));
    assert.equal(await planner.total('Credits'), '5 of 28 minimum');
    assert.equal(await planner.addButton('CU791').isEnabled(), true, 'CU791 can be added again');
  }),
);

test(
  'Add and Remove buttons plan and unplan a unit; a planned unit is marked and cannot be added twice',
  app(async (planner) => {
    await planner.open();
    await planner.chooseQualification('edi-l2-nvq-customer-service');
    await planner.add('CU792');
    await planner.add('CU815');
    assert.deepEqual(await planner.planCodes(), ['CU792', 'CU815']);
    assert.equal(await planner.unitCount(), '2 units planned');
    assert.equal(await planner.addButton('CU792').isDisabled(), true, 'Add CU792 is disabled once planned');
    assert.match(await planner.availableUnit('CU792').innerText(), /In your plan/);
    assert.doesNotMatch(await planner.availableUnit('CU793').innerText(), /In your plan/);
    // The planned entry shows the unit's code, title and figures.
    const entry = await planner.plannedUnit('CU815').innerText();
    assert.match(entry, /CU815/);
    assert.match(entry, /Resolve customer service problems/);
    assert.match(entry, /Level 2/);
    assert.match(entry, /6 credits/);

    await planner.remove('CU792');
    assert.deepEqual(await planner.planCodes(), ['CU815']);
    assert.equal(await planner.addButton('CU792').isEnabled(), true);
    assert.doesNotMatch(await planner.availableUnit('CU792').innerText(), /In your plan/);
    await planner.remove('CU815');
    assert.deepEqual(await planner.planCodes(), []);
    assert.equal(await planner.unitCount(), '0 units planned');
  }),
);

test(
  'keyboard only: Tab to a unit\u2019s Add button and press Enter or Space; remove and move the same way',
  app(async (planner) => {
    const { page } = planner;
    await planner.open();
    await planner.chooseQualification('edi-l2-nvq-customer-service');
    await page.locator('body').focus();

    // Tab to the text filter, type to narrow the list, Tab on to the unit's Add button.
    await planner.tabTo('Filter units', { max: 20 });
    await page.keyboard.type('CU795');
    await planner.tabTo('Add CU795', { max: 3 });
    await page.keyboard.press('Enter');
    await eventually(async () => assert.deepEqual(await planner.planCodes(), ['CU795']));

    // Back to the filter (Shift+Tab), another unit, added with Space.
    await planner.tabTo('Filter units', { max: 10, backwards: true });
    await page.keyboard.press('Control+A');
    await page.keyboard.type('CU791');
    await planner.tabTo('Add CU791', { max: 3 });
    await page.keyboard.press('Space');
    await eventually(async () => assert.deepEqual(await planner.planCodes(), ['CU795', 'CU791']));

    await planner.tabTo('Filter units', { max: 10, backwards: true });
    await page.keyboard.press('Control+A');
    await page.keyboard.type('CU810');
    await planner.tabTo('Add CU810', { max: 3 });
    await page.keyboard.press('Enter');
    await eventually(async () => assert.deepEqual(await planner.planCodes(), ['CU795', 'CU791', 'CU810']));

    // Move CU791 up: Tab on into the plan to its Move up button.
    await planner.tabTo('Filter units', { max: 10, backwards: true });
    await planner.tabTo('Move CU791 up', { max: 20 });
    await page.keyboard.press('Enter');
    await eventually(async () => assert.deepEqual(await planner.planCodes(), ['CU791', 'CU795', 'CU810']));

    await planner.tabTo('Filter units', { max: 20, backwards: true });
    await planner.tabTo('Move CU795 down', { max: 20 });
    await page.keyboard.press('Space');
    await eventually(async () => assert.deepEqual(await planner.planCodes(), ['CU791', 'CU810', 'CU795']));

    await planner.tabTo('Filter units', { max: 20, backwards: true });
    await planner.tabTo('Remove CU810', { max: 20 });
    await page.keyboard.press('Enter');
    await eventually(async () => assert.deepEqual(await planner.planCodes(), ['CU791', 'CU795']));
    assert.equal(await planner.total('Credits'), '9 of 28 minimum');
  }),
);

test(
  'moving a unit with the keyboard keeps focus on its Move button, so it can be moved again',
  app(async (planner) => {
    const { page } = planner;
    await planner.open();
    await planner.chooseQualification('edi-l2-nvq-customer-service');
    await planner.addAll(['CU791', 'CU792', 'CU795']);
    await planner.moveButton('CU795', 'up').focus();
    await page.keyboard.press('Enter');
    await eventually(async () => assert.deepEqual(await planner.planCodes(), ['CU791', 'CU795', 'CU792']));
    await eventually(async () => assert.equal(await planner.focusedName(), 'Move CU795 up', 'focus stays on the moved unit'), 2000);
    await page.keyboard.press('Enter');
    await eventually(async () => assert.deepEqual(await planner.planCodes(), ['CU795', 'CU791', 'CU792']));
  }),
);

test(
  'Move up on the first unit and Move down on the last are disabled; the others move',
  app(async (planner) => {
    await planner.open();
    await planner.chooseQualification('edi-l2-nvq-customer-service');
    await planner.addAll(['CU791', 'CU792']);
    const button = (name) => planner.planRegion.getByRole('button', { name, exact: true });
    assert.equal(await button('Move CU791 up').isDisabled(), true);
    assert.equal(await button('Move CU792 down').isDisabled(), true);
    assert.equal(await button('Move CU791 down').isDisabled(), false);
    assert.deepEqual(await planner.planCodes(), ['CU791', 'CU792']);
    await planner.moveDown('CU791');
    await eventually(async () => assert.deepEqual(await planner.planCodes(), ['CU792', 'CU791']));
  }),
);

// --- totals -------------------------------------------------------------------------------------

test(
  'the totals follow every change and match the command line\u2019s totals',
  needsCli,
  app(async (planner) => {
    await planner.open();
    await planner.chooseQualification('highfield-l2-nvq-customer-service');
    assert.equal(await planner.total('Credits'), '0 of 28 minimum');
    assert.equal(await planner.total('GLH'), '0 of 192 published');
    assert.equal(await planner.total('TQT'), '0 of 280 published (10 hours a credit)');
    const units = ['F/601/1609', 'L/601/1614', 'R/601/1209', 'H/601/1571'];
    for (let i = 1; i <= units.length; i++) {
      await planner.add(units[i - 1]);
      const check = cliCheck('highfield-l2-nvq-customer-service', units.slice(0, i));
      assert.equal(await planner.total('Credits'), `${check.totals.credits} of 28 minimum`);
      assert.equal(await planner.total('GLH'), `${check.totals.glh} of 192 published`);
      assert.equal(await planner.total('TQT'), `${check.totals.tqt} of 280 published (10 hours a credit)`);
      assert.equal(check.totals.tqt, 10 * check.totals.credits, 'TQT is 10 hours a credit');
      const meter = await planner.meterValues('Credits');
      assert.equal(meter.value, check.totals.credits);
      assert.equal(meter.min, 0);
      assert.ok(meter.max >= 28, `the meter reaches the minimum: ${meter.max}`);
      assert.equal((await planner.meterValues('GLH')).value, check.totals.glh);
      assert.equal((await planner.meterValues('TQT')).value, check.totals.tqt);
    }
    await planner.remove('R/601/1209');
    const check = cliCheck('highfield-l2-nvq-customer-service', ['F/601/1609', 'L/601/1614', 'H/601/1571']);
    assert.equal(figure(await planner.total('Credits')), check.totals.credits);
  }),
);

test(
  'a total past its published figure says by how much, and its meter leaves the optimum past GLH and TQT but not past a minimum',
  needsCli,
  app(async (planner) => {
    await planner.open();
    await planner.chooseQualification('cg-4411-30'); // 6 credits minimum, 51 GLH, TQT 60
    // The HTML meter's region: between low and high is optimum here (the optimum lies there).
    const region = (m) => (m.value < m.low ? 'under' : m.value > m.high ? 'over' : 'optimum');
    await planner.addAll(['002', '001']);
    assert.equal(await planner.total('GLH'), '35 of 51 published');
    assert.equal(region(await planner.meterValues('GLH')), 'under');
    // 53 GLH: 2 past the published 51, while the credits and TQT reach theirs exactly.
    await planner.add('004');
    assert.deepEqual(cliCheck('cg-4411-30', ['002', '001', '004']).totals.glh, 53);
    assert.equal(await planner.total('Credits'), '6 of 6 minimum');
    assert.equal(await planner.total('GLH'), '53: 2 more than the 51 published');
    assert.equal(await planner.total('TQT'), '60 of 60 published (10 hours a credit)');
    const glh = await planner.meterValues('GLH');
    assert.deepEqual([glh.value, glh.low, glh.high, glh.optimum, glh.max], [53, 50.5, 51.5, 51, 53]);
    assert.equal(region(glh), 'over');
    // A screen reader meets the words with the meter, in the group named for the total.
    const tree = await planner.page.getByRole('group', { name: 'GLH', exact: true }).ariaSnapshot();
    assert.match(tree, /- meter "GLH"/);
    assert.match(tree, /53: 2 more than the 51 published/);
    assert.equal(region(await planner.meterValues('TQT')), 'optimum');
    assert.equal(region(await planner.meterValues('Credits')), 'optimum');
    // Past the minimum credits by one: worded, and still the optimum (a minimum has no ceiling).
    await planner.add('003');
    assert.equal(await planner.total('Credits'), '9: 3 more than the 6 minimum');
    assert.equal(await planner.total('TQT'), '90: 30 more than the 60 published (10 hours a credit)');
    const credits = await planner.meterValues('Credits');
    assert.equal(credits.high, credits.max, 'no ceiling on a minimum');
    assert.equal(region(credits), 'optimum');
    assert.equal(region(await planner.meterValues('TQT')), 'over');
  }),
);

test(
  'where the document prints no credits or GLH, the totals say "not published", never 0',
  needsCli,
  app(async (planner) => {
    await planner.open();
    await planner.chooseQualification('cg-l3-nsvq-customer-service');
    await planner.addAll(['301', '302']);
    const check = cliCheck('cg-l3-nsvq-customer-service', ['301', '302']);
    assert.equal(check.totals.credits, null);
    assert.match(await planner.total('Credits'), /^not published/);
    assert.match(await planner.total('GLH'), /^not published/);
    // No TQT is published, so the third total is the plan's notional hours, labelled as such.
    assert.match(await planner.total('Notional hours'), /^not published/);
    assert.equal(await planner.totalGroup('TQT').count(), 0, 'no TQT against nothing');
  }),
);

// --- every document with rules: compliant, one unit short, one credit short -------------------

// Plans from tests/fixtures/plans-*.json. `unmet`: the ids of the rules (and parts) the plan
// fails, each with the shape of its shortfall ("1 more credit ...", "add 302"; null where the
// screen shows the shortfall on the rule's parts instead).
const ONE_CREDIT = /^1 more credit\b/;
const ONE_UNIT = /^1 more unit\b/;
const CASES = [
  {
    doc: '001',
    qualification: 'edi-l2-nvq-customer-service',
    compliant: ['CU791', 'CU792', 'CU795', 'CU810', 'CU815', 'CU826'],
    short: [
      {
        what: 'one credit short',
        units: ['CU791', 'CU792', 'CU795', 'CU810', 'CU813', 'CU826'],
        unmet: { 'total-credits': ONE_CREDIT, 'optional-credits': ONE_CREDIT },
      },
      {
        what: 'one unit short (no unit from Group B)',
        units: ['CU791', 'CU792', 'CU806', 'CU810', 'CU815', 'CU826'],
        unmet: { 'one-from-each-optional-group': null, 'optional-b': ONE_UNIT },
      },
    ],
  },
  {
    doc: '002',
    qualification: 'cg-l3-nsvq-customer-service',
    compliant: ['301', '302', '303', '304', '305', '308', '311', '312'],
    short: [
      {
        what: 'one optional unit short',
        units: ['301', '302', '303', '305', '308', '311', '312'],
        unmet: { 'optional-units': ONE_UNIT },
      },
      {
        what: 'one mandatory unit short',
        units: ['301', '303', '305', '308', '311', '312', '313'],
        unmet: { mandatory: /^add 302$/ },
      },
    ],
  },
  {
    doc: '003',
    qualification: 'cg-4411-30',
    compliant: ['002', '001', '010'],
    short: [
      {
        what: 'one credit short',
        units: ['002', '003'],
        unmet: { total: ONE_CREDIT, 'entry3-min': ONE_CREDIT, further: ONE_CREDIT },
      },
      {
        what: 'one unit short (mandatory 002 missing)',
        units: ['001', '003', '010'],
        unmet: { mandatory: /^add 002$/ },
      },
    ],
  },
  {
    doc: '004',
    qualification: 'highfield-l2-nvq-customer-service',
    compliant: ['F/601/1609', 'L/601/1614', 'F/601/1223', 'A/601/1205', 'M/601/1508', 'A/601/1530'],
    short: [
      {
        what: 'one credit short',
        units: ['F/601/1609', 'L/601/1614', 'F/601/1223', 'A/601/1205', 'T/601/1509', 'A/601/1530'],
        unmet: { 'optional-credits': ONE_CREDIT },
      },
      {
        what: 'one unit short (no unit from Group A)',
        units: ['F/601/1609', 'L/601/1614', 'A/601/1205', 'J/601/1210', 'M/601/1508', 'A/601/1530'],
        unmet: { 'group-a': ONE_UNIT },
      },
    ],
  },
];

for (const c of CASES) {
  test(
    `document ${c.doc} (${c.qualification}): a compliant plan meets every rule, as the command line says`,
    needsCli,
    app(async (planner) => {
      assert.equal(fixturePlan(c.qualification, c.compliant).compliant, true);
      await planner.open();
      await planner.chooseQualification(c.qualification);
      await planner.addAll(c.compliant);
      const check = cliCheck(c.qualification, c.compliant);
      assert.equal(check.compliant, true);
      await assertScreenMatches(planner, check);
      assert.equal(await planner.verdict(), '\u2713 This plan meets every rule of combination.');
      const rules = await planner.rules();
      assert.ok(rules.length > 0);
      for (const r of rules) assert.equal(r.status, 'met', `rule "${r.label}" met`);
    }),
  );

  for (const s of c.short) {
    test(
      `document ${c.doc} (${c.qualification}): a plan ${s.what} shows the rule not met and its shortfall`,
      needsCli,
      app(async (planner) => {
        assert.equal(fixturePlan(c.qualification, s.units).compliant, false);
        await planner.open();
        await planner.chooseQualification(c.qualification);
        await planner.addAll(s.units);
        const check = cliCheck(c.qualification, s.units);
        await assertScreenMatches(planner, check);
        assert.match(await planner.verdict(), /^\u2717 Not yet: /);
        const expected = cliRules(check, { withIds: true });
        assert.deepEqual(
          expected.filter((r) => r.status !== 'met').map((r) => r.id).sort(),
          Object.keys(s.unmet).sort(),
          'the command line fails exactly the expected rules',
        );
        for (const r of expected) {
          const status = await planner.ruleStatus(r.label);
          const shortfall = await planner.ruleShortfall(r.label);
          if (r.id in s.unmet) {
            assert.equal(status, 'unmet', `rule "${r.label}" not met`);
            if (s.unmet[r.id] === null) assert.equal(shortfall, null, `"${r.label}" shows its shortfall on its parts`);
            else assert.match(shortfall ?? '', s.unmet[r.id], `shortfall of "${r.label}"`);
          } else {
            assert.equal(status, 'met', `rule "${r.label}" met`);
            assert.equal(shortfall, null, `rule "${r.label}" shows no shortfall`);
          }
        }
      }),
    );
  }
}

test(
  'every fixture plan: the screen shows what the command line says of it',
  needsCli,
  app(async (planner) => {
    const plans = fixturePlans().map((p) => ({ ...p, name: `Fixture ${p.doc}/${p.index + 1}` }));
    assert.ok(plans.length > 50, `fixture plans: ${plans.length}`);
    const checks = plans.map((p) => cliCheck(p.qualification, p.units, p.readings));
    await planner.open({ seed: workspace(plans) });
    assert.deepEqual(await planner.alerts(), [], 'every fixture plan is readable');
    assert.equal((await planner.planNames()).length, plans.length);
    const disagreements = [];
    for (const [i, p] of plans.entries()) {
      await planner.switchPlan(p.name);
      await eventually(async () => assert.deepEqual(await planner.planCodes(), p.units));
      assert.equal(await planner.qualification(), p.qualification);
      await assertScreenMatches(planner, checks[i], `${p.name}: ${p.qualification} ${p.units.join(' ')} ${JSON.stringify(p.readings)}`);
      if (checks[i].compliant !== p.compliant) disagreements.push(`${p.name}: expected compliant=${p.compliant}: ${p.why}`);
    }
    assert.deepEqual(disagreements, [], 'the engine agrees with every fixture\u2019s expected verdict');
  }, { timeout: 20_000 }),
);

// --- readings -----------------------------------------------------------------------------------

// Fixture plans whose verdict under a non-default reading differs from the default.
const READINGS = [
  { qualification: 'edi-l2-nvq-customer-service', units: ['CU791', 'CU792', 'CU818', 'CU821', 'CU756', 'CU826'], readings: { 'level-2-credits': 'level-2-or-above' } },
  { qualification: 'cg-l3-nsvq-customer-service', units: ['301', '302', '303', '304', '305', '306', '308', '311', '312'], readings: { 'optional-units': 'minimum' } },
  { qualification: 'cg-4411-30', units: ['002', '001', '104', '106'], readings: { 'entry3-min': 'inclusive' } },
];

for (const r of READINGS) {
  test(
    `switching the reading of a rule changes the verdict (${r.qualification}, ${Object.entries(r.readings)[0].join(' = ')})`,
    needsCli,
    app(async (planner) => {
      const fixture = fixturePlan(r.qualification, r.units, r.readings);
      const [ruleId, readingId] = Object.entries(r.readings)[0];
      const byDefault = cliCheck(r.qualification, r.units);
      const other = cliCheck(r.qualification, r.units, r.readings);
      assert.notEqual(byDefault.compliant, other.compliant, 'the two readings give different verdicts');
      assert.equal(other.compliant, fixture.compliant);
      const rule = byDefault.rules.find((x) => x.id === ruleId);
      const defaultLabel = rule.readings.find((x) => x.id === rule.reading).label;
      const otherLabel = rule.readings.find((x) => x.id === readingId).label;

      await planner.open();
      await planner.chooseQualification(r.qualification);
      await planner.addAll(r.units);
      await assertScreenMatches(planner, byDefault, 'default reading');
      assert.equal(await planner.reading(rule.label, defaultLabel).isChecked(), true);
      assert.match(await planner.rule(rule.label).innerText(), new RegExp(`Reading in force: ${escape(defaultLabel)}`));

      await planner.chooseReading(rule.label, otherLabel);
      await eventually(async () => assert.equal(await planner.verdict(), expectedVerdict(other)));
      await assertScreenMatches(planner, other, `reading ${readingId}`);
      assert.equal(await planner.reading(rule.label, defaultLabel).isChecked(), false);
      assert.match(await planner.rule(rule.label).innerText(), new RegExp(`Reading in force: ${escape(otherLabel)}`));
      assert.deepEqual((await planner.saved()).plans[0].readings, r.readings, 'the reading is saved with the plan');

      await planner.chooseReading(rule.label, defaultLabel);
      await assertScreenMatches(planner, byDefault, 'back to the default reading');
      assert.deepEqual((await planner.saved()).plans[0].readings, {}, 'the default reading is saved as no entry');
    }),
  );
}

function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// --- other marks --------------------------------------------------------------------------------

test(
  'a unit barred by a planned unit is marked with the reason, and planning both breaks the rule',
  needsCli,
  app(async (planner) => {
    await planner.open();
    await planner.chooseQualification('cg-4411-30');
    await planner.addAll(['002', '001', '010']);
    assert.match(await planner.availableUnit('101').innerText(), /Barred: cannot be taken with 001/);
    assert.doesNotMatch(await planner.availableUnit('103').innerText(), /Barred/);
    await planner.add('101');
    const check = cliCheck('cg-4411-30', ['002', '001', '010', '101']);
    await assertScreenMatches(planner, check);
    const excluded = check.rules.find((r) => r.id === 'excl-001-101');
    assert.equal(excluded.met, false);
    assert.equal(await planner.ruleStatus(excluded.label), 'unmet');
    // Planned together, both are marked where they are listed, the unit just added says so where
    // it was pressed and to a screen reader, and taking one out is the first thing the plan needs.
    for (const [unit, other] of [['001', '101'], ['101', '001']]) {
      assert.match(await planner.plannedUnit(unit).innerText(), new RegExp(`Cannot be taken with ${other}: take one of them out`));
      assert.match(await planner.plannedUnit(unit).getAttribute('class'), /\bclash\b/);
    }
    assert.doesNotMatch(await planner.plannedUnit('002').innerText(), /Cannot be taken/);
    assert.match(await planner.availableUnit('101').innerText(), /In your plan[\s\S]*Cannot be taken with 001: take one of them out/);
    // Past the minimum the credits read "8 credits (6 needed)", not "8 of 6".
    assert.ok(check.totals.credits > 6);
    await eventually(async () =>
      assert.equal((await planner.changeStatus.textContent()).trim(), `Added 101: ${check.totals.credits} credits (6 needed). Cannot be taken with 001: take one of them out.`),
    );
    const firstMissing = planner.planRegion.locator('.missing li').first();
    assert.equal((await firstMissing.innerText()).trim(), `${excluded.label}: remove one of 001 / 101`);
    // Taken back out, each mark and rule follows: the rule is met again, and with 001 gone
    // nothing bars 101.
    await planner.remove('101');
    await assertScreenMatches(planner, cliCheck('cg-4411-30', ['002', '001', '010']), 'after removing 101');
    assert.equal(await planner.ruleStatus(excluded.label), 'met');
    assert.match(await planner.availableUnit('101').innerText(), /Barred: cannot be taken with 001/);
    assert.doesNotMatch(await planner.plannedUnit('001').innerText(), /Cannot be taken/);
    assert.equal(await planner.planRegion.locator('.missing li', { hasText: 'remove one of' }).count(), 0);
    await planner.remove('001');
    assert.doesNotMatch(await planner.availableUnit('101').innerText(), /Barred/);
  }),
);

test(
  'switching to another qualification keeps the units it shares and says which were removed',
  app(async (planner) => {
    await planner.open();
    await planner.chooseQualification('cg-4411-30');
    await planner.addAll(['002', '001', '010']);
    // The Entry 3 Certificate is printed in the same document, with the same units.
    await planner.chooseQualification('cg-4411-33');
    assert.deepEqual(await planner.planCodes(), ['002', '001', '010']);
    assert.deepEqual(await planner.alerts(), [], 'nothing removed, nothing to say');
    await planner.chooseQualification('highfield-l2-nvq-customer-service');
    assert.deepEqual(await planner.planCodes(), []);
    const alerts = await planner.alerts();
    assert.equal(alerts.length, 1, alerts.join(' | '));
    assert.match(
      alerts[0],
      /^Removed from the plan because Highfield .*: 002, 001, 010\. They are kept until the plan changes: choose City & Guilds .* again to put them back\.$/,
    );
    await planner.dismissAlerts();
    assert.deepEqual(await planner.alerts(), []);
  }),
);

test(
  'a qualification whose document publishes no rules says so and never shows a compliant verdict',
  needsCli,
  app(async (planner) => {
    await planner.open();
    await planner.chooseQualification('cg-7593-l1-award');
    const says = /Rules of combination not published in this document/;
    assert.match(await planner.page.getByRole('note').innerText(), says);
    assert.match(await planner.rulesRegion.innerText(), /Not published in this document/);
    assert.equal(await planner.rulesList.count(), 0, 'no list of rules');
    const noRules = 'The document publishes no rules of combination for this qualification, so the plan cannot be checked.';
    assert.equal(await planner.verdict(), noRules);
    assert.match(await planner.total('Credits'), /^0 \(no minimum published\)$/);
    for (const code of ['110', '217', '316', '320']) {
      await planner.add(code);
      assert.equal(await planner.verdict(), noRules);
      assert.doesNotMatch(await planner.visibleVerdict(), /meets every rule/);
    }
    const check = cliCheck('cg-7593-l1-award', ['110', '217', '316', '320']);
    assert.equal(check.compliant, null);
    await assertScreenMatches(planner, check);
  }),
);

// --- other qualifications and completions ---------------------------------------------------

test(
  'other qualifications: how far the plan\u2019s units go towards each, as `qualplan progress` says; one opens as a new plan',
  needsCli,
  app(async (planner) => {
    await planner.open();
    await planner.chooseQualification('edi-l2-nvq-customer-service');
    assert.deepEqual(await planner.otherQualifications(), [], 'nothing planned, nothing listed');
    const codes = ['CU791', 'CU792', 'CU795'];
    await planner.addAll(codes);
    const ids = cliUnits('edi-l2-nvq-customer-service').filter((u) => codes.includes(u.code)).map((u) => u.id);
    const progress = cliProgress(ids).qualifications.filter(
      (q) => q.qualification !== 'edi-l2-nvq-customer-service' && q.carried.length > 0,
    );
    assert.deepEqual(await planner.otherQualifications(), progress.map((q) => q.title));
    const highfield = progress.find((q) => q.qualification === 'highfield-l2-nvq-customer-service');
    assert.ok(highfield, 'the Highfield NVQ shares units with the EDI NVQ');
    const n = highfield.carried.length;
    assert.match(
      await planner.progressTowards(highfield.title),
      new RegExp(`^${n} units? counts? \u2022 ${highfield.totals.credits} of ${highfield.min_credits} credits \u2022 ${highfield.rules_met} of ${highfield.rules_total} rules met$`),
    );

    await planner.openAsNewPlan(highfield.title);
    await eventually(async () => assert.equal(await planner.qualification(), 'highfield-l2-nvq-customer-service'));
    assert.deepEqual(await planner.planCodes(), highfield.carried.map((c) => c.counts_as));
    assert.equal((await planner.planNames()).length, 2, 'a new plan, the first kept');
    await planner.switchPlan('My plan');
    await eventually(async () => assert.deepEqual(await planner.planCodes(), codes));
  }),
);

test(
  'other qualifications: a row the user opened stays open, and stays with its qualification when the order changes',
  app(async (planner) => {
    await planner.open();
    await planner.chooseQualification('cg-7593-l2-award');
    const edi = 'EDI Level 2 NVQ Certificate in Customer Service';
    const highfield = 'Highfield Level 2 NVQ Certificate in Customer Service (RQF)';
    const row = (title) => planner.otherQualificationsRegion.getByRole('heading', { name: title, exact: true }).locator('xpath=ancestor::li[1]');
    const isOpen = async (title) => (await row(title).locator('details').getAttribute('open')) !== null;
    // 217 alone: the two NVQs tie, so the EDI NVQ comes first (catalogue order).
    await planner.add('217');
    await eventually(async () => assert.deepEqual((await planner.otherQualifications()).slice(0, 2), [edi, highfield]));
    await row(edi).getByText('Which units carry over, and what is missing').click();
    assert.ok(await isOpen(edi));
    // With 110 as well the Highfield NVQ meets a rule and moves first; the EDI row's figures change.
    await planner.add('110');
    await eventually(async () => assert.deepEqual((await planner.otherQualifications()).slice(0, 2), [highfield, edi]));
    await eventually(async () => assert.match(await planner.progressTowards(edi), /^2 units count \u2022 9 of 28 credits/));
    assert.ok(await isOpen(edi), 'the opened row is still open');
    assert.ok(!(await isOpen(highfield)), 'and the row now above it is not');
    assert.equal(await row(edi).locator('details > ul').first().getByRole('listitem').count(), 2);
  }),
);

test(
  'other qualifications: with more than 20, the closest 20 are listed and the rest on request',
  app(async (planner) => {
    // The README's worked example, its qualification copied 25 times: a unit of one counts in the 24 others.
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const doc = JSON.parse(readme.split('<!-- worked-example:start -->')[1].split('```json')[1].split('```')[0]);
    const [q] = doc.qualifications;
    doc.qualifications = Array.from({ length: 25 }, (_, i) => ({ ...q, id: `${q.id}-${i}`, title: `${q.title} (copy ${i})` }));
    await planner.open();
    await planner.page.getByText('Your own qualifications').click();
    await planner.page.getByLabel('Load a catalogue file').setInputFiles({ name: 'copies.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    await planner.chooseQualification(`${q.id}-0`);
    const [code] = await planner.availableCodes();
    await planner.add(code);
    await eventually(async () => assert.equal((await planner.otherQualifications()).length, 20));
    const more = planner.otherQualificationsRegion.getByText('Showing the 20 closest; 4 more not shown.');
    await more.waitFor();
    await planner.otherQualificationsRegion.getByRole('button', { name: 'Show them all', exact: true }).click();
    await eventually(async () => assert.equal((await planner.otherQualifications()).length, 24));
    assert.equal(await more.count(), 0);
  }),
);

test(
  'the cheapest completion is the command line\u2019s, and adding it makes the plan meet every rule',
  needsCli,
  app(async (planner) => {
    await planner.open();
    await planner.chooseQualification('highfield-l2-nvq-customer-service');
    const codes = ['F/601/1609', 'L/601/1614', 'R/601/1209'];
    await planner.addAll(codes);
    const cli = cliComplete('highfield-l2-nvq-customer-service', codes, 'credits');
    assert.equal(cli.status, 'found');
    const shown = (await planner.findCompletions('credits')).map((text) => {
      const m = text.match(/^add (.+) \((\d+) credits\)$/);
      assert.ok(m, text);
      return { add: m[1].split(', '), cost: Number(m[2]) };
    });
    // The same costs, cheapest first (equally cheap options may come in another order).
    assert.deepEqual(
      shown.map((o) => o.cost),
      cli.options.map((o) => o.cost),
    );
    for (const o of shown) {
      const check = cliCheck('highfield-l2-nvq-customer-service', [...codes, ...o.add]);
      assert.equal(check.compliant, true, `adding ${o.add.join(' ')} completes the plan`);
      const base = cliCheck('highfield-l2-nvq-customer-service', codes).totals.credits;
      assert.equal(check.totals.credits - base, o.cost, `adding ${o.add.join(' ')} costs ${o.cost} credits`);
    }
    await planner.addCompletion(1);
    const done = [...codes, ...shown[0].add];
    await eventually(async () => assert.deepEqual(await planner.planCodes(), done));
    await assertScreenMatches(planner, cliCheck('highfield-l2-nvq-customer-service', done));
    assert.equal(await planner.verdict(), '\u2713 This plan meets every rule of combination.');
  }),
);

test(
  'arrowing through the qualification list and back loses no unit: each step says what came out and how to put it back',
  app(async (planner) => {
    await planner.open();
    await planner.chooseQualification('edi-l2-nvq-customer-service');
    const codes = ['CU791', 'CU792', 'CU795'];
    await planner.addAll(codes);
    await planner.qualificationSelect.focus();
    // A closed list steps one qualification per arrow key, and each step is a change: two steps
    // up (City & Guilds qualifications come before EDI's), then two back down.
    const seen = ['edi-l2-nvq-customer-service'];
    for (const step of [1, 2]) {
      await planner.page.keyboard.press('ArrowUp');
      await eventually(async () => assert.ok(!seen.includes(await planner.qualification()), `step ${step} moved`));
      seen.push(await planner.qualification());
      await eventually(async () => assert.deepEqual(await planner.planCodes(), []));
    }
    await eventually(async () => {
      const problems = await planner.problems();
      assert.equal(problems.length, 1, 'one message for the run, not one per step');
      assert.match(problems[0], /does not offer them: CU791, CU792, CU795\. They are kept until the plan changes: choose EDI Level 2 NVQ Certificate in Customer Service again to put them back\./);
    });
    await planner.page.keyboard.press('ArrowDown');
    await eventually(async () => assert.equal(await planner.qualification(), seen[1]));
    await planner.page.keyboard.press('ArrowDown');
    await eventually(async () => assert.deepEqual(await planner.planCodes(), codes));
    assert.equal(await planner.qualification(), 'edi-l2-nvq-customer-service');
    assert.deepEqual(await planner.problems(), [], 'the removal message is taken down');
    assert.deepEqual(await planner.alerts(), ['Put back CU791, CU792, CU795 on EDI Level 2 NVQ Certificate in Customer Service, with the plan as it was.']);
    assert.equal(await planner.page.evaluate(() => document.activeElement?.id), 'qualification', 'focus stays on the list');
  }),
);
