// What the picker and the units list say beyond the bare figures: the published GLH checked
// against the cheapest compliant plan, and a unit the document lists in two groups shown once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { harness } from './support/planner.mjs';

const app = harness();

test('the published GLH is shown checked against the cheapest plan that meets every rule', app(async (p) => {
  await p.open();
  await p.chooseQualification('cg-4411-30');
  await p.page.getByText('The cheapest plan that meets every rule has 51 GLH, as published.').waitFor();
  await p.chooseQualification('highfield-l2-nvq-customer-service');
  await p.page.getByText('The cheapest plan that meets every rule has 192 GLH, as published.').waitFor();
  // No unit GLH printed: no check is claimed.
  await p.chooseQualification('cg-l3-nsvq-customer-service');
  assert.equal(await p.page.getByText('The cheapest plan that meets every rule').count(), 0);
}));

test('a unit listed in two groups is offered once, with the other group named', app(async (p) => {
  await p.open();
  await p.chooseQualification('cg-4411-30');
  assert.equal(await p.availableList.getByRole('button', { name: 'Add 002', exact: true }).count(), 1);
  assert.match(await p.availableUnit('002').innerText(), /Also in: Entry 3 units 001-010/);
  // Adding it from its one entry plans it once.
  await p.add('002');
  assert.deepEqual(await p.planCodes(), ['002']);
}));
