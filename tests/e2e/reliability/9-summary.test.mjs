// The summary of this run's categories (each left its results; see support/reliability.mjs):
// which invariants failed where, with one example each, then the table of categories, cases and
// failures, and last, alone on its line, `N passed, N failed`.
import { test } from 'node:test';
import { short, summaryTable, takeResults } from '../support/reliability.mjs';

test('reliability summary', () => {
  const categories = takeResults();
  if (!categories.length) {
    console.log('reliability: no category ran (see QUALPLAN_RELIABILITY)');
    return;
  }
  const lines = [];
  for (const { category, results } of categories) {
    const byInvariant = new Map();
    for (const r of results) {
      for (const f of r.failures) {
        const invariant = f.split(': ')[0];
        if (!byInvariant.has(invariant)) byInvariant.set(invariant, { cases: new Set(), example: `${r.name} -> ${short(f, 220)}` });
        byInvariant.get(invariant).cases.add(r.name);
      }
    }
    for (const [invariant, { cases, example }] of byInvariant) {
      lines.push(`${category}: ${cases.size} case(s) fail "${invariant}"\n    e.g. ${example}`);
    }
  }
  const seconds = categories.flatMap((c) => c.results).reduce((s, r) => s + r.ms, 0) / 1000;
  console.log(
    [
      '',
      'reliability: failed invariants',
      ...(lines.length ? lines : ['  none']),
      '',
      `reliability: case time ${Math.round(seconds)} s (cases run in parallel within a category)`,
      summaryTable(categories),
      '',
    ].join('\n'),
  );
});
