// The screen where people look: at a laptop, a phone and two projector sizes, the verdict and the
// first thing missing are in view after adding a unit from anywhere in the list; classroom mode
// shows plan, verdict, unmet rules and reading switches together in large type; changes are
// announced; the keyboard reaches the plan at once.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { DIST, eventually, harness, inView } from './support/planner.mjs';

const app = harness();

const VIEWPORTS = {
  laptop: { width: 1366, height: 900 },
  phone: { width: 390, height: 844 },
  projector: { width: 1920, height: 1080 },
  'small projector': { width: 1280, height: 720 },
};
// Where classroom mode is used.
const PROJECTORS = { projector: VIEWPORTS.projector, 'small projector': VIEWPORTS['small projector'] };

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  test(
    `${name} (${viewport.width}x${viewport.height}): after adding the last unit of the list, the verdict and the first shortfall are in view`,
    app(
      async (p) => {
        await p.open();
        await p.chooseQualification('edi-l2-nvq-customer-service');
        const codes = await p.availableCodes();
        await p.add(codes[codes.length - 1]);
        if (viewport.width < 900) {
          const bar = p.page.getByRole('navigation', { name: 'Plan summary' });
          assert.ok(await inView(bar), 'the summary bar is on screen');
          const text = await bar.innerText();
          assert.match(text, /\u2717 \d+ rules? not met \u00b7 \d+ of 28 credits/);
          assert.match(text, /Next: \d+ more credits in total/);
          await bar.getByRole('link', { name: 'View plan' }).click();
          await eventually(async () => assert.ok(await inView(p.page.getByRole('heading', { name: 'Your plan', exact: true }))));
          // Scrolled to the plan, the plan passes over the bar, which repeats its verdict: the foot
          // of the screen shows the plan. Back at the list, the bar is there again.
          const atFoot = () =>
            p.page.evaluate(() => {
              const el = document.elementFromPoint(innerWidth / 2, innerHeight - 10);
              return el?.closest('.summary-bar') ? 'bar' : el?.closest('.plan-column') ? 'plan' : el?.outerHTML.slice(0, 60);
            });
          assert.ok(await inView(p.page.locator('.plan-column .verdict')));
          await eventually(async () => assert.equal(await atFoot(), 'plan', 'the plan, not the bar, at the foot of the screen'));
          await p.page.evaluate(() => window.scrollTo(0, 0));
          await eventually(async () => assert.equal(await atFoot(), 'bar', 'the bar again above the list'));
        } else {
          assert.ok(await inView(p.page.locator('.plan-column .verdict')), 'the verdict is on screen');
          const first = p.page.locator('.missing li').first();
          assert.ok(await inView(first), 'the first thing missing is on screen');
          assert.match(await first.innerText(), /^Total credits: \d+ more credits in total$/);
        }
      },
      { viewport },
    ),
  );
}

// WCAG 2.2 SC 2.4.11: a control reached by Tab is not hidden under the phone's summary bar. Checked
// stricter than the criterion asks: wholly clear of the bar, on a phone and a narrow 320 px one.
for (const [name, viewport] of Object.entries({ phone: VIEWPORTS.phone, 'narrow phone': { width: 320, height: 640 } })) {
  test(
    `${name} (${viewport.width}x${viewport.height}): each control Tab reaches stands wholly above the summary bar`,
    app(
      async (p) => {
        await p.open();
        await p.chooseQualification('cg-l3-nsvq-customer-service');
        await p.addAll(['301', '206']);
        await p.page.locator('#unit-filter').focus();
        const under = [];
        let checked = 0;
        for (let i = 0; i < 140; i++) {
          await p.page.keyboard.press('Tab');
          const at = await p.page.evaluate(() => {
            const el = document.activeElement;
            if (!el || el === document.body || el.closest('.summary-bar')) return null;
            const bar = document.querySelector('.summary-bar').getBoundingClientRect();
            const r = el.getBoundingClientRect();
            return { what: el.getAttribute('aria-label') || el.textContent.trim().slice(0, 40) || el.id, top: r.top, bottom: r.bottom, bar: bar.top };
          });
          if (!at) continue;
          checked++;
          if (at.bottom > at.bar + 0.5 || at.top < 0) under.push(`${at.what} (${Math.round(at.top)}-${Math.round(at.bottom)}, bar at ${Math.round(at.bar)})`);
        }
        assert.ok(checked > 100, `${checked} controls reached`);
        assert.deepEqual(under, []);
      },
      { viewport },
    ),
  );
}

