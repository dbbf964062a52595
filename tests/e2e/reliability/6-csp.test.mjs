// CSP: markup and script in names and titles, through every input that reaches the screen (a saved
// state, a link, a plan file, a catalogue file, the rename box). No securitypolicyviolation event,
// no script run, no element from the input in the page.
import {
  CLASSROOM_KEY,
  MARKUP,
  STORAGE_KEY,
  category,
  retailCatalogue,
  saveText,
  shareFragment,
  sleep,
} from '../support/reliability.mjs';

const plan = (name) => ({ name, qualification: 'cg-4411-30', units: ['002'], readings: {} });

async function openTools(probe, page) {
  await probe.inPage(page, () => {
    for (const d of document.querySelectorAll('details.plan-tools, details.catalogue-loader')) d.open = true;
  });
}

const SURFACES = {
  'a saved plan name': async (probe, page, text) => {
    await probe.seedOnLoad({ [STORAGE_KEY]: saveText([plan('Learner 1'), plan(text)], 1), [CLASSROOM_KEY]: 'false' });
    await probe.openApp(page);
  },
  'a link\u2019s plan name': async (probe, page, text) => {
    await probe.openApp(page, `#${shareFragment(plan(text))}`);
  },
  'a plan file\u2019s plan name': async (probe, page, text) => {
    await probe.openApp(page);
    await openTools(probe, page);
    const file = JSON.stringify({ format: 'qualplan plans', version: 2, plans: [plan(text)] });
    await probe.chooseFile(page, 'Import plans', { name: 'plans.qualplan.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await probe.waitForMessage(page, /plans\.qualplan\.json/);
  },
  'a catalogue file\u2019s titles, group names and rule labels': async (probe, page, text) => {
    await probe.openApp(page);
    await openTools(probe, page);
    const doc = retailCatalogue();
    doc.document.title = text;
    doc.qualifications[0].title = text;
    doc.units[0].title = text;
    doc.qualifications[0].groups[0].name = text;
    doc.qualifications[0].rules[0].label = text;
    doc.qualifications[0].rules[0].text = text;
    await probe.chooseFile(page, 'Load a catalogue file', { name: 'retail.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    await probe.waitForMessage(page, /retail\.json/);
    await probe.newPlan(page);
    await probe.chooseQualification(page, 'example-l2-retail');
  },
  'the rename box': async (probe, page, text) => {
    await probe.openApp(page);
    await probe.renamePlan(page, text);
  },
};

const cases = [];
for (const [surface, act] of Object.entries(SURFACES)) {
  for (const [what, text] of Object.entries(MARKUP)) cases.push({ name: `${what} in ${surface}`, act, text });
}

category(
  'csp',
  cases,
  async (probe, c) => {
    await probe.newContext();
    const page = await probe.newPage();
    await c.act(probe, page, c.text);
    await sleep(300);
    await probe.answers(page);
    await probe.noInjection(page);
    await probe.check('the text is shown as text', async () => {
      const shown = await probe.inPage(page, (t) => document.body.innerText.includes(t) || [...document.querySelectorAll('option')].some((o) => o.textContent.includes(t)), c.text);
      if (!shown) throw new Error('the input is not on screen as text');
    });
  },
  { concurrency: 3 },
);
