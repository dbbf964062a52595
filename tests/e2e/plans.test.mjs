// Named plans: new, rename, duplicate, delete and switch, each plan with its own qualification,
// units and readings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventually, harness } from './support/planner.mjs';

const app = harness();

test(
  'a new plan starts empty on the same qualification, and can be renamed and switched back and forth',
  app(async (planner) => {
    await planner.open();
    await planner.chooseQualification('edi-l2-nvq-customer-service');
    await planner.add('CU791');

    await planner.newPlan();
    await eventually(async () => assert.deepEqual(await planner.planNames(), ['My plan', 'Plan']));
    assert.equal(await planner.currentPlanName(), 'Plan');
    assert.deepEqual(await planner.planCodes(), []);
    assert.equal(await planner.qualification(), 'edi-l2-nvq-customer-service');
    await planner.add('CU792');

    await planner.renamePlan('Evening class');
    await eventually(async () => assert.deepEqual(await planner.planNames(), ['My plan', 'Evening class']));
    assert.equal(await planner.currentPlanName(), 'Evening class');
    assert.equal(await planner.page.getByRole('textbox', { name: 'New name' }).count(), 0, 'the name box closes once saved');

    await planner.switchPlan('My plan');
    await eventually(async () => assert.deepEqual(await planner.planCodes(), ['CU791']));
    assert.equal(await planner.currentPlanName(), 'My plan');
    await planner.switchPlan('Evening class');
    await eventually(async () => assert.deepEqual(await planner.planCodes(), ['CU792']));

    // A second new plan gets a name not yet used.
    await planner.newPlan();
    await eventually(async () => assert.deepEqual(await planner.planNames(), ['My plan', 'Evening class', 'Plan']));
    await planner.newPlan();
    await eventually(async () => assert.deepEqual(await planner.planNames(), ['My plan', 'Evening class', 'Plan', 'Plan 2']));
    assert.equal(await planner.currentPlanName(), 'Plan 2');
  }),
);

test(
  'a plan with a long name stays inside its card on a laptop and a phone',
  app(async (planner) => {
    await planner.open();
    const name = 'City & Guilds Entry 3 Award for Introduction to Customer Service (4411-30), for the Tuesday evening class';
    await planner.renamePlan(name);
    await eventually(async () => assert.equal(await planner.currentPlanName(), name));
    for (const viewport of [{ width: 1366, height: 900 }, { width: 390, height: 844 }]) {
      await planner.page.setViewportSize(viewport);
      const [select, card] = await Promise.all([planner.planSelect.boundingBox(), planner.page.locator('.plans-bar').boundingBox()]);
      assert.ok(select.x + select.width <= card.x + card.width + 1, `at ${viewport.width}: the plan list ends at ${select.x + select.width}, its bar at ${card.x + card.width}`);
      assert.ok(select.x + select.width <= viewport.width, `at ${viewport.width}: the plan list runs off the screen`);
    }
  }),
);

test(
  'renaming with Enter in the name box works, and an empty name is refused',
  app(async (planner) => {
    await planner.open();
    await planner.page.getByRole('button', { name: 'Rename plan', exact: true }).click();
    const box = planner.page.getByRole('textbox', { name: 'New name' });
    assert.equal(await box.inputValue(), 'My plan', 'the box opens with the current name');
    await box.fill('Saturday group');
    await box.press('Enter');
    await eventually(async () => assert.deepEqual(await planner.planNames(), ['Saturday group']));
    await planner.renamePlan('   ');
    assert.deepEqual(await planner.planNames(), ['Saturday group']);
    // A name is text, never markup.
    await planner.renamePlan('<img src=x onerror="console.error(1)"> & <b>co</b>');
    await eventually(async () =>
      assert.deepEqual(await planner.planNames(), ['<img src=x onerror="console.error(1)"> & <b>co</b>']),
    );
    assert.equal(await planner.page.locator('img').count(), 0);
  }),
);