test(
  'phone: a unit added at the foot of the screen shows whole above the bar, with its "In your plan"; one pressed out of view moves nothing',
  app(
    async (p) => {
      await p.open();
      await p.chooseQualification('edi-l2-nvq-customer-service');
      const bar = p.page.getByRole('navigation', { name: 'Plan summary' });
      const codes = await p.availableCodes();
      // Far enough from the list's end that the plan stays below (after the last unit the bar is
      // left to show the change: the test of the list's last unit above).
      const last = codes[codes.length - 8];
      const row = p.availableUnit(last);
      // The row's Add just above the bar, the rest of the row under it.
      await row.scrollIntoViewIfNeeded();
      const [b0, a0] = await Promise.all([bar.boundingBox(), p.addButton(last).boundingBox()]);
      await p.page.evaluate((dy) => window.scrollBy(0, dy), a0.y + a0.height - b0.y + 4);
      const [b1, r1] = await Promise.all([bar.boundingBox(), row.boundingBox()]);
      assert.ok(r1.y + r1.height > b1.y + 20, `the row (${Math.round(r1.y)}-${Math.round(r1.y + r1.height)}) runs under the bar (${Math.round(b1.y)})`);
      await p.add(last);
      const mark = row.getByRole('link', { name: '\u2713 In your plan', exact: true });
      await eventually(async () => {
        const [b, r, m] = await Promise.all([bar.boundingBox(), row.boundingBox(), mark.boundingBox()]);
        assert.ok(r.y + r.height <= b.y + 0.5, `the row (${Math.round(r.y)}-${Math.round(r.y + r.height)}) is above the bar (${Math.round(b.y)})`);
        assert.ok(m.y >= 0 && m.y + m.height <= b.y, 'its "In your plan" is on screen');
      });
      // A press on a row wholly out of view (as a script might make) does not scroll to it.
      await p.page.evaluate(() => window.scrollTo(0, 0));
      const before = await p.page.evaluate(() => window.scrollY);
      await p.page.evaluate((code) => document.querySelector(`button[aria-label="Add ${code}"]`).click(), codes[codes.length - 1]);
      await p.removeButton(codes[codes.length - 1]).waitFor();
      await p.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      assert.equal(await p.page.evaluate(() => window.scrollY), before);
    },
    { viewport: VIEWPORTS.phone },
  ),
);

const rootFontSize = (page) => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));

