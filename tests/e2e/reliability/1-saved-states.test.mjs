// Saved states: odd or corrupt values of qualplan.workspace written before the page loads. The
// page must mount, answer, lose nothing (the original text stays in place unchanged or is kept
// whole, right after loading and after an edit that saves), say so whenever it set anything
// aside, and never show a message that quotes its whole input.
import { CLASSROOM_KEY, STORAGE_KEY, category, covers, meaning, saveText } from '../support/reliability.mjs';

const L1 = { name: 'Learner 1', qualification: 'cg-4411-30', units: ['002', '001'], readings: {} };
const L2 = {
  name: 'Learner 2',
  qualification: 'edi-l2-nvq-customer-service',
  units: ['CU791', 'CU818'],
  readings: { 'level-2-credits': 'level-2-or-above' },
};
/** The valid save every mutation starts from: two plans, the second open. */
const BASE = JSON.parse(saveText([L1, L2], 1));
const BASE_TEXT = JSON.stringify(BASE);

/** A copy of BASE with the value at `path` replaced (or deleted when `value` is DELETE). */
const DELETE = Symbol('delete');
function mutate(path, value, base = BASE) {
  const copy = structuredClone(base);
  let at = copy;
  for (const k of path.slice(0, -1)) at = at[k];
  const last = path[path.length - 1];
  if (value === DELETE) delete at[last];
  else at[last] = value;
  return JSON.stringify(copy);
}
const withPlan = (changes) => mutate(['plans', 1], { ...BASE.plans[1], ...changes });
const nested = (open, close, depth, inner = '0') => open.repeat(depth) + inner + close.repeat(depth);
const manyPlans = (n, make) => saveText(Array.from({ length: n }, (_, i) => make(i)), 0);

const cases = [];
const add = (name, text, extra = {}) => cases.push({ name, text, ...extra });

// Text that is not a save at all, or not JSON.
for (const [name, text] of [
  ['empty text', ''],
  ['a space', ' '],
  ['null', 'null'],
  ['true', 'true'],
  ['a number', '0'],
  ['a string', '"my plans"'],
  ['an empty list', '[]'],
  ['an empty object', '{}'],
  ['an opening brace', '{'],
  ['the word undefined', 'undefined'],
  ['NaN', 'NaN'],
  ['a byte-order mark before the save', `\uFEFF${BASE_TEXT}`],
  ['words after the save', `${BASE_TEXT} and more`],
  ['two saves one after the other', BASE_TEXT + BASE_TEXT],
  ['a comment before the save', `// saved\n${BASE_TEXT}`],
  ['single quotes for double', BASE_TEXT.replaceAll('"', "'")],
  ['a raw NUL inside a name', BASE_TEXT.replace('Learner 1', 'Learner\u00001')],
]) {
  add(`not a save: ${name}`, text);
}

// The save cut short.
for (const f of [0.1, 0.25, 0.5, 0.75, 0.9]) {
  add(`truncated to ${Math.round(f * 100)}%`, BASE_TEXT.slice(0, Math.floor(BASE_TEXT.length * f)));
}
add('truncated by its last character', BASE_TEXT.slice(0, -1));

// Versions.
add('version 1, a single plan', JSON.stringify({ version: 1, qualification: 'highfield-l2-nvq-customer-service', units: ['F/601/1609'] }));
add('version 1 with a list of plans', mutate(['version'], 1));
for (const v of [4, 99, -2, null, '2']) add(`version ${JSON.stringify(v)}`, mutate(['version'], v));
add('version 2.0', BASE_TEXT.replace('"version":2', '"version":2.0'));
add('version 2.5', BASE_TEXT.replace('"version":2', '"version":2.5'));
add('version 1e400', BASE_TEXT.replace('"version":2', '"version":1e400'));
add('no version', mutate(['version'], DELETE));

// A wrong type at every level of the save.
const WRONG = {
  number: ['1', {}],
  list: [{}, 'CU791'],
  plan: [null, []],
  text: [7, ['Learner 2']],
  map: [[], 'level-2-credits'],
};
for (const [path, kind] of [
  [['current'], 'number'],
  [['plans'], 'list'],
  [['plans', 1], 'plan'],
  [['plans', 1, 'name'], 'text'],
  [['plans', 1, 'qualification'], 'text'],
  [['plans', 1, 'units'], 'list'],
  [['plans', 1, 'units', 0], 'text'],
  [['plans', 1, 'readings'], 'map'],
  [['plans', 1, 'readings', 'level-2-credits'], 'text'],
]) {
  for (const v of WRONG[kind]) add(`${path.join('.')} is ${JSON.stringify(v)}`, mutate(path, v));
}

