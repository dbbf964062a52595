// Two tabs of one browser (one context, one storage). Tab 1 holds "Learner 1" and "Learner 2";
// tab 2 writes saves tab 1 cannot read, saves it can, plans on a catalogue tab 1 does not hold,
// deletes or renames the plan open in tab 1. A tab keeps its own plans when it cannot read what
// the other wrote, keeps the other's text whole and says so; plans on a catalogue another tab does
// not hold are never dropped from storage; a tab whose open plan went elsewhere says so.
import {
  CLASSROOM_KEY,
  STORAGE_KEY,
  category,
  holdsPlan,
  retailCatalogue,
  saveText,
  sleep,
} from '../support/reliability.mjs';

const L1 = { name: 'Learner 1', qualification: 'cg-4411-30', units: ['002'] };
const L2 = { name: 'Learner 2', qualification: 'edi-l2-nvq-customer-service', units: ['CU791'] };
const L3 = { name: 'Learner 3', qualification: 'highfield-l2-nvq-customer-service', units: ['F/601/1609'] };
const RETAIL = { name: 'Retail', qualification: 'example-l2-retail', units: ['R01'] };
const SEED = saveText([L1, L2]);

/** Tab 1 open on the seeded plans, then tab 2 open on the same storage. */
async function twoTabs(probe) {
  await probe.newContext();
  const one = await probe.newPage();
  await probe.seed(one, { [STORAGE_KEY]: SEED, [CLASSROOM_KEY]: 'false' });
  await probe.openApp(one);
  const two = await probe.newPage();
  await probe.openApp(two);
  await probe.settle(one);
  return { one, two };
}

/** Writes `text` as the saved workspace from `page`: the other tab hears a storage event. */
const write = (probe, page, text) => probe.inPage(page, ([k, t]) => localStorage.setItem(k, t), [STORAGE_KEY, text]);
const unitsOf = (plans, name) => plans?.find((p) => p.name === name)?.units ?? null;

/** Tab 2 writes `text` tab 1 cannot (fully) read; tab 1 keeps its plans and the text, and says so. */
const unreadable = (name, text) => ({
  name: `the other tab writes ${name}`,
  async run(probe) {
    const { one, two } = await twoTabs(probe);
    await write(probe, two, text);
    await probe.settle(one, 500);
    await probe.answers(one, 'after the other tab wrote');
    await probe.check('this tab keeps its own plans when it cannot read what the other tab wrote', async () => {
      const names = await probe.planNames(one);
      if (!names.includes('Learner 1') || !names.includes('Learner 2')) throw new Error(`the Plan list is now ${JSON.stringify(names)}`);
    });
    await probe.nothingLost(one, text, { when: "(the other tab's text) right after it was written" });
    await probe.check('this tab says it could not read what the other tab wrote', async () => {
      if (!(await probe.visibleMessages(one)).length) throw new Error('no message on screen in this tab');
    });
    const code = await probe.addUnit(one);
    if (code) {
      await probe.nothingLost(one, text, { when: "(the other tab's text) after an edit in this tab" });
      await probe.check("this tab's plans are saved after its edit", async () => {
        const { save } = await probe.savedPlans(one);
        if (!unitsOf(save, 'Learner 1') || !unitsOf(save, 'Learner 2')) throw new Error(`saved: ${JSON.stringify(save?.map((p) => p.name))}`);
      });
    }
    await probe.keptCopiesIntact(one);
    await probe.messagesBounded(one);
  },
});