for (const [name, viewport] of Object.entries(PROJECTORS)) {
  test(
    `classroom mode at ${name} size: plan, verdict, every unmet rule and its reading switch on one screen, in large type`,
    app(
      async (p) => {
        await p.open();
        await p.chooseQualification('cg-4411-30');
        await p.addAll(['002', '101', '105']);
        await p.page.getByRole('button', { name: 'Classroom mode', exact: true }).click();
        await p.page.evaluate(() => window.scrollTo(0, 0));
        assert.ok(await inView(p.page.getByRole('heading', { name: 'Your plan', exact: true })));
        assert.ok(await inView(p.page.locator('.plan-column .verdict')));
        assert.ok(await inView(p.planRegion.getByRole('list', { name: 'Your plan' })), 'the plan');
        // The qualification planned is named at the plan's head (its choice is far below).
        const planFor = p.planRegion.locator('.plan-for');
        assert.ok(await inView(planFor), 'the qualification is named');
        // Its number first: a long title is cut short on its one line, never the number a class is told.
        const name = planFor.locator('span').first();
        assert.equal(await name.textContent(), '4411-30 \u00b7 City & Guilds Entry Level Award for Introduction to Customer Service (Entry 3)');
        const shown = await name.evaluate((e) => {
          const r = document.createRange();
          r.setStart(e.firstChild, 0);
          r.setEnd(e.firstChild, '4411-30'.length);
          const [num, box] = [r.getBoundingClientRect(), e.getBoundingClientRect()];
          return num.width > 0 && num.right <= box.right + 1;
        });
        assert.ok(shown, 'the number is shown whole');
        const change = p.planRegion.getByRole('link', { name: 'Change qualification', exact: true });
        assert.ok(await inView(change), 'with its Change link');
        const unmet = p.rulesList.locator(':scope > li.rule.unmet');
        assert.equal(await unmet.count(), 1);
        assert.ok(await inView(unmet.first().locator('.rule-head')), 'the unmet rule');
        const group = p.readingGroup('Entry 3 units 001-010');
        for (const radio of await group.getByRole('radio').all()) assert.ok(await inView(radio), 'each reading');
        const px = await p.page.locator('.plan-column').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
        assert.ok(px >= 24, `body text ${px}px`);
        // The figures under the meters too, read from the back of the room.
        for (const v of await p.planRegion.locator('.total-value').all()) {
          const fig = await v.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
          assert.ok(fig >= 20, `figures under a meter ${fig}px`);
        }
        // The three meters level, whatever the lines of figures under each; the plan's buttons
        // and the mode's own at 18 px or more.
        const meterTops = await p.planRegion.locator('.total meter').evaluateAll((ms) => ms.map((m) => Math.round(m.getBoundingClientRect().top)));
        assert.equal(new Set(meterTops).size, 1, `the meters level: ${meterTops}`);
        for (const b of [p.removeButton('002'), p.page.getByRole('button', { name: 'Classroom mode', exact: true })]) {
          const size = await b.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
          assert.ok(size >= 18, `a button's text ${size}px`);
        }
        // Each reading says why, and which one the document's reading is.
        assert.match(await group.innerText(), /The reading used unless you choose another\./);
        // The rules beside the plan; the units next, then the choice of qualification, and other
        // qualifications, a long list, last, not between the plan and the units a trainer adds from.
        const top = (sel) => p.page.locator(sel).evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
        const [plan, rules, units, setup, others] = [
          await top('.plan-column'), await top('section.rules-panel'), await top('section.available'),
          await top('section.setup'), await top('section.other-qualifications'),
        ];
        assert.ok(Math.abs(rules - plan) < 2, `rules beside the plan (${rules}, ${plan})`);
        assert.ok(plan < units && units < setup && setup < others, `plan ${plan}, units ${units}, setup ${setup}, other qualifications ${others}`);
        // Ten met barred pairs are one line that opens.
        const folded = p.rulesList.locator(':scope > li.folded');
        assert.match(await folded.innerText(), /^\u2713 10 barred combinations, all met/);
        // "Change" at the plan's head goes to the choice of qualification, below the units.
        await change.click();
        await eventually(async () => assert.ok(await inView(p.page.locator('#qualification-find')), 'the qualification search'));
        // An anchor of the page, not a plan's link: nothing is refused.
        assert.deepEqual(await p.problems(), []);
        // Kept across a reload, and off again, the page's own type size follows.
        await p.page.reload();
        await p.page.locator('.layout.classroom').waitFor();
        assert.equal(await rootFontSize(p.page), 24, 'after a reload');
        await p.page.getByRole('button', { name: 'Classroom mode', exact: true }).click();
        await p.page.locator('.layout:not(.classroom)').waitFor();
        assert.equal(await rootFontSize(p.page), 16, 'classroom mode off');
      },
      { viewport },
    ),
  );
}

