// "Complete this plan" as an adviser and a learner use it: each option names its units by code and
// title and says how it differs from the first; an option can be previewed (the verdict the plan
// would then have) without changing anything, then added; and nothing is cut off in the plan
// column, which scrolls on its own at laptop size.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cliAvailable, cliCheck, cliComplete, cliUnits, describeViolations, eventually, harness } from './support/planner.mjs';

const app = harness();
const needsCli = { skip: cliAvailable ? false : 'build the command line first: cargo build --bin qualplan' };

const sameSet = (a, b) => a.length === b.length && a.every((x) => b.includes(x));

/** "1 more credit", "5 fewer GLH", or null when the same. */
function change(diff, one, many) {
  if (diff === 0) return null;
  const n = Math.abs(diff);
  return `${n} ${diff > 0 ? 'more' : 'fewer'} ${n === 1 ? one : many}`;
}

test(
  'each option names its units by code and title, with figures, and says how it differs from option 1 (credits, GLH, units, groups)',
  needsCli,
  app(async (p) => {
    const q = 'cg-4411-33';
    const planned = ['002', '009'];
    await p.open();
    await p.chooseQualification(q);
    await p.addAll(planned);
    await p.findCompletions('guided learning hours');
    const shown = await p.completionDetails();
    const cli = cliComplete(q, planned, 'glh');
    assert.equal(cli.status, 'found');
    assert.equal(shown.length, cli.options.length, 'as many options as the command line finds');
    const units = new Map(cliUnits(q).map((u) => [u.code, u]));
    const first = shown[0];
    for (const [i, o] of shown.entries()) {
      assert.equal(o.name, `Option ${i + 1}`);
      const codes = o.units.map((u) => u.code);
      const match = cli.options.find((c) => sameSet(c.add, codes));
      assert.ok(match, `option ${i + 1} (${codes.join(' ')}) is one the command line finds`);
      assert.equal(o.summary, `add ${codes.join(', ')} (${match.cost} GLH)`);
      for (const u of o.units) {
        const unit = units.get(u.code);
        assert.equal(u.title, unit.title, `${u.code} is named by its title`);
        assert.match(u.about, new RegExp(`^${unit.credit} credits?, ${unit.glh} GLH, `), `${u.code}'s figures`);
        for (const g of unit.groups) assert.ok(u.about.includes(g), `${u.code} says it is in ${g}: ${u.about}`);
        const inFirst = first.units.some((f) => f.code === u.code);
        assert.equal(u.marks.includes('Not in option 1'), !inFirst, `${u.code} is marked when option 1 does without it`);
      }
      if (i === 0) {
        assert.ok(o.difference.startsWith(`${codes.length} units: ${match.credits} credits, ${match.glh} GLH; from `), o.difference);
        continue;
      }
      // Credits and GLH against option 1, from the command line's figures.
      const firstCli = cli.options.find((c) => sameSet(c.add, first.units.map((u) => u.code)));
      const credits = change(match.credits - firstCli.credits, 'credit', 'credits');
      const glh = change(match.glh - firstCli.glh, 'GLH', 'GLH');
      if (!credits && !glh) assert.ok(o.difference.startsWith('The same credits and GLH as option 1;'), o.difference);
      else assert.ok(o.difference.startsWith([credits, glh].filter(Boolean).join(' and ') + ' than option 1'), o.difference);
      // The units it adds instead of option 1's.
      const here = codes.filter((c) => !first.units.some((f) => f.code === c));
      const gone = first.units.map((f) => f.code).filter((c) => !codes.includes(c));
      if (here.length && gone.length) assert.ok(o.difference.includes(`${here.join(' and ')} instead of ${gone.join(' and ')}`), o.difference);
      // The groups it uses that option 1 does not, and those it does without.
      const groups = (cs) => [...new Set(cs.flatMap((c) => units.get(c).groups))];
      const newGroups = groups(codes).filter((g) => !groups(first.units.map((u) => u.code)).includes(g));
      for (const g of newGroups) assert.match(o.difference, new RegExp(`uses [^;]*${g}`), o.difference);
      if (!newGroups.length && sameSet(groups(codes), groups(first.units.map((u) => u.code)))) {
        assert.ok(o.difference.endsWith('from the same groups.'), o.difference);
      }
    }
    assert.ok(
      shown.some((o) => o.difference.includes('also uses Level 1 units 101-110')),
      'an option that also takes a Level 1 unit says so',
    );
    // The option's list item reads as its name and its words, with a heading a screen reader can jump to.
    await p.completionOption(1).getByRole('heading', { name: 'Option 1', exact: true }).waitFor();
  }),
);

