// A change to the plan redraws what it changes and nothing else. On a phone every element written
// costs style and layout work on each add, so a panel that redraws whole is slow however little
// its words change (issue 18). These tests watch the real DOM through a MutationObserver.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { harness } from './support/planner.mjs';

const app = harness();

/** Starts recording which rule rows (by label) the page writes to; returns a function that stops
 * and gives the labels written, each rule's text before, and each rule's text after. */
async function watchRules(p) {
  await p.rulesList.evaluate((list) => {
    const texts = () => Object.fromEntries(
      [...list.querySelectorAll('li[aria-label]')].map((li) => [li.getAttribute('aria-label'), li.textContent]),
    );
    const touched = new Set();
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        const node = r.target.nodeType === Node.ELEMENT_NODE ? r.target : r.target.parentElement;
        touched.add(node?.closest('li[aria-label]')?.getAttribute('aria-label') ?? '(the list itself)');
      }
    });
    observer.observe(list, { attributes: true, childList: true, characterData: true, subtree: true });
    window.__rulesWatch = { before: texts(), stop: () => { observer.disconnect(); return { touched: [...touched], after: texts() }; } };
  });
  return async () => p.rulesList.evaluate(() => {
    const { before, stop } = window.__rulesWatch;
    return { before, ...stop() };
  });
}

test('adding or removing a unit writes only to the rules whose result it changes', app(async (p) => {
  await p.open();
  await p.chooseQualification('cg-4411-30');
  await p.add('001');
  await p.add('003');
  for (const change of [() => p.add('004'), () => p.remove('003')]) {
    const stop = await watchRules(p);
    await change();
    // The panels that follow a change a frame later have drawn it too.
    await p.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const { before, after, touched } = await stop();
    const changed = Object.keys(after).filter((label) => before[label] !== after[label]);
    const unchanged = Object.keys(after).filter((label) => before[label] === after[label]);
    assert.ok(changed.length > 0, 'the change moves at least one rule');
    assert.ok(unchanged.length > 0, `some rules are as they were, so the test can tell a whole redraw: ${JSON.stringify(after)}`);
    assert.deepEqual(
      touched.filter((label) => !changed.includes(label)),
      [],
      `only rules whose words changed are written to (changed: ${changed.join('; ')})`,
    );
  }
}));