// Classroom mode keeps a planned unit's status off the projector, but the learner's record, once
// opened, tells the reader to set each status in the plan: the controls it names are then there.
test(
  "classroom mode: a planned unit's status shows once the learner's record is opened, above the record that points to it",
  app(
    async (p) => {
      await p.open();
      await p.chooseQualification('cg-4411-30');
      await p.addAll(['002', '101']);
      await p.page.getByRole('button', { name: 'Classroom mode', exact: true }).click();
      await p.page.locator('.layout.classroom').waitFor();
      const status = p.planRegion.getByRole('combobox', { name: 'Status of 002', exact: true });
      assert.equal(await status.isVisible(), false, 'a planned status takes no line on the projector');
      await p.page.getByText('Learner\u2019s record and finish date', { exact: true }).click();
      const hint = p.page.locator('.record-panel .hint').first();
      assert.match(await hint.innerText(), /^Mark each planned unit\u2019s status in the list above\./);
      await status.scrollIntoViewIfNeeded();
      assert.ok(await inView(status), 'the status it names is there');
      assert.ok((await status.boundingBox()).y < (await hint.boundingBox()).y, 'above the record, as it says');
      await status.selectOption('In progress');
      await p.page.getByText('Learner\u2019s record and finish date', { exact: true }).click();
      assert.equal(await status.isVisible(), true, 'a status other than planned stays on the projector');
      assert.equal(await p.planRegion.getByRole('combobox', { name: 'Status of 101', exact: true }).isVisible(), false);
    },
    { viewport: PROJECTORS['small projector'] },
  ),
);

for (const [name, viewport] of Object.entries(PROJECTORS)) {
  test(
    `classroom mode at ${name} size: a unit added far down the list shows the verdict and what is next in a bar at the foot of the screen, which stays away while the plan is in view`,
    app(
      async (p) => {
        await p.open();
        await p.chooseQualification('edi-l2-nvq-customer-service');
        await p.page.getByRole('button', { name: 'Classroom mode', exact: true }).click();
        await p.page.locator('.layout.classroom').waitFor();
        await p.page.evaluate(() => window.scrollTo(0, 0));
        const bar = p.page.getByRole('navigation', { name: 'Plan summary' });
        assert.equal(await bar.isVisible(), false, 'no bar over the plan and rules');
        const codes = await p.availableCodes();
        const add = p.page.getByRole('button', { name: `Add ${codes[12]}`, exact: true });
        await add.scrollIntoViewIfNeeded();
        await add.click();
        await eventually(async () => assert.match(await bar.innerText(), /^\u2717 \d+ rules? not met \u00b7 \d+ of 28 credits\s+Next: \d+ more credits in total/));
        assert.ok(await inView(bar), 'the bar is on screen');
        const [b, a] = await Promise.all([bar.boundingBox(), add.boundingBox()]);
        assert.ok(a.y + a.height <= b.y, `the button pressed (${a.y}-${a.y + a.height}) stands above the bar (${b.y})`);
        await bar.getByRole('link', { name: 'View plan' }).click();
        await eventually(async () => assert.ok(await inView(p.page.locator('.plan-column .verdict'))));
        await eventually(async () => assert.equal(await bar.isVisible(), false));
      },
      { viewport },
    ),
  );
}

