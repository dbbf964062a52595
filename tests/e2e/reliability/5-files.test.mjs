// Files: hostile plan files ("Import plans") and catalogue files ("Load a catalogue file") given to
// the real file inputs. After each, the page answers within 3 s, the file is refused in words or
// loaded, no message is over 600 characters, and nothing already saved (two plans and one loaded
// catalogue file) is lost. A catalogue that loads is then chosen, which runs its rules.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import {
  CATALOGUES_KEY,
  CLASSROOM_KEY,
  STORAGE_KEY,
  category,
  covers,
  meaning,
  random,
  retailCatalogue,
  saveText,
  within,
} from '../support/reliability.mjs';

// What is already saved: a plan on the embedded catalogue, a plan on a loaded file.
const SEEDED_DOC = (() => {
  const d = retailCatalogue();
  d.document.id = 'seeded';
  d.qualifications[0].id = 'seeded-q';
  d.qualifications[0].title = 'Seeded qualification';
  return d;
})();
const SEEDED_FILE = { name: 'seeded.json', text: JSON.stringify(SEEDED_DOC) };
const SEED = saveText([
  { name: 'Learner 1', qualification: 'cg-4411-30', units: ['002'] },
  { name: 'Seeded plan', qualification: 'seeded-q', units: ['R01'] },
]);
const SEED_LIST = JSON.stringify([SEEDED_FILE]);