const runs = [
  unreadable('a save of a later version', JSON.stringify({ version: 3, current: 0, plans: [L1, L2, L3], shared_with: ['tutor'] })),
  unreadable('a damaged save', saveText([L1, L2, L3]).slice(0, 70)),
  unreadable('a save with one unreadable plan', saveText([L1, L2, L3]).replace('"name":"Learner 3"', '"name":3')),
  {
    name: 'the other tab writes a valid save with a new plan',
    async run(probe) {
      const { one, two } = await twoTabs(probe);
      const text = saveText([L1, L2, L3]);
      await write(probe, two, text);
      await probe.settle(one, 500);
      await probe.check('this tab shows the plan the other tab added', async () => {
        const names = await probe.planNames(one);
        if (!names.includes('Learner 3')) throw new Error(`the Plan list is ${JSON.stringify(names)}`);
      });
      if (await probe.addUnit(one)) await probe.nothingLost(one, text, { when: 'after an edit in this tab', edited: true });
      await probe.messagesBounded(one);
    },
  },
  {
    name: 'a catalogue loaded and planned on in this tab, then the other tab edits',
    async run(probe) {
      const { one, two } = await twoTabs(probe);
      await probe.inPage(one, () => {
        document.querySelector('details.catalogue-loader').open = true;
      });
      await probe.chooseFile(one, 'Load a catalogue file', { name: 'retail.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(retailCatalogue())) });
      await probe.check('the catalogue file loads', async () => {
        if (!(await probe.waitForMessage(one, /Loaded retail\.json/))) throw new Error('no "Loaded retail.json" message');
      });
      await probe.newPlan(one);
      await probe.chooseQualification(one, 'example-l2-retail');
      const added = await probe.addUnit(one);
      await probe.settle(two, 500);
      await probe.addUnit(two);
      await probe.settle(one, 500);
      await probe.check('plans on a catalogue another tab does not hold are never dropped from storage', async () => {
        const { save, kept } = await probe.savedPlans(one);
        const want = { name: 'Plan', qualification: 'example-l2-retail', units: [added] };
        if (!holdsPlan(save, want) && !kept.some((k) => holdsPlan(k, want))) {
          throw new Error(`no saved plan on example-l2-retail with ${added}; saved: ${JSON.stringify(save?.map((p) => `${p.name}/${p.qualification}`))}`);
        }
      });
      await probe.messagesBounded(two);
    },
  },
  {
    name: 'the other tab writes a save naming a qualification this tab does not hold',
    async run(probe) {
      const { one, two } = await twoTabs(probe);
      const text = saveText([L1, L2, RETAIL]);
      await write(probe, two, text);
      await probe.settle(one, 500);
      await probe.addUnit(one);
      await probe.check('plans on a catalogue another tab does not hold are never dropped from storage', async () => {
        const { save, kept } = await probe.savedPlans(one);
        if (!holdsPlan(save, RETAIL) && !kept.some((k) => holdsPlan(k, RETAIL))) {
          throw new Error(`the Retail plan is in no save and no kept copy; saved: ${JSON.stringify(save?.map((p) => p.name))}`);
        }
      });
      await probe.keptCopiesIntact(one);
      await probe.messagesBounded(one);
    },
  },
  {
    name: 'the plan open in this tab is deleted in the other',
    async run(probe) {
      const { one, two } = await twoTabs(probe);
      await probe.switchPlan(two, 'Learner 2');
      await probe.switchPlan(one, 'Learner 2');
      await probe.deletePlan(one);
      await probe.settle(two, 500);
      const told = await probe.waitForMessage(two, /\S/, 3000);
      await probe.check('a tab whose open plan was deleted elsewhere says so', () => !!told);
      const code = await probe.addUnit(two);
      if (code) {
        await probe.check('the edit does not go silently into another plan', async () => {
          const { save } = await probe.savedPlans(two);
          if (!told && JSON.stringify(unitsOf(save, 'Learner 1')) !== JSON.stringify(L1.units)) {
            throw new Error(`Learner 1 is now ${JSON.stringify(unitsOf(save, 'Learner 1'))}, and the tab said nothing`);
          }
        });
      }
      await probe.messagesBounded(two);
    },
  },
  {
    name: 'the plan open in this tab is renamed in the other',
    async run(probe) {
      const { one, two } = await twoTabs(probe);
      await probe.switchPlan(two, 'Learner 2');
      await probe.switchPlan(one, 'Learner 2');
      await probe.renamePlan(one, 'Learner 2 (Tuesday)');
      await probe.settle(two, 500);
      await probe.check('this tab stays on its plan, under its new name', async () => {
        const name = await probe.currentPlanName(two);
        if (name !== 'Learner 2 (Tuesday)') throw new Error(`this tab shows ${JSON.stringify(name)}`);
      });
      if (await probe.addUnit(two)) {
        await probe.check('the edit goes into the renamed plan, and no other', async () => {
          const { save } = await probe.savedPlans(two);
          if (JSON.stringify(unitsOf(save, 'Learner 1')) !== JSON.stringify(L1.units)) throw new Error(`Learner 1 is now ${JSON.stringify(unitsOf(save, 'Learner 1'))}`);
          if (unitsOf(save, 'Learner 2 (Tuesday)')?.length !== 2) throw new Error(`Learner 2 (Tuesday) is ${JSON.stringify(unitsOf(save, 'Learner 2 (Tuesday)'))}`);
        });
      }
    },
  },
  {
    name: 'another plan is renamed to the name of the plan open in this tab',
    async run(probe) {
      const { one, two } = await twoTabs(probe);
      await probe.switchPlan(two, 'Learner 2');
      await probe.renamePlan(one, 'Learner 2');
      await probe.settle(two, 500);
      if (await probe.addUnit(two)) {
        await probe.check('the edit goes into the plan this tab had open, not the renamed one', async () => {
          const { save } = await probe.savedPlans(two);
          const first = save?.find((p) => p.qualification === L1.qualification);
          const second = save?.find((p) => p.qualification === L2.qualification);
          if (JSON.stringify(first?.units) !== JSON.stringify(L1.units)) throw new Error(`the former Learner 1 is now ${JSON.stringify(first?.units)}`);
          if (second?.units.length !== 2) throw new Error(`the plan this tab had open is ${JSON.stringify(second?.units)}`);
        });
      }
    },
  },
  {
    name: 'both tabs edit different plans at once',
    async run(probe) {
      const { one, two } = await twoTabs(probe);
      await probe.switchPlan(two, 'Learner 2');
      const added = { 'Learner 1': [], 'Learner 2': [] };
      for (let round = 0; round < 3; round++) {
        const [a, b] = await Promise.all([probe.addUnit(one), probe.addUnit(two)]);
        if (a) added['Learner 1'].push(a);
        if (b) added['Learner 2'].push(b);
      }
      await probe.settle(one, 500);
      await probe.settle(two, 200);
      await probe.check('no edit in either tab is lost', async () => {
        const { save } = await probe.savedPlans(one);
        const missing = [];
        for (const [name, codes] of Object.entries(added)) {
          const units = unitsOf(save, name) || [];
          for (const c of codes) if (!units.includes(c)) missing.push(`${c} of ${name}`);
        }
        if (missing.length) throw new Error(`not saved: ${missing.join(', ')}`);
      });
    },
  },
  {
    name: 'the other tab clears the storage',
    async run(probe) {
      const { one, two } = await twoTabs(probe);
      await probe.inPage(two, () => localStorage.clear());
      await probe.settle(one, 300);
      await probe.addUnit(one);
      await probe.check("this tab's plans are saved after its edit", async () => {
        const { save } = await probe.savedPlans(one);
        if (!unitsOf(save, 'Learner 1') || !unitsOf(save, 'Learner 2')) throw new Error(`saved: ${JSON.stringify(save?.map((p) => p.name))}`);
      });
    },
  },
  {
    name: 'the other tab writes 3,000 plans',
    heavy: true,
    async run(probe) {
      const { one, two } = await twoTabs(probe);
      const plans = Array.from({ length: 3000 }, (_, i) => ({ ...L1, name: `Learner ${i + 1}` }));
      await write(probe, two, saveText(plans));
      await probe.staysResponsive(one, 2000, 'while taking the other tab\u2019s save');
      await sleep(100);
      await probe.check('this tab shows the other tab\u2019s plans', async () => {
        const n = (await probe.planNames(one)).length;
        if (n !== 3000) throw new Error(`${n} plans listed`);
      });
    },
  },
];

category('two-tabs', runs, (probe, r) => r.run(probe), { concurrency: 2 });