for (const [name, viewport] of Object.entries(PROJECTORS)) {
  test(
    `classroom mode at ${name} size: scrolled down through a long plan, the verdict shows once, stuck at the top, and the bar takes over only as the plan goes`,
    app(
      async (p) => {
        await p.open();
        await p.chooseQualification('edi-l2-nvq-customer-service');
        await p.addAll(['CU791', 'CU792', 'CU795', 'CU810', 'CU813', 'CU837']);
        await p.page.getByRole('button', { name: 'Classroom mode', exact: true }).click();
        await p.page.locator('.layout.classroom').waitFor();
        const bar = p.page.getByRole('navigation', { name: 'Plan summary' });
        const verdict = p.page.locator('.plan-column .verdict');
        const planFoot = await p.page.locator('.plan-column').evaluate((el) => el.getBoundingClientRect().bottom + window.scrollY);
        assert.ok(planFoot > viewport.height + 200, `the plan (to ${planFoot}px) runs on below the screen`);
        const seen = { verdict: 0, bar: 0 };
        for (let y = 0; y < planFoot + 200; y += 90) {
          await p.page.evaluate((top) => window.scrollTo(0, top), y);
          // The scroll's frame drawn, so the bar's timeline has followed it.
          await p.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
          const v = await verdict.boundingBox();
          const barShown = await bar.isVisible();
          if (v.y >= 0 && v.y + v.height <= viewport.height) {
            seen.verdict += 1;
            assert.equal(barShown, false, `scrolled ${y}px: the verdict is on screen (${Math.round(v.y)}px), so no bar repeats it`);
          }
          if (y > planFoot) {
            seen.bar += 1;
            assert.equal(barShown, true, `scrolled ${y}px, past the plan's foot (${Math.round(planFoot)}px): the bar gives the verdict`);
          }
        }
        assert.ok(seen.verdict > 3 && seen.bar > 0, JSON.stringify(seen));
      },
      { viewport },
    ),
  );
}

/** Whether two boxes overlap. */
const overlap = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

// Far down the plan, where the bar is covered (phone) or the plan runs on (classroom), the verdict
// stays at the top of the screen: a unit taken out or a reading switched there shows its verdict,
// and what has focus is not under it.
test(
  'phone: a unit taken out far down the plan shows the new verdict at the top of the screen, clear of focus',
  app(
    async (p) => {
      await p.open();
      await p.chooseQualification('edi-l2-nvq-customer-service');
      await p.addAll(['CU791', 'CU792', 'CU795', 'CU810', 'CU813', 'CU837']);
      const verdict = p.page.locator('.plan-column .verdict');
      const before = await verdict.innerText();
      const last = p.removeButton('CU837');
      await last.scrollIntoViewIfNeeded();
      await p.page.evaluate(() => window.scrollBy(0, 300));
      assert.ok((await p.page.getByRole('heading', { name: 'Your plan', exact: true }).boundingBox()).y < 0, 'the plan\u2019s top is above the screen');
      await p.remove('CU810');
      await eventually(async () => assert.notEqual(await verdict.innerText(), before));
      assert.ok(await inView(verdict), 'the verdict is on screen');
      assert.ok((await verdict.boundingBox()).y <= 1, 'at the top of the screen');
      const focused = await p.page.evaluate(() => {
        const r = document.activeElement.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      });
      assert.ok(!overlap(focused, await verdict.boundingBox()), 'focus is not under the verdict');
      // Back at the top, the verdict is in its own place under the plan's heading again.
      await p.page.getByRole('heading', { name: 'Your plan', exact: true }).scrollIntoViewIfNeeded();
      const [h, v] = [await p.page.getByRole('heading', { name: 'Your plan', exact: true }).boundingBox(), await verdict.boundingBox()];
      assert.ok(v.y > h.y + h.height - 1, 'below the heading');
    },
    { viewport: VIEWPORTS.phone },
  ),
);

for (const [name, viewport] of Object.entries(PROJECTORS)) {
  test(
    `classroom mode at ${name} size: a reading switched with the plan scrolled away shows the new verdict`,
    app(
      async (p) => {
        await p.open();
        await p.chooseQualification('cg-4411-30');
        await p.addAll(['002', '101', '105', '005']);
        await p.page.getByRole('button', { name: 'Classroom mode', exact: true }).click();
        await p.page.locator('.layout.classroom').waitFor();
        const verdict = p.page.locator('.plan-column .verdict');
        const before = await verdict.innerText();
        const radio = p.reading('Entry 3 units 001-010', 'The 4 credits include the mandatory unit 002');
        await radio.scrollIntoViewIfNeeded();
        await p.page.evaluate(() => window.scrollBy(0, 250));
        await radio.scrollIntoViewIfNeeded();
        await p.chooseReading('Entry 3 units 001-010', 'The 4 credits include the mandatory unit 002');
        await eventually(async () => assert.notEqual(await verdict.innerText(), before));
        assert.ok(await inView(verdict), 'the verdict is on screen');
      },
      { viewport },
    ),
  );
}

