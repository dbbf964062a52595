// The app mounts, offers every qualification of the catalogue grouped by awarding body and level,
// and lists the chosen qualification's units as its document groups them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cliAvailable, cliQualifications, cliUnits, eventually, harness } from './support/planner.mjs';

const app = harness();
const needsCli = { skip: !cliAvailable && 'the qualplan command line is not built (target/debug/qualplan)' };

test(
  'the app mounts with one empty plan and lists the units of its qualification',
  app(async (planner) => {
    await planner.open();
    await assert.doesNotReject(planner.page.getByRole('heading', { name: 'qualplan', level: 1 }).waitFor());
    assert.ok(await planner.qualification(), 'a qualification is chosen');
    assert.deepEqual(await planner.planNames(), ['My plan']);
    assert.deepEqual(await planner.planCodes(), []);
    assert.equal(await planner.unitCount(), '0 units planned');
    assert.ok(await planner.page.getByText('Drag units here').isVisible(), 'the empty plan says how to fill it');
    const codes = await planner.availableCodes();
    assert.ok(codes.length > 10, `units are listed: ${codes.length}`);
    assert.match(await planner.verdict(), /^No units planned yet: \d+ rules? of combination to meet(, and \d+ barred combinations? to avoid)?\.$/);
    // What the qualification asks for is listed in the verdict's neutral colour, not as a failure.
    const edge = () => planner.planRegion.locator('.missing').evaluate((e) => getComputedStyle(e).borderLeftColor);
    const accent = await planner.planRegion.locator('.verdict').evaluate((e) => getComputedStyle(e).borderTopColor);
    assert.equal(await edge(), accent);
    const bar = planner.page.locator('nav.summary-bar .summary-line');
    assert.match(await bar.textContent(), /^No units planned yet \u00b7 0 of \d+ credits$/, 'no mark of a broken rule');
    await planner.add((await planner.availableCodes())[0]);
    await eventually(async () => assert.notEqual(await edge(), accent, 'red again once a unit is planned'));
    assert.match(await bar.textContent(), /^\u2717 \d+ rules? not met \u00b7 \d+ of \d+ credits$/);
    // The search's visible text starts with the name a screen reader or voice control uses.
    const find = planner.page.getByRole('searchbox', { name: 'Find a qualification', exact: true });
    assert.match(await find.getAttribute('placeholder'), /^Find a qualification /);
    assert.equal(await planner.page.title(), 'qualplan: plan a vocational qualification');
  }),
);

test(
  'every qualification of the catalogue is offered, grouped by awarding body and level',
  needsCli,
  app(async (planner) => {
    await planner.open();
    const options = await planner.qualificationOptions();
    const catalogue = cliQualifications();
    assert.deepEqual(options.map((o) => o.value).sort(), catalogue.map((q) => q.id).sort());
    for (const q of catalogue) {
      const o = options.find((o) => o.value === q.id);
      // Each named the same way: its title, then the number a person may know it by.
      const number = q.awarding_body_number ?? q.regulator_number;
      assert.equal(o.label, number ? `${q.title} \u00b7 ${number}` : q.title);
      const level = q.level.startsWith('Entry') ? q.level : `Level ${q.level}`;
      assert.equal(o.group, `${q.awarding_body} \u2014 ${level}`, `group of ${q.id}`);
    }
    // One group per awarding body and level, its options together.
    const groups = options.map((o) => o.group);
    const runs = groups.filter((g, i) => i === 0 || g !== groups[i - 1]);
    assert.equal(new Set(runs).size, runs.length, `each group appears once: ${runs.join(' | ')}`);
  }),
);