test(
  'keyboard only: rename types into the name box and comes back to its button; delete asks with focus on the question, then offers Undo, which gives the plan back',
  app(async (planner) => {
    const { page } = planner;
    await planner.open();
    await planner.chooseQualification('edi-l2-nvq-customer-service');
    await planner.add('CU791');
    await page.locator('#plan-select').focus();
    await planner.tabTo('Rename plan');
    await page.keyboard.press('Enter');
    await eventually(async () => assert.equal(await planner.focusedName(), 'New name'));
    // The old name is selected, so typing replaces it; spaces and Enter go to the box, not to a
    // button (which had made three new plans).
    await page.keyboard.type('Aisha retail route');
    await page.keyboard.press('Enter');
    await eventually(async () => assert.deepEqual(await planner.planNames(), ['Aisha retail route']));
    await eventually(async () => assert.equal(await planner.focusedName(), 'Rename plan'));
    // Cancel gives focus back too.
    await page.keyboard.press('Enter');
    await eventually(async () => assert.equal(await planner.focusedName(), 'New name'));
    await planner.tabTo('Cancel');
    await page.keyboard.press('Enter');
    await eventually(async () => assert.equal(await planner.focusedName(), 'Rename plan'));
    assert.equal(await page.getByRole('textbox', { name: 'New name' }).count(), 0);

    // A rename left open closes when another plan is opened, so it cannot rename the wrong one.
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'New plan', exact: true }).click();
    await eventually(async () => assert.equal(await planner.currentPlanName(), 'Plan'));
    assert.equal(await page.getByRole('textbox', { name: 'New name' }).count(), 0, 'the name box closed');

    await planner.switchPlan('Aisha retail route');
    await page.locator('#plan-select').focus();
    await planner.tabTo('Delete plan');
    await page.keyboard.press('Enter');
    const question = page.getByRole('group', { name: 'Confirm delete' }).locator('p');
    await eventually(async () => assert.ok(await question.evaluate((p) => p === document.activeElement), 'the question has focus'));
    // What a screen reader meets: the question, then the two answers.
    assert.equal(
      await page.getByRole('group', { name: 'Confirm delete' }).ariaSnapshot(),
      '- group "Confirm delete":\n  - paragraph: Delete \u201cAisha retail route\u201d and its 1 unit?\n  - button "Delete \u201cAisha retail route\u201d"\n  - button "Cancel"',
    );
    await page.keyboard.press('Tab');
    assert.equal(await planner.focusedName(), 'Delete \u201cAisha retail route\u201d');
    await page.keyboard.press('Enter');
    await eventually(async () => assert.deepEqual(await planner.planNames(), ['Plan']));
    await eventually(async () => assert.equal(await planner.focusedName(), 'Undo'));
    await page.keyboard.press('Enter');
    await eventually(async () => assert.deepEqual(await planner.planNames(), ['Aisha retail route', 'Plan']));
    assert.deepEqual(await planner.planCodes(), ['CU791']);
    await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.id), 'plan-select'));
  }),
);

test(
  'each plan keeps its own qualification, units and readings',
  app(async (planner) => {
    await planner.open();
    await planner.chooseQualification('edi-l2-nvq-customer-service');
    await planner.addAll(['CU791', 'CU818']);
    await planner.chooseReading('Level 2 credits (Groups B-E)', 'Credits from units of level 2 or above');
    await planner.newPlan();
    await planner.chooseQualification('highfield-l2-nvq-customer-service');
    await planner.add('F/601/1609');
    await planner.switchPlan('My plan');
    await eventually(async () => assert.equal(await planner.qualification(), 'edi-l2-nvq-customer-service'));
    assert.deepEqual(await planner.planCodes(), ['CU791', 'CU818']);
    assert.equal(
      await planner.reading('Level 2 credits (Groups B-E)', 'Credits from units of level 2 or above').isChecked(),
      true,
    );
    await planner.switchPlan('Plan');
    await eventually(async () => assert.equal(await planner.qualification(), 'highfield-l2-nvq-customer-service'));
    assert.deepEqual(await planner.planCodes(), ['F/601/1609']);
    assert.equal(await planner.total('Credits'), '4 of 28 minimum');
  }),
);

test(
  'a duplicate is a separate copy: changing it leaves the original alone',
  app(async (planner) => {
    await planner.open();
    await planner.chooseQualification('edi-l2-nvq-customer-service');
    await planner.addAll(['CU791', 'CU792']);
    await planner.duplicatePlan();
    await eventually(async () => assert.deepEqual(await planner.planNames(), ['My plan', 'My plan (copy)']));
    assert.equal(await planner.currentPlanName(), 'My plan (copy)');
    assert.deepEqual(await planner.planCodes(), ['CU791', 'CU792']);
    await planner.remove('CU791');
    await planner.add('CU795');
    assert.deepEqual(await planner.planCodes(), ['CU792', 'CU795']);
    await planner.switchPlan('My plan');
    await eventually(async () => assert.deepEqual(await planner.planCodes(), ['CU791', 'CU792']));
    await planner.duplicatePlan();
    await eventually(async () =>
      assert.deepEqual(await planner.planNames(), ['My plan', 'My plan (copy)', 'My plan (copy) 2']),
    );
  }),
);

