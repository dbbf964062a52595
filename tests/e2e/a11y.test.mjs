// Accessibility: axe-core finds no violation in the main states; the verdict is announced; the
// page reflows at phone width; a reading can be switched with the keyboard.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeViolations, eventually, harness } from './support/planner.mjs';

const app = harness();

  'which do not contain their visible text';

async function assertNoViolations(planner, state) {
  const violations = await planner.axe();
  assert.equal(violations.length, 0, `axe violations (${state}):\n${describeViolations(violations)}`);
}

test(
  'axe: no violations with an empty plan',
  app(async (planner) => {
    await planner.open();
    await assertNoViolations(planner, 'empty plan');
  }),
);

test(
  'axe: no violations with a plan that meets every rule',
  {},
  app(async (planner) => {
    await planner.open();
    await planner.chooseQualification('highfield-l2-nvq-customer-service');
    await planner.addAll(['F/601/1609', 'L/601/1614', 'F/601/1223', 'A/601/1205', 'M/601/1508', 'A/601/1530']);
    assert.match(await planner.verdict(), /meets every rule/);
    // The printed wording and source of a rule, opened.
    await planner.rule('Mandatory Units').getByText('Printed wording and source').click();
    await assertNoViolations(planner, 'compliant plan');
  }),
);

test(
  'axe: no violations with rules not met, a barred unit and a reading switched',
  {},
  app(async (planner) => {
    await planner.open();
    await planner.chooseQualification('cg-4411-30');
    await planner.addAll(['002', '001', '104', '106']);
    assert.match(await planner.verdict(), /^\u2717 Not yet/);
    assert.match(await planner.availableUnit('101').innerText(), /Barred/);
    await assertNoViolations(planner, 'rules not met');
    const readings = planner.readingGroup('Entry 3 units 001-010');
    await readings.getByRole('radio', { checked: false }).first().click();
    await eventually(async () => assert.match(await planner.verdict(), /meets every rule/));
    await assertNoViolations(planner, 'reading switched');
  }),
);

test(
  'axe: no violations for a qualification that publishes no rules, with a notice shown',
  {},
  app(async (planner) => {
    await planner.open();
    await planner.chooseQualification('edi-l2-nvq-customer-service');
    await planner.add('CU791');
    await planner.chooseQualification('cg-7593-l1-award');
    assert.equal((await planner.alerts()).length, 1, 'CU791 was removed, and the user told');
    await planner.add('110');
    await assertNoViolations(planner, 'no-rules qualification');
  }),
);

test(
  'axe: no violations after an unreadable save, at phone size',
  {},
  app(
    async (planner) => {
      await planner.open({ seed: '{oops' });
      // What could not be read, and where the copy is kept.
      assert.equal((await planner.alerts()).length, 2);
      await planner.add((await planner.availableCodes())[0]);
      await assertNoViolations(planner, 'alert, phone');
    },
    { viewport: { width: 390, height: 844 } },
  ),
);

test(
  'axe: no violations with the cheapest completions listed',
  {},
  app(async (planner) => {
    await planner.open();
    await planner.chooseQualification('edi-l2-nvq-customer-service');
    await planner.addAll(['CU791', 'CU792']);
    assert.ok((await planner.findCompletions()).length > 0);
    await assertNoViolations(planner, 'completions');
  }),
);

test(
  'the verdict is announced in a polite live region as it changes',
  app(async (planner) => {
    await planner.open();
    const live = planner.status;
    assert.equal(await live.getAttribute('aria-live'), 'polite');
    await planner.chooseQualification('cg-4411-30');
    const before = await planner.verdict();
    assert.match(before, /^No units planned yet: \d+ rules? of combination to meet(, and \d+ barred combinations? to avoid)?\.$/);
    await planner.addAll(['002', '001']);
    const partway = await planner.verdict();
    assert.notEqual(partway, before);
    await planner.add('010');
    assert.equal(await planner.verdict(), '\u2713 This plan meets every rule of combination.');
    await planner.chooseQualification('cg-7593-l1-award');
    assert.match(await planner.verdict(), /publishes no rules of combination/);
  }),
);