for (const qualification of ['highfield-l2-nvq-customer-service', 'cg-4411-30', 'cg-l3-nsvq-customer-service']) {
  test(
    `choosing ${qualification} shows its units grouped as its document groups them`,
    needsCli,
    app(async (planner) => {
      await planner.open();
      const title = cliQualifications().find((q) => q.id === qualification).title;
      await planner.chooseQualification(title);
      assert.equal(await planner.qualification(), qualification);
      const units = cliUnits(qualification);
      // Groups in the document's order; a unit the document lists in two groups is shown once,
      // under the first, with the others named ("Also in: ...").
      const expected = [];
      for (const u of units) {
        for (const [i, g] of u.groups.entries()) {
          let group = expected.find((e) => e.name === g);
          if (!group) expected.push((group = { name: g, codes: [] }));
          if (i === 0) group.codes.push(u.code);
        }
      }
      const shown = await planner.availableGroups();
      assert.deepEqual(
        shown.map((g) => g.name),
        expected.map((g) => g.name),
      );
      for (const g of expected) {
        assert.deepEqual(
          [...shown.find((s) => s.name === g.name).codes].sort(),
          [...g.codes].sort(),
          `units of "${g.name}"`,
        );
        // Each group is a list named for it, under a heading of the same words.
        await planner.availableList.getByRole('list', { name: g.name, exact: true }).waitFor();
        await planner.availableList.getByRole('heading', { name: g.name, exact: true, level: 3 }).waitFor();
      }
      for (const u of units.filter((u) => u.groups.length > 1)) {
        const entry = await planner.availableUnit(u.code).innerText();
        assert.ok(entry.includes(`Also in: ${u.groups.slice(1).join('; ')}`), entry);
      }
      // Each unit shows its code, title, level, credits and GLH.
      const u = units[units.length - 1];
      const entry = await planner.availableUnit(u.code).innerText();
      assert.ok(entry.includes(u.code) && entry.includes(u.title), entry);
      assert.ok(entry.includes(u.level.startsWith('Entry') ? u.level : `Level ${u.level}`), entry);
      assert.ok(
        entry.includes(u.credit === null ? 'credits not published' : `${u.credit} credit${u.credit === 1 ? '' : 's'}`),
        entry,
      );
      assert.ok(entry.includes(u.glh === null ? 'GLH not published' : `${u.glh} GLH`), entry);
    }),
  );
}

test(
  'the units can be filtered by text and by level',
  needsCli,
  app(async (planner) => {
    await planner.open();
    await planner.chooseQualification('edi-l2-nvq-customer-service');
    const units = cliUnits('edi-l2-nvq-customer-service');

    await planner.filterUnits('telephone');
    const byText = units.filter((u) => u.title.toLowerCase().includes('telephone')).map((u) => u.code);
    await eventually(async () => assert.deepEqual((await planner.availableCodes()).sort(), byText.sort()));

    await planner.filterUnits('cu80');
    await eventually(async () =>
      assert.deepEqual(
        (await planner.availableCodes()).sort(),
        units.filter((u) => u.code.toLowerCase().includes('cu80')).map((u) => u.code).sort(),
      ),
    );

    await planner.filterUnits('');
    await planner.filterLevel('Level 3');
    const level3 = units.filter((u) => u.level === '3').map((u) => u.code);
    await eventually(async () => assert.deepEqual((await planner.availableCodes()).sort(), level3.sort()));
    // A group with nothing left to show is hidden with its heading.
    const groupA = planner.availableList.getByRole('heading', { name: /^Group A/ });
    assert.equal(await groupA.isVisible(), false, 'Group A has no level 3 unit and is hidden');

    await planner.filterLevel('All levels');
    await eventually(async () => assert.equal((await planner.availableCodes()).length, units.length));
  }),
);

test(
  'the chosen qualification\u2019s published figures are shown, "not published" where there are none',
  app(async (planner) => {
    await planner.open();
    await planner.chooseQualification('Highfield Level 2 NVQ Certificate');
    const facts = planner.page.getByRole('region', { name: 'Plan and qualification' });
    const text = (await facts.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /Minimum credits 28/);
    assert.match(text, /Published GLH 192/);
    assert.match(text, /Published TQT 280/);
    await planner.chooseQualification('Level 3 N/SVQ in Customer Service');
    const nsvq = (await facts.innerText()).replace(/\s+/g, ' ');
    assert.match(nsvq, /Minimum credits not published/);
    assert.match(nsvq, /Published GLH not published/);
  }),
);

test(
  'the level filter shown is the one in force after switching to a qualification without that level',
  {
    ...needsCli,
  },
  app(async (planner) => {
    await planner.open();
    await planner.chooseQualification('edi-l2-nvq-customer-service');
    await planner.filterLevel('Level 3');
    await planner.chooseQualification('cg-4411-30');
    const shownLevel = await planner.levelFilter.evaluate((s) => s.selectedOptions[0]?.textContent.trim());
    const units = cliUnits('cg-4411-30');
    const listed = await planner.availableCodes();
    if (shownLevel === 'All levels') {
      assert.equal(new Set(listed).size, units.length, 'the Level box says "All levels", so every unit is listed');
    } else {
      const level = shownLevel.replace(/^Level /, '');
      assert.deepEqual(
        [...new Set(listed)].sort(),
        units.filter((u) => u.level === level).map((u) => u.code).sort(),
      );
    }
    assert.ok(listed.length > 0, 'some unit is listed');
  }),
);