test(
  'a preview shows the units as they would be added and the verdict the plan would then have; nothing changes until they are added',
  needsCli,
  app(async (p) => {
    const q = 'highfield-l2-nvq-customer-service';
    const codes = ['F/601/1609', 'L/601/1614', 'R/601/1209'];
    await p.open();
    await p.chooseQualification(q);
    await p.addAll(codes);
    const verdictBefore = await p.verdict();
    const savedBefore = await p.saved();
    assert.match(verdictBefore, /^\u2717 Not yet/);
    await p.findCompletions('credits');
    const shown = await p.completionDetails();
    assert.ok(shown.length >= 3);

    await p.previewCompletion(2);
    assert.equal(await p.previewButton(2).getAttribute('aria-pressed'), 'true');
    assert.equal(await p.previewButton(1).getAttribute('aria-pressed'), 'false');
    const added = shown[1].units.map((u) => u.code);
    const after = cliCheck(q, [...codes, ...added]);
    assert.equal(after.compliant, true);
    const preview = p.completionPreview(2);
    const text = (await preview.innerText()).replace(/\s+/g, ' ');
    assert.match(text, /A preview: nothing is added to the plan until you press \u201cAdd these units\u201d\./);
    assert.ok(text.includes('\u2713 With these units the plan would meet every rule of combination.'), text);
    assert.ok(
      text.includes(
        `The plan would then have ${after.totals.units} units: ${after.totals.credits} of ${after.min_credits} credits and ${after.totals.glh} GLH`,
      ),
      text,
    );
    // The would-be units are marked as previews in option 2, and only there.
    const marked = (await p.completionDetails()).map((o) => o.units.filter((u) => u.marks.includes('Preview: would be added')).map((u) => u.code));
    assert.deepEqual(marked[1], added);
    assert.ok(marked.every((m, i) => i === 1 || m.length === 0), 'no other option is marked');
    // Announced politely, once, from a live region that is always there.
    await eventually(async () =>
      assert.match(
        await p.completionRegion.locator('.visually-hidden[role="status"]').textContent(),
        /^Option 2, previewed: With these units the plan would meet every rule of combination\./,
      ),
    );
    const violations = await p.axe();
    assert.equal(violations.length, 0, `axe violations with a preview shown:\n${describeViolations(violations)}`);
    // Nothing changed: the plan, its verdict, what is saved.
    assert.deepEqual(await p.planCodes(), codes);
    assert.equal(await p.verdict(), verdictBefore);
    assert.deepEqual(await p.saved(), savedBefore);

    // One preview at a time; pressed again, it closes.
    await p.previewCompletion(3);
    assert.equal(await p.completionPreview(2).count(), 0);
    assert.equal(await p.previewButton(2).getAttribute('aria-pressed'), 'false');
    await p.previewButton(3).click();
    assert.equal(await p.completionPreview(3).count(), 0);
    assert.equal(await p.previewButton(3).getAttribute('aria-pressed'), 'false');
    assert.deepEqual(await p.planCodes(), codes);

    // Previewed, then added: the plan becomes what the preview said.
    await p.previewCompletion(2);
    await p.addCompletion(2);
    await eventually(async () => assert.deepEqual(await p.planCodes(), [...codes, ...added]));
    assert.equal(await p.verdict(), '\u2713 This plan meets every rule of combination.');
    assert.equal(await p.completionsList.count(), 0, 'the options go once the plan changes');
  }),
);

/** Boxes of everything in the options that lie outside the column's visible width. */
async function outside(column, list) {
  return list.evaluate((ol, col) => {
    const c = col.getBoundingClientRect();
    const left = c.left + col.clientLeft;
    const right = left + col.clientWidth;
    const bad = [];
    for (const e of ol.querySelectorAll('li, h3, span, p, dt, dd, button, small, b, .option-preview')) {
      const r = e.getBoundingClientRect();
      if (r.width === 0) continue;
      if (r.left < left - 0.5 || r.right > right + 0.5) bad.push(`${e.tagName}.${e.className} "${e.textContent.slice(0, 40)}" ${r.left}-${r.right} outside ${left}-${right}`);
    }
    return bad;
  }, await column.elementHandle());
}

test(
  'nothing is cut off at laptop size: every option, unit and button lies inside the scrolling plan column and can be scrolled to',
  app(
    async (p) => {
      await p.open();
      await p.chooseQualification('edi-l2-nvq-customer-service');
      await p.addAll(['CU791', 'CU792']);
      await p.findCompletions('credits');
      const n = (await p.completionDetails()).length;
      assert.equal(n, 5);
      await p.previewCompletion(n);
      const column = p.page.locator('section.plan-column');
      const style = await column.evaluate((c) => ({ overflowY: getComputedStyle(c).overflowY, position: getComputedStyle(c).position }));
      assert.deepEqual(style, { overflowY: 'auto', position: 'sticky' }, 'the plan column scrolls on its own at this size');
      assert.ok(await column.evaluate((c) => c.scrollHeight > c.clientHeight), 'the options make the column scroll');
      assert.ok(await column.evaluate((c) => c.scrollWidth <= c.clientWidth), 'nothing runs out sideways');
      assert.deepEqual(await outside(column, p.completionsList), []);
      // Every option's buttons and the open preview can be brought into view inside the column and clicked there.
      for (let i = 1; i <= n; i++) {
        for (const target of [p.previewButton(i), p.completionRegion.getByRole('button', { name: `Add these units (completion ${i})`, exact: true })]) {
          await target.scrollIntoViewIfNeeded();
          const inside = await target.evaluate((b, col) => {
            const r = b.getBoundingClientRect();
            const c = col.getBoundingClientRect();
            const x = (r.left + r.right) / 2;
            const y = (r.top + r.bottom) / 2;
            return r.top >= c.top && r.bottom <= c.top + col.clientHeight && document.elementFromPoint(x, y) === b;
          }, await column.elementHandle());
          assert.ok(inside, `option ${i}'s ${await target.textContent()} is reachable in the column`);
        }
      }
      const preview = p.completionPreview(n);
      await preview.scrollIntoViewIfNeeded();
      const box = await preview.boundingBox();
      const col = await column.boundingBox();
      assert.ok(box.y >= col.y && box.y + box.height <= col.y + col.height, 'the last option\u2019s preview is in view');
    },
    { viewport: { width: 1366, height: 900 } },
  ),
);

test(
  'nothing is cut off on a phone: the options wrap inside the screen',
  app(
    async (p) => {
      await p.open();
      await p.chooseQualification('edi-l2-nvq-customer-service');
      await p.addAll(['CU791', 'CU792']);
      await p.findCompletions('credits');
      await p.previewCompletion(1);
      assert.ok(await p.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scrolling');
      assert.deepEqual(await outside(p.completionRegion, p.completionsList), []);
    },
    { viewport: { width: 390, height: 844 } },
  ),
);