test(
  'totals are labelled groups with labelled meters; rules are a named list; readings a named radio group',
  app(async (planner) => {
    await planner.open();
    await planner.chooseQualification('edi-l2-nvq-customer-service');
    for (const name of ['Credits', 'GLH', 'Notional hours']) {
      await planner.totalGroup(name).waitFor();
      await planner.meter(name).waitFor({ state: 'attached' });
    }
    assert.ok((await planner.rulesList.getByRole('listitem').count()) >= 5);
    const group = planner.readingGroup('Level 2 credits (Groups B-E)');
    assert.equal(await group.getByRole('radio').count(), 2);
  }),
);

for (const classroom of [false, true]) {
  test(
    `a reading can be switched with the arrow keys, and focus stays on the radio group${classroom ? ', in classroom mode too, where a met rule moves down the list' : ''}`,
    app(
      async (planner) => {
        const { page } = planner;
        await planner.open();
        await planner.chooseQualification('edi-l2-nvq-customer-service');
        await planner.addAll(['CU791', 'CU792', 'CU818', 'CU821', 'CU756', 'CU826']);
        if (classroom) await page.getByRole('button', { name: 'Classroom mode', exact: true }).click();
        assert.match(await planner.verdict(), /^\u2717 Not yet: 1 of/);
        await planner.reading('Level 2 credits (Groups B-E)', 'Credits from units of exactly level 2').focus();
        await page.keyboard.press('ArrowDown');
        await eventually(async () => assert.match(await planner.verdict(), /meets every rule/));
        await eventually(async () =>
          assert.equal(await planner.focusedName(), 'Credits from units of level 2 or above', 'focus is on the reading just chosen'),
        );
        const chosen = planner.reading('Level 2 credits (Groups B-E)', 'Credits from units of level 2 or above');
        const box = await chosen.boundingBox();
        assert.ok(box && box.y >= 0 && box.y + box.height <= page.viewportSize().height, `the chosen reading is in view (${JSON.stringify(box)})`);
        await page.keyboard.press('ArrowUp');
        await eventually(async () => assert.match(await planner.verdict(), /^\u2717 Not yet/));
        await eventually(async () =>
          assert.equal(await planner.focusedName(), 'Credits from units of exactly level 2', 'and back'),
        );
      },
      classroom ? { viewport: { width: 1280, height: 720 } } : {},
    ),
  );
}

test(
  'adding a completion by keyboard lands on the plan, its verdict in view',
  app(
    async (planner) => {
      const { page } = planner;
      await planner.open();
      await planner.chooseQualification('highfield-l2-nvq-customer-service');
      await planner.addAll(['F/601/1609', 'L/601/1614', 'R/601/1209']);
      await planner.findCompletions('credits');
      await planner.completionRegion.getByRole('button', { name: 'Add these units (completion 1)', exact: true }).focus();
      await page.keyboard.press('Enter');
      await eventually(async () => assert.match(await planner.verdict(), /meets every rule/));
      await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.id), 'plan-heading'));
      const box = await page.locator('.plan-column .verdict').boundingBox();
      assert.ok(box && box.y >= 0 && box.y + box.height <= 900, `the verdict is in view (${JSON.stringify(box)})`);
    },
    { viewport: { width: 1366, height: 900 } },
  ),
);