const tmp = mkdtempSync(path.join(os.tmpdir(), 'qualplan-files-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
/** A file on disk (for sizes a buffer over the protocol should not carry). */
function onDisk(name, text) {
  const file = path.join(tmp, name);
  writeFileSync(file, text);
  return file;
}

const PLAN = { name: 'Imported', qualification: 'cg-4411-30', units: ['002', '001'], readings: {} };
const PLAN_FILE = { format: 'qualplan plans', version: 2, plans: [PLAN] };
const planFile = (changes = {}, plan = {}) => JSON.stringify({ ...PLAN_FILE, plans: [{ ...PLAN, ...plan }], ...changes });
const plansFile = (plans) => JSON.stringify({ ...PLAN_FILE, plans });

function set(doc, at, value) {
  const copy = structuredClone(doc);
  let o = copy;
  for (const k of at.slice(0, -1)) o = o[k];
  o[at[at.length - 1]] = value;
  return JSON.stringify(copy);
}
const RETAIL = retailCatalogue();
const retailWith = (id, qid) => {
  const d = retailCatalogue();
  d.document.id = id;
  d.qualifications[0].id = qid;
  d.qualifications[0].title = `Retail ${qid}`;
  return JSON.stringify(d);
};

/** A catalogue of `n` units in one qualification. */
function bigCatalogue(n) {
  const d = retailCatalogue();
  d.document.id = 'big';
  d.units = Array.from({ length: n }, (_, i) => ({
    code: `B${i}`, uan: null, title: `Unit number ${i} of a very large catalogue`, level: '2', credit: 3, glh: 20,
    learning_outcomes: null, assessment_criteria: null, source: 'Generated',
  }));
  const q = d.qualifications[0];
  q.id = 'big-q';
  q.title = 'A very large qualification';
  q.groups = [{ id: 'A', name: 'All units', units: d.units.map((u) => u.code) }];
  q.rules = [{ id: 'total', label: 'Total credits', text: 'At least 15 credits', source: 'Generated', require: { count: { measure: 'credits', from: 'all', level: null, min: 15, max: null } } }];
  return JSON.stringify(d);
}

/** Nested distinct all_of rules whose leaves count units from all, min 1000; 15 units, GLH 10. */
function nestedDistinct(depth = 2, fan = 3) {
  const d = retailCatalogue();
  d.document.id = 'nested';
  d.units = Array.from({ length: 15 }, (_, i) => ({
    code: `N${i + 1}`, uan: null, title: `Nested unit ${i + 1}`, level: '2', credit: 1, glh: 1,
    learning_outcomes: null, assessment_criteria: null, source: 'Generated',
  }));
  const rule = (id, require) => ({ id, label: `Rule ${id}`, text: `Rule ${id}`, source: 'Generated', require });
  const node = (level, id) =>
    level === 0
      ? rule(id, { count: { measure: 'units', from: 'all', level: null, min: 1000, max: null } })
      : rule(id, { all_of: { distinct: true, rules: Array.from({ length: fan }, (_, i) => node(level - 1, `${id}-${i}`)) } });
  const q = d.qualifications[0];
  Object.assign(q, { id: 'nested-q', title: 'Nested distinct rules', glh: 10, glh_range: null, tqt: 20, min_credits: null });
  q.groups = [{ id: 'A', name: 'All units', units: d.units.map((u) => u.code) }];
  q.rules = [node(depth, 'n')];
  return JSON.stringify(d);
}

/** any_of rules nested `depth` deep (written as text: JSON.stringify would run out of stack). */
function deepRules(depth) {
  const d = retailCatalogue();
  d.qualifications[0].rules = [{ id: 'deep', label: 'Deep', text: 'Deep', source: 'Generated', require: 'DEEP' }];
  let require = '{"mandatory":["R01"]}';
  const open = (i) => `{"any_of":{"rules":[{"id":"d${i}","label":"Deep","text":"Deep","source":"Generated","require":`;
  require = Array.from({ length: depth }, (_, i) => open(i)).join('') + require + '}]}}'.repeat(depth);
  return JSON.stringify(d).replace('"DEEP"', require);
}

function manyQualifications(n) {
  const d = retailCatalogue();
  const q = d.qualifications[0];
  d.qualifications = Array.from({ length: n }, (_, i) => ({ ...structuredClone(q), id: `retail-${i}`, title: `Retail qualification number ${i}` }));
  return JSON.stringify(d);
}

const binary = (n, seed) => {
  const rnd = random(seed);
  return Buffer.from(Array.from({ length: n }, () => Math.floor(rnd() * 256)));
};

const cases = [];
const plan = (name, content, extra = {}) => cases.push({ name: `plan file: ${name}`, input: 'Import plans', file: 'plans.qualplan.json', content, ...extra });
const cat = (name, content, extra = {}) => cases.push({ name: `catalogue file: ${name}`, input: 'Load a catalogue file', file: 'mine.json', content, ...extra });
const heavy = { heavy: true };

// Plan files.
plan('a valid file', JSON.stringify(PLAN_FILE));
plan('an empty file', '');
plan('plain words', 'hello');
plan('an opening brace', '{');
plan('random bytes', binary(1000, 1));
plan('UTF-16 with a byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(PLAN_FILE), 'utf16le')]));
plan('a UTF-8 byte-order mark', `\uFEFF${JSON.stringify(PLAN_FILE)}`);
for (const f of [0.25, 0.5, 0.9]) plan(`cut to ${f * 100}%`, JSON.stringify(PLAN_FILE).slice(0, Math.floor(JSON.stringify(PLAN_FILE).length * f)));
plan('format is a number', planFile({ format: 1 }));
plan('version is a string', planFile({ version: '2' }));
plan('plans is an object', planFile({ plans: {} }));
plan('a plan is null', planFile({ plans: [null] }));
plan('a name is a number', planFile({}, { name: 5 }));
plan('units is a string', planFile({}, { units: '002' }));
plan('a unit is a number', planFile({}, { units: [5] }));
plan('readings is a list', planFile({}, { readings: [] }));
plan('an unknown top-level field', planFile({ sent_by: 'someone' }));
plan('an unknown plan field', planFile({}, { colour: 'blue' }));
plan('version 3', planFile({ version: 3 }));
plan('version 1', planFile({ version: 1 }));
plan('no plans', planFile({ plans: [] }));
plan('an unknown qualification', planFile({}, { qualification: 'no-such-qualification' }));
plan('an unknown unit', planFile({}, { units: ['002', 'ZZ9'] }));
plan('an unknown reading', planFile({}, { readings: { 'no-such-rule': 'x' } }));
plan('names clashing with saved plans', plansFile([{ ...PLAN, name: 'Learner 1' }, { ...PLAN, name: 'Learner 1' }, { ...PLAN, name: 'Learner 1 2' }]));
plan('a right-to-left override in a name', planFile({}, { name: '\u202Edelirp\u202C Imported' }));
plan('a name of invisible characters only', planFile({}, { name: '\u200B\u200C\u2060\uFEFF' }));
plan('a 6 MB file of plans', () => plansFile(Array.from({ length: 70_000 }, (_, i) => ({ ...PLAN, name: `Learner ${i}` }))), heavy);
plan('a valid file padded to 6 MB', () => JSON.stringify(PLAN_FILE) + ' '.repeat(6 * 1024 * 1024), heavy);
plan('200,000 unknown units', () => planFile({}, { units: Array.from({ length: 200_000 }, (_, i) => `X${i}`) }), heavy);
plan('200,000 copies of one unit', () => planFile({}, { units: Array(200_000).fill('002') }), heavy);
plan('6,000 plans sharing one name', () => plansFile(Array.from({ length: 6000 }, () => ({ ...PLAN, name: 'Same' }))), heavy);
plan('100,000 plans', () => plansFile(Array.from({ length: 100_000 }, (_, i) => ({ name: `P${i}`, qualification: 'cg-4411-30' }))), heavy);
plan('a 1 MB plan name', () => planFile({}, { name: 'N'.repeat(1024 * 1024) }), heavy);
plan('a 50 MB plan name', null, { ...heavy, path: () => onDisk('huge-name.qualplan.json', planFile({}, { name: 'N'.repeat(50 * 1024 * 1024) })) });

// Catalogue files.
cat('a valid file', JSON.stringify(RETAIL));
cat('an empty file', '');
cat('plain words', 'hello');
cat('random bytes', binary(2000, 2));
cat('an opening brace', '{');
for (const f of [0.3, 0.9]) cat(`cut to ${f * 100}%`, JSON.stringify(RETAIL).slice(0, Math.floor(JSON.stringify(RETAIL).length * f)));
cat('schema is a string', set(RETAIL, ['schema'], '1'));
cat('document is null', set(RETAIL, ['document'], null));
cat('units is an object', set(RETAIL, ['units'], {}));
cat('a credit is a string', set(RETAIL, ['units', 0, 'credit'], '3'));
cat('rules is an object', set(RETAIL, ['qualifications', 0, 'rules'], {}));
cat('a requirement is a list', set(RETAIL, ['qualifications', 0, 'rules', 1, 'require'], []));
cat('a group lists a number', set(RETAIL, ['qualifications', 0, 'groups', 0, 'units'], 5));
cat('a level of "9"', set(RETAIL, ['units', 0, 'level'], '9'));
cat('an unknown top-level field', JSON.stringify({ ...RETAIL, extra: 1 }));
cat('an unknown unit field', set(RETAIL, ['units', 0, 'colour'], 'blue'));
cat('the id of an embedded document', set(RETAIL, ['document', 'id'], '001'));
cat('a document id with a colon', set(RETAIL, ['document', 'id'], 'a:b'));
cat('the id of the document already loaded', set(RETAIL, ['document', 'id'], 'seeded'));
cat('the file name of the file already loaded', retailWith('other-doc', 'other-q'), { file: 'seeded.json' });
cat('credits past 32 bits', set(RETAIL, ['units', 0, 'credit'], 4294967296));
cat('a minimum of 2^64 - 1', set(RETAIL, ['qualifications', 0, 'rules', 0, 'require', 'count', 'min'], 18446744073709551615n.toString()).replace('"18446744073709551615"', '18446744073709551615'));
cat('a file name with a right-to-left override', JSON.stringify(RETAIL), { file: '\u202Enosj.liater.json' });
cat('a file name of 5,000 characters', JSON.stringify(RETAIL), { file: `${'f'.repeat(5000)}.json` });
cat('a 1 MB qualification title', () => set(RETAIL, ['qualifications', 0, 'title'], 'T'.repeat(1024 * 1024)), heavy);
cat('a 6 MB catalogue', () => bigCatalogue(40_000), heavy);
cat('2,000 qualifications', () => manyQualifications(2000), heavy);
cat('any_of rules nested 2,000 deep', () => deepRules(2000), heavy);
cat('nested distinct rules of min 1000 leaves, 15 units, GLH 10', () => nestedDistinct(), heavy);
cases.push({ name: 'catalogue files: two with one file name and different document ids, then a reload', twoFiles: true, heavy: true });

async function openTools(probe, page) {
  await probe.inPage(page, () => {
    for (const d of document.querySelectorAll('details.plan-tools, details.catalogue-loader')) d.open = true;
  });
}

/** The loaded catalogue files as stored: [{name, text}], or null when unreadable. */
async function storedFiles(probe, page) {
  const text = await probe.item(page, CATALOGUES_KEY);
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

async function qualificationIds(probe, page) {
  const select = page.getByRole('combobox', { name: 'Qualification', exact: true });
  return within(3000, select.locator('option').evaluateAll((os) => os.map((o) => o.value)));
}

/** Nothing saved before is lost: the two plans, and the loaded catalogue file. */
async function nothingSavedLost(probe, page, when) {
  await probe.check(`nothing already saved is lost ${when}`, async () => {
    const s = await probe.storage(page, SEED);
    const { save, kept } = await probe.savedPlans(page);
    const before = meaning(SEED);
    if (!s.inPlace && !s.keptIn.length && !covers(before, save) && !kept.some((k) => covers(before, k))) {
      throw new Error(`the saved plans are now ${JSON.stringify(save?.map((p) => p.name).slice(0, 5))}`);
    }
    const files = await storedFiles(probe, page);
    const list = await probe.storage(page, SEED_LIST, CATALOGUES_KEY);
    if (!list.inPlace && !list.keptIn.length && !files?.some((f) => f.name === SEEDED_FILE.name && f.text === SEEDED_FILE.text)) {
      throw new Error(`the loaded catalogue file seeded.json is gone (files: ${JSON.stringify(files?.map((f) => f.name))})`);
    }
  });
}

async function give(probe, page, input, file, content, makePath) {
  const body = typeof content === 'function' ? content() : content;
  const files = makePath ? makePath() : { name: file, mimeType: 'application/json', buffer: Buffer.isBuffer(body) ? body : Buffer.from(body) };
  await probe.chooseFile(page, input, files);
}

category(
  'files',
  cases,
  async (probe, c) => {
    await probe.newContext();
    await probe.seedOnLoad({ [STORAGE_KEY]: SEED, [CATALOGUES_KEY]: SEED_LIST, [CLASSROOM_KEY]: 'false' });
    const page = await probe.newPage();
    await probe.openApp(page);
    await probe.settle(page);
    await openTools(probe, page);
    const known = new Set(await qualificationIds(probe, page));

    if (c.twoFiles) {
      await give(probe, page, 'Load a catalogue file', 'retail.json', retailWith('retail-a', 'retail-a-q'));
      await probe.waitForMessage(page, /retail\.json/);
      await give(probe, page, 'Load a catalogue file', 'retail.json', retailWith('retail-b', 'retail-b-q'));
      await probe.staysResponsive(page, 1000, 'after the second file');
      await probe.check('the second file is answered in words', async () => {
        const shown = (await probe.visibleMessages(page)).filter((m) => /retail\.json/.test(m.text));
        if (shown.length < 2) throw new Error(`${shown.length} message(s) name retail.json`);
      });
      await probe.settle(page, 300);
      await page.reload({ waitUntil: 'commit' }).catch(() => undefined);
      await probe.mounted(page);
      await probe.check('after a reload both files are still there', async () => {
        const ids = await qualificationIds(probe, page);
        const missing = ['retail-a-q', 'retail-b-q'].filter((q) => !ids.includes(q));
        if (missing.length) throw new Error(`missing after the reload: ${missing.join(', ')}`);
      });
      await nothingSavedLost(probe, page, 'after the reload');
      return;
    }

    const earlier = new Set((await probe.visibleMessages(page).catch(() => [])).map((m) => m.text));
    await give(probe, page, c.input, c.file, c.content, c.path);
    await probe.staysResponsive(page, c.heavy ? 3000 : 1500, 'after the file was given');
    await probe.check('the file is refused in words or loaded', async () => {
      const end = Date.now() + 5000;
      while (!(await probe.visibleMessages(page)).some((m) => !earlier.has(m.text))) {
        if (Date.now() > end) throw new Error('no new message on screen within 5 s');
        await new Promise((r) => setTimeout(r, 100));
      }
    });
    await probe.messagesBounded(page);
    await probe.noInjection(page);
    await nothingSavedLost(probe, page, 'after the file');

    // A catalogue that loaded: choose its qualification, which runs its rules.
    const fresh = (await qualificationIds(probe, page).catch(() => [])).filter((id) => !known.has(id));
    if (fresh.length) {
      try {
        await probe.newPlan(page);
        const select = page.getByRole('combobox', { name: 'Qualification', exact: true });
        await Promise.race([select.selectOption(fresh[0], { timeout: 3000 }).catch(() => undefined), new Promise((r) => setTimeout(r, 3000))]);
      } catch {
        /* the responsiveness check below reports it */
      }
      await probe.staysResponsive(page, c.heavy ? 3000 : 1500, 'after choosing the loaded qualification');
      await probe.messagesBounded(page);
      await nothingSavedLost(probe, page, 'after choosing the loaded qualification');
    }
  },
  { concurrency: 3, timeout: 120_000 },
);