test(
  'deleting a plan removes it and opens another; the last plan is emptied, never removed',
  app(async (planner) => {
    await planner.open();
    await planner.chooseQualification('edi-l2-nvq-customer-service');
    await planner.add('CU791');
    await planner.newPlan();
    await planner.add('CU792');
    await planner.renamePlan('Second');
    await eventually(async () => assert.deepEqual(await planner.planNames(), ['My plan', 'Second']));

    await planner.deletePlan();
    await eventually(async () => assert.deepEqual(await planner.planNames(), ['My plan']));
    assert.equal(await planner.currentPlanName(), 'My plan');
    assert.deepEqual(await planner.planCodes(), ['CU791']);

    await planner.deletePlan();
    await eventually(async () => assert.deepEqual(await planner.planCodes(), []));
    assert.deepEqual(await planner.planNames(), ['My plan']);
    assert.equal(await planner.qualification(), 'edi-l2-nvq-customer-service');
  }),
);

test(
  'deleting a plan in the middle of the list opens a neighbour, with its own units',
  app(async (planner) => {
    await planner.open();
    await planner.chooseQualification('edi-l2-nvq-customer-service');
    await planner.add('CU791');
    await planner.newPlan();
    await planner.add('CU792');
    await planner.newPlan();
    await planner.add('CU795');
    await planner.switchPlan('Plan');
    await eventually(async () => assert.deepEqual(await planner.planCodes(), ['CU792']));
    await planner.deletePlan();
    await eventually(async () => assert.deepEqual(await planner.planNames(), ['My plan', 'Plan 2']));
    const open = await planner.currentPlanName();
    assert.ok(['My plan', 'Plan 2'].includes(open), open);
    assert.deepEqual(await planner.planCodes(), open === 'My plan' ? ['CU791'] : ['CU795']);
    const saved = await planner.saved();
    assert.deepEqual(
      saved.plans.map((p) => [p.name, p.units]),
      [
        ['My plan', ['CU791']],
        ['Plan 2', ['CU795']],
      ],
    );
    assert.equal(saved.plans[saved.current].name, open);
  }),
);

test(
  'delete asks first, names the plan, and can be undone; the only plan is emptied only when asked',
  app(async (planner) => {
    await planner.open();
    await planner.chooseQualification('edi-l2-nvq-customer-service');
    await planner.add('CU791');
    await planner.newPlan();
    await planner.add('CU792');
    await planner.page.getByRole('button', { name: 'Delete plan', exact: true }).click();
    const confirm = planner.page.getByRole('group', { name: 'Confirm delete' });
    assert.match(await confirm.innerText(), /Delete \u201cPlan\u201d and its 1 unit\?/);
    await confirm.getByRole('button', { name: 'Cancel', exact: true }).click();
    assert.deepEqual(await planner.planNames(), ['My plan', 'Plan'], 'cancel keeps it');
    await planner.deletePlan();
    await eventually(async () => assert.deepEqual(await planner.planNames(), ['My plan']));
    await planner.undoDelete();
    await eventually(async () => assert.deepEqual(await planner.planNames(), ['My plan', 'Plan']));
    assert.equal(await planner.currentPlanName(), 'Plan');
    assert.deepEqual(await planner.planCodes(), ['CU792']);
    // The only plan: the question says it is emptied, and undo gives the units back.
    await planner.deletePlan();
    await planner.switchPlan('My plan');
    await planner.page.getByRole('button', { name: 'Delete plan', exact: true }).click();
    assert.match(await confirm.innerText(), /is your only plan\. Empty it of its 1 unit\?/);
    await confirm.getByRole('button', { name: /^Empty / }).click();
    await eventually(async () => assert.deepEqual(await planner.planCodes(), []));
    await planner.undoDelete();
    await eventually(async () => assert.deepEqual(await planner.planCodes(), ['CU791']));
  }),
);