// What a save holds.
add('an unknown top-level field', JSON.stringify({ ...BASE, saved_by: 'qualplan 3' }));
add('an unknown plan field', withPlan({ colour: 'blue' }));
add('a plan on an unknown qualification', mutate(['plans', 0, 'qualification'], 'withdrawn-qualification'));
add('every plan on unknown qualifications', saveText([{ ...L1, qualification: 'gone-1' }, { ...L2, qualification: 'gone-2' }], 1));
add('unknown unit codes', withPlan({ units: ['CU791', 'CU999', 'ZZ1'] }));
add('duplicated units', withPlan({ units: ['CU791', 'CU791', 'CU818', 'CU818'] }));
add('an unknown reading', withPlan({ readings: { 'level-2-credits': 'sideways' } }));
add('a reading of an unknown rule', withPlan({ readings: { 'no-such-rule': 'x' } }));
add('an empty list of plans', mutate(['plans'], []));
add('an empty plan name', withPlan({ name: '' }));
add('a plan name of spaces', withPlan({ name: '   ' }));
add('two plans with one name', mutate(['plans', 0, 'name'], 'Learner 2'));
add('a plan name of 1,000,000 characters', withPlan({ name: 'N'.repeat(1_000_000) }), { heavy: true });
add('a name with a right-to-left override', withPlan({ name: '\u202EEvil\u202C Learner' }));
add('a name of bidi isolates and overrides only', withPlan({ name: '\u202D\u2066\u202E\u2069' }));
add('a name of invisible characters only', withPlan({ name: '\u200B\u200C\u200D\u2060\uFEFF' }));
add('a name with newlines and tabs', withPlan({ name: 'Learner\n2\t(evening)\r\n' }));
add('a NUL character in a name', withPlan({ name: 'Learner\u00002' }));
add('a NUL character in a unit code', withPlan({ units: ['CU791\u0000', 'CU818'] }));
add('a lone surrogate in a name', BASE_TEXT.replace('Learner 2', 'Learner \\ud800 2'));
add('current out of range (99)', mutate(['current'], 99));
add('current equal to the number of plans', mutate(['current'], 2));
add('current negative', mutate(['current'], -1));
add(
  '3,000 plans',
  manyPlans(3000, (i) => ({ name: `Learner ${i + 1}`, qualification: i % 2 ? L2.qualification : L1.qualification, units: i % 2 ? ['CU791'] : ['002'] })),
  { heavy: true },
);
add(
  '3,000 plans, the last one damaged',
  manyPlans(3000, (i) => ({ name: `Learner ${i + 1}`, qualification: L1.qualification, units: ['002'] })).replace(/"name":"Learner 3000"/, '"name":5'),
  { heavy: true },
);
add(
  '3,000 plans on a qualification the catalogue lacks',
  manyPlans(3000, (i) => ({ name: `Learner ${i + 1}`, qualification: 'withdrawn-qualification', units: ['X1'] })),
  { heavy: true },
);
add('10,000 unknown units in one plan', withPlan({ units: Array.from({ length: 10_000 }, (_, i) => `ZZ${i}`) }), { heavy: true });
add('plans nested 10,000 lists deep', BASE_TEXT.replace(/"plans":\[.*\]\}$/, `"plans":${nested('[', ']', 10_000)}}`));
add('readings nested 5,000 objects deep', BASE_TEXT.replace('"readings":{"level-2-credits"', `"readings":{"a":${nested('{"a":', '}', 5000)},"level-2-credits"`));
add('100,000 opening brackets', '['.repeat(100_000));

category('saved-states', cases, async (probe, c) => {
  await probe.newContext();
  await probe.seedOnLoad({ [STORAGE_KEY]: c.text, [CLASSROOM_KEY]: 'false' });
  const page = await probe.newPage();
  await probe.openApp(page);
  await probe.answers(page, 'after opening');
  await probe.settle(page);

  await probe.nothingLost(page, c.text, { when: 'right after loading' });
  await probe.check('whenever anything is set aside, a message is visible', async () => {
    const s = await probe.storage(page, c.text);
    const newKept = s.kept; // none was seeded
    const before = meaning(c.text);
    const now = meaning(await probe.item(page, STORAGE_KEY));
    const shown = (await probe.planNames(page)).length;
    const setAside = newKept.length > 0 || (!s.inPlace && !covers(before, now)) || (before && shown < before.length);
    if (!setAside) return;
    const told = await probe.visibleMessages(page);
    if (!told.length) throw new Error(`set aside: ${newKept.map((k) => k.key).join(', ') || 'part of the save'}; no message on screen`);
  });
  await probe.messagesBounded(page);

  const code = await probe.addUnit(page);
  if (code) {
    await probe.nothingLost(page, c.text, { when: 'after an edit that saves', edited: true });
    await probe.keptCopiesIntact(page);
    await probe.messagesBounded(page);
  }
});
