// Quota: local storage filled with other keys to (nearly) its limit, found by probing, combined
// with a large unreadable save, a large save with one unknown unit, an edit and a catalogue file.
// The original is never lost: it is kept whole, or left untouched where it was and the user told
// that nothing will be saved until they act; a write that fails is reported in words.
import {
  CATALOGUES_KEY,
  CLASSROOM_KEY,
  STORAGE_KEY,
  category,
  retailCatalogue,
  saveText,
} from '../support/reliability.mjs';

const SMALL = saveText([
  { name: 'Learner 1', qualification: 'cg-4411-30', units: ['002'] },
  { name: 'Learner 2', qualification: 'edi-l2-nvq-customer-service', units: ['CU791'] },
]);
const bigPlans = (n) =>
  Array.from({ length: n }, (_, i) => ({ name: `Learner ${i + 1}`, qualification: 'cg-4411-30', units: ['002', '001'] }));
/** About 700,000 characters. */
const BIG_VALID = saveText(bigPlans(8000));

const SAVES = {
  'a large unreadable save': BIG_VALID.slice(0, -2),
  'a large save with one unknown unit': saveText(
    bigPlans(8000).map((p, i) => (i === 0 ? { ...p, units: [...p.units, 'ZZ999'] } : p)),
  ),
};
const ROOMS = {
  'no room': () => 64,
  'room for half a copy': (text) => Math.floor(text.length / 2),
  'room for a copy': (text) => text.length + 4096,
};

/** Words that tell the user about saving or storage. */
const ABOUT_SAVING = /sav|stor|kept|keep|download|full/i;

const cases = [];
for (const [save, text] of Object.entries(SAVES)) {
  for (const [room, free] of Object.entries(ROOMS)) {
    cases.push({ name: `${save}, ${room}`, kind: 'save', text, room: free(text) });
  }
}
cases.push({ name: 'an edit when storage is full', kind: 'save', text: SMALL, room: 0 });
cases.push({ name: 'a catalogue file loaded when storage is full', kind: 'catalogue', text: SMALL, room: 0 });
cases.push({
  name: 'an unreadable list of catalogue files, no room',
  kind: 'list',
  text: SMALL,
  list: `[{"name":"mine.json","text":${JSON.stringify(JSON.stringify(retailCatalogue())).repeat(20)}`,
  room: 64,
});

category(
  'quota',
  cases,
  async (probe, c) => {
    await probe.newContext();
    const page = await probe.newPage();
    const items = { [STORAGE_KEY]: c.text, [CLASSROOM_KEY]: 'false' };
    if (c.list) items[CATALOGUES_KEY] = c.list;
    await probe.seed(page, items);
    await probe.fill(page, c.room);
    await probe.openApp(page);
    await probe.answers(page, 'after opening');
    await probe.settle(page, 400);

    // The original save (and an unreadable list of files) is kept, or left where it was.
    await probe.nothingLost(page, c.text, { when: 'right after loading' });
    if (c.list) await probe.nothingLost(page, c.list, { when: 'right after loading (the list of catalogue files)', key: CATALOGUES_KEY });
    // The big saves can never be used whole (one is unreadable, one names a unit no longer
    // offered): kept aside, the user is told; left in place, the user is told it will not be saved.
    if (c.text !== SMALL) {
      await probe.check('what cannot be used is either kept and reported, or left in place with a message that nothing will be saved', async () => {
        const s = await probe.storage(page, c.text);
        const messages = await probe.visibleMessages(page);
        if (s.keptIn.length && !messages.length) throw new Error(`kept in ${s.keptIn.join(', ')} but no message on screen`);
        if (!s.keptIn.length && s.inPlace && !messages.some((m) => ABOUT_SAVING.test(m.text))) {
          throw new Error('left in place, unused, and no message says that nothing will be saved');
        }
      });
    }
    if (c.list) {
      await probe.check('an unreadable list of catalogue files is reported', async () => {
        if (!(await probe.visibleMessages(page)).some((m) => /catalogue/i.test(m.text))) throw new Error('no message names the catalogue files');
      });
    }
    await probe.messagesBounded(page);

    if (c.kind === 'catalogue' || c.kind === 'list') {
      const name = 'retail.json';
      await probe.check('a catalogue file is answered in words', async () => {
        await probe.inPage(page, () => {
          const d = document.querySelector('details.catalogue-loader');
          if (d) d.open = true;
        });
        await probe.chooseFile(page, 'Load a catalogue file', { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(retailCatalogue())) });
        await probe.staysResponsive(page, 1500, 'after loading the catalogue file');
        if (!(await probe.waitForMessage(page, /retail\.json/))) throw new Error('no message names retail.json');
      });
      await probe.check('a catalogue file that could not be kept is reported as such', async () => {
        const list = await probe.item(page, CATALOGUES_KEY);
        const kept = list !== null && list.includes('"name":"retail.json"');
        if (kept) return;
        const said = (await probe.visibleMessages(page)).filter((m) => /retail\.json/.test(m.text) && /not|could|kept|stor|full/i.test(m.text));
        if (!said.length) throw new Error('retail.json is not in storage and no message says it could not be kept');
      });
      await probe.nothingLost(page, c.text, { when: 'after the catalogue file' });
      if (c.list) await probe.nothingLost(page, c.list, { when: 'after the catalogue file (the list)', key: CATALOGUES_KEY });
    }

    const before = await probe.item(page, STORAGE_KEY).catch(() => null);
    const code = await probe.addUnit(page);
    if (code) {
      await probe.settle(page, 300);
      await probe.nothingLost(page, c.text, { when: 'after an edit', edited: true });
      await probe.check('a failed write is reported in words', async () => {
        const after = await probe.item(page, STORAGE_KEY);
        if (after !== before && after !== null && after.includes(`"${code}"`)) return;
        const told = (await probe.visibleMessages(page)).filter((m) => ABOUT_SAVING.test(m.text));
        if (!told.length) throw new Error(`the edit (${code}) is not in storage and no message says so`);
      });
      await probe.keptCopiesIntact(page);
      await probe.messagesBounded(page);
    }
  },
  { concurrency: 2 },
);