/** Rows of the available list and the plan whose code's text runs into its title's text. */
async function codesOverTitles(page) {
  return page.evaluate(() => {
    const text = (el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return range.getBoundingClientRect();
    };
    const clashes = [];
    for (const row of document.querySelectorAll('li.unit')) {
      const code = row.querySelector('.code');
      const title = row.querySelector('.title');
      if (!code || !title || !row.checkVisibility()) continue;
      const [c, t] = [text(code), text(title)];
      const sameLine = c.top < t.bottom && t.top < c.bottom;
      if (sameLine && c.right > t.left - 2) clashes.push(`${code.textContent} in ${row.closest('.plan-column') ? 'the plan' : 'the list'}`);
    }
    return clashes;
  });
}

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  test(
    `${name}: the longest unit codes (Ofqual numbers) stand clear of their titles, in the list and the plan, in both modes`,
    app(
      async (p) => {
        await p.open();
        await p.chooseQualification('highfield-l2-nvq-customer-service');
        await p.addAll(['F/601/1609', 'L/601/1614', 'F/601/1223', 'A/601/1205', 'M/601/1508', 'A/601/1530']);
        assert.equal(await p.planRegion.locator('li.unit').count(), 6);
        assert.deepEqual(await codesOverTitles(p.page), []);
        if (viewport.width >= 1280) {
          await p.page.getByRole('button', { name: 'Classroom mode', exact: true }).click();
          await p.page.locator('.layout.classroom').waitFor();
          assert.deepEqual(await codesOverTitles(p.page), [], 'classroom mode');
        }
      },
      { viewport },
    ),
  );
}

test(
  'adding, removing and moving a unit is announced with the new credits',
  app(async (p) => {
    await p.open();
    await p.chooseQualification('edi-l2-nvq-customer-service');
    await p.add('CU791');
    await eventually(async () => assert.equal((await p.changeStatus.textContent()).trim(), 'Added CU791: 4 of 28 credits.'));
    await p.add('CU795');
    await p.moveUp('CU795');
    await eventually(async () => assert.equal((await p.changeStatus.textContent()).trim(), 'Moved up CU795: 9 of 28 credits.'));
    await p.remove('CU791');
    await eventually(async () => assert.equal((await p.changeStatus.textContent()).trim(), 'Removed CU791: 5 of 28 credits.'));
    assert.equal(await p.changeStatus.getAttribute('aria-live'), 'polite');
  }),
);

test(
  'the first Tab reaches "Skip to your plan", which takes the keyboard to the plan',
  app(async (p) => {
    await p.open();
    await p.page.keyboard.press('Tab');
    assert.equal(await p.focusedName(), 'Skip to your plan');
    await p.page.keyboard.press('Enter');
    await eventually(async () => assert.equal(await p.page.evaluate(() => document.activeElement?.id), 'plan-heading'));
  }),
);

test(
  'planned units reorder by dragging one onto another',
  app(async (p) => {
    await p.open();
    await p.chooseQualification('edi-l2-nvq-customer-service');
    await p.addAll(['CU791', 'CU792', 'CU795']);
    await p.drag(p.plannedUnit('CU795'), p.plannedUnit('CU791'));
    await eventually(async () => assert.deepEqual(await p.planCodes(), ['CU795', 'CU791', 'CU792']));
  }),
);