test(
  'on a phone the share panel, opened, stays within its card and the screen',
  app(
    async (planner) => {
      const { page } = planner;
      await planner.open();
      await planner.chooseQualification('edi-l2-nvq-customer-service');
      await planner.add('CU791');
      await page.getByText('Share, export, import or print', { exact: true }).click();
      await page.getByRole('button', { name: 'Copy link', exact: true }).waitFor();
      // The card clips what runs past it (contain: paint), so measure against the card's edge.
      const over = await page.evaluate(() => {
        const card = document.querySelector('.setup');
        const edge = Math.min(card.getBoundingClientRect().right, document.documentElement.clientWidth);
        return [...card.querySelectorAll('*')]
          .filter((e) => e.checkVisibility() && e.getBoundingClientRect().right > edge + 0.5)
          .map((e) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className ? '.' + String(e.className).split(' ')[0] : ''}`);
      });
      assert.deepEqual(over, [], 'nothing runs past the card\u2019s right edge');
    },
    { viewport: { width: 390, height: 844 } },
  ),
);

for (const width of [320, 390]) {
  test(
    `at ${width} px wide the page reflows without scrolling sideways (WCAG 1.4.10), with units planned`,
    {},
    app(
      async (planner) => {
        await planner.open();
        await planner.chooseQualification('edi-l2-nvq-customer-service');
        const overflow = () =>
          planner.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.equal(await overflow(), 0, 'empty plan: no sideways scrolling');
        await planner.addAll(['CU791', 'CU792']);
        assert.equal(await overflow(), 0, 'two units planned: no sideways scrolling');
      },
      { viewport: { width, height: 844 } },
    ),
  );
}

/** A plan of CU791, CU792 and CU795 (EDI), with focus on `code`'s Remove button. */
async function threeUnitsWithFocusOnRemove(planner, code) {
  await planner.open();
  await planner.chooseQualification('edi-l2-nvq-customer-service');
  await planner.addAll(['CU791', 'CU792', 'CU795']);
  await planner.removeButton(code).focus();
}

test(
  'removing a unit with the keyboard leaves focus in the plan: on the next unit, or the plan\u2019s heading when empty',
  app(async (planner) => {
    const { page } = planner;
    await threeUnitsWithFocusOnRemove(planner, 'CU792');
    await page.keyboard.press('Enter');
    await eventually(async () => assert.deepEqual(await planner.planCodes(), ['CU791', 'CU795']));
    await eventually(async () => assert.equal(await planner.focusedName(), 'Remove CU795'), 2000);
    await page.keyboard.press('Enter');
    await eventually(async () => assert.deepEqual(await planner.planCodes(), ['CU791']));
    await eventually(async () => assert.equal(await planner.focusedName(), 'Remove CU791'), 2000);
    await page.keyboard.press('Space');
    await eventually(async () => assert.deepEqual(await planner.planCodes(), []));
    await eventually(async () => assert.equal(await planner.focusedName(), 'Your plan'), 2000);
  }),
);

test(
  'focus never falls to the page while a unit is removed: it is on the next Remove button as the row goes',
  app(async (planner) => {
    const { page } = planner;
    await threeUnitsWithFocusOnRemove(planner, 'CU792');
    // Where focus is when the list first shows the row gone (a mutation observer's callback runs
    // right after the change, before any later frame could move focus). The observer is in place
    // before the key is pressed: the two calls are not ordered if the press is not awaited after.
    await page.evaluate(() => {
      window.__seen = new Promise((resolve) => {
        const list = document.querySelector('ul[aria-label="Your plan"]');
        const obs = new MutationObserver(() => {
          if ([...list.querySelectorAll('.code')].some((c) => c.textContent === 'CU792')) return;
          obs.disconnect();
          const a = document.activeElement;
          resolve(a === document.body ? 'the page' : a?.getAttribute('aria-label') || a?.textContent);
        });
        obs.observe(list, { childList: true, subtree: true });
        setTimeout(() => resolve('nowhere: the row was not seen to go'), 5000);
      });
    });
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => window.__seen), 'Remove CU795');
  }),
);

test(
  'adding a unit with the keyboard does not throw focus back to the top of the page',
  {},
  app(async (planner) => {
    const { page } = planner;
    await planner.open();
    await planner.chooseQualification('edi-l2-nvq-customer-service');
    await planner.addButton('CU795').focus();
    await page.keyboard.press('Enter');
    await eventually(async () => assert.deepEqual(await planner.planCodes(), ['CU795']));
    const focused = await planner.focusedName();
    assert.notEqual(focused, null, 'something in the page still has focus');
    // Focus stays on the Add button, now out of use: its ring is drawn at full strength.
    const ring = await page.evaluate(() => {
      const b = document.activeElement;
      const s = getComputedStyle(b);
      return { disabled: b.getAttribute('aria-disabled'), opacity: s.opacity, outline: s.outlineStyle, width: s.outlineWidth };
    });
    assert.deepEqual(ring, { disabled: 'true', opacity: '1', outline: 'solid', width: '3px' });
    // One Shift+Tab back, the unit's "In your plan" is a link to the plan: the keyboard's way
    // there without Tab through every later unit in the list.
    assert.match(await planner.availableUnit('CU795').ariaSnapshot(), /- link "\u2713 In your plan"/);
    await page.keyboard.press('Shift+Tab');
    assert.equal(await planner.focusedName(), '\u2713 In your plan');
    await page.keyboard.press('Enter');
    await eventually(async () => assert.equal(await planner.focusedName(), 'Your plan'));
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => Boolean(document.activeElement.closest('.plan-column'))), 'the next Tab is in the plan');
  }),
);