test(
  'problems and what was done read differently, and each message can be dismissed on its own',
  app(async (p) => {
    await p.open({ seed: '{oops' });
    const problems = p.page.getByRole('alert');
    await problems.getByRole('heading', { name: 'There is a problem' }).waitFor();
    assert.equal((await p.problems()).length, 2);
    await problems.getByRole('button', { name: 'Dismiss this message' }).first().click();
    await eventually(async () => assert.equal((await p.problems()).length, 1));
    for (const text of await p.alerts()) assert.doesNotMatch(text, /expected one of|invalid type|at line \d+ column/, text);
  }),
);

test('before the wasm runs the page says it is loading, and without JavaScript it says why', () => {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  // Attributes quoted as written, or bare as the release build minifies the page.
  assert.match(html, /<div class="?loading"? id="?loading"? role="?status"?>[\s\S]*is loading/);
  assert.match(html, /<noscript>[\s\S]*qualplan needs JavaScript/);
});

test(
  'the qualification picker comes first and narrows by number, title or awarding body',
  app(async (p) => {
    await p.open();
    const setup = p.page.getByRole('region', { name: 'Plan and qualification' });
    const first = setup.getByRole('combobox').first();
    assert.equal(await first.getAttribute('id'), 'qualification', 'the qualification is the first choice');
    const find = p.page.getByRole('searchbox', { name: 'Find a qualification' });
    await find.fill('4411-30');
    await eventually(async () => {
      const visible = await p.qualificationSelect
        .locator('option')
        .evaluateAll((os) => os.filter((o) => !o.hidden).map((o) => o.value));
      assert.ok(visible.includes('cg-4411-30'), visible.join(','));
      assert.ok(visible.length <= 2, `only the match and the chosen one: ${visible.join(',')}`);
    });
    // Enter in the search box chooses the match, and the keyboard stays there.
    await p.page.getByText('1 qualification matches: press Enter to choose it.').waitFor();
    assert.notEqual(await p.qualification(), 'cg-4411-30');
    await find.press('Enter');
    await eventually(async () => assert.equal(await p.qualification(), 'cg-4411-30'));
    assert.ok(await find.evaluate((e) => e === document.activeElement), 'focus stays in the search box');
    // The hint (a live region) now says what was chosen, no longer asking for Enter.
    await p.page.getByText('Chosen: City & Guilds Entry Level Award for Introduction to Customer Service (Entry 3) \u00b7 4411-30.').waitFor();
    assert.equal(await p.page.getByText('press Enter to choose it').count(), 0);
    assert.equal(await p.availableUnit('101').count(), 1, 'the units of the one chosen');
    // With several, the first in the list; with none, nothing changes.
    await find.fill('highfield');
    await p.page.getByText('1 qualification matches: press Enter to choose it.').waitFor();
    await find.fill('business skills');
    await p.page.getByText('8 qualifications match: press Enter to choose the first, or pick one from the list.').waitFor();
    await find.press('Enter');
    await eventually(async () => assert.equal(await p.qualification(), 'cg-7593-l1-award'));
    const before = await p.qualification();
    await find.fill('no such qualification');
    await find.press('Enter');
    assert.equal(await p.qualification(), before);
  }),
);

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  test(
    `axe finds no violation at ${name} size, with a plan, in classroom mode too`,
    app(
      async (p) => {
        await p.open();
        await p.chooseQualification('cg-4411-30');
        await p.addAll(['002', '101']);
        const found = await p.axe();
        assert.deepEqual(found.map((v) => v.id), [], JSON.stringify(found.map((v) => [v.id, v.nodes.slice(0, 2).map((n) => n.target)])));
        await p.page.getByRole('button', { name: 'Classroom mode', exact: true }).click();
        const classroom = await p.axe();
        assert.deepEqual(classroom.map((v) => v.id), [], JSON.stringify(classroom.map((v) => [v.id, v.nodes.slice(0, 2).map((n) => n.target)])));
      },
      { viewport },
    ),
  );
}
