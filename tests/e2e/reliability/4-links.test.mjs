// Links: crafted share hashes. Valid links (share.rs's `q=..&u=..&r=..&n=..`) built from the
// fixture plans, then mutated: cut short, bits flipped, parts dropped, doubled or broken, unknown
// qualifications, units and readings, huge counts and sizes, hostile names, and `#plan=` forms.
// Each must leave the page answering within 3 s, show an offer or a refusal in words, render no
// markup and run no script from the link, show no message over 600 characters, and change no
// storage until the user accepts.
import { fixturePlans } from '../support/planner.mjs';
import {
  CLASSROOM_KEY,
  STORAGE_KEY,
  MARKUP,
  category,
  covers,
  escapeLink,
  holdsPlan,
  meaning,
  random,
  saveText,
  shareFragment,
} from '../support/reliability.mjs';

const SEED = saveText([{ name: 'Learner 1', qualification: 'cg-4411-30', units: ['002'] }]);
/** Whether two saves hold the same plans, the same plan open (revision marks aside). */
function sameSave(a, b) {
  try {
    return covers(meaning(a), meaning(b)) && covers(meaning(b), meaning(a)) && JSON.parse(a).current === JSON.parse(b).current;
  } catch {
    return false;
  }
}
/** Under Chromium's 2 MiB limit on a URL, with room for the origin. */
const BIG = 2 * 1024 * 1024 - 200;

// Valid links: the first fixture plan of each document, and one with a reading.
const fixtures = fixturePlans();
const chosen = [...new Set(fixtures.map((f) => f.doc))].map((doc) => fixtures.find((f) => f.doc === doc));
chosen.push(fixtures.find((f) => Object.keys(f.readings || {}).length));
const BASES = chosen.map((f, i) => ({ name: `Sam ${i + 1}`, qualification: f.qualification, units: f.units, readings: f.readings || {} }));
const withReading = BASES[BASES.length - 1];

const cases = [];
const add = (name, hash, extra = {}) => cases.push({ name, hash, ...extra });

add('no hash at all', '', { expect: 'nothing' });
BASES.forEach((b, i) => add(`valid link ${i + 1} (${b.qualification})`, `#${shareFragment(b)}`, { accept: b }));

// Cut short.
BASES.forEach((b, i) => {
  const f = shareFragment(b);
  for (const at of [0.05, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95]) add(`link ${i + 1} cut to ${Math.round(at * 100)}%`, `#${f.slice(0, Math.max(1, Math.floor(f.length * at)))}`);
});

// Bits flipped, at seeded random places.
BASES.forEach((b, i) => {
  const f = shareFragment(b);
  const rnd = random(1000 + i);
  const seen = new Set();
  while (seen.size < 30) {
    const at = Math.floor(rnd() * f.length);
    const bit = Math.floor(rnd() * 8);
    if (seen.has(`${at}:${bit}`)) continue;
    seen.add(`${at}:${bit}`);
    const flipped = String.fromCharCode(f.charCodeAt(at) ^ (1 << bit));
    add(`link ${i + 1} with bit ${bit} of character ${at} flipped`, `#${f.slice(0, at)}${flipped}${f.slice(at + 1)}`);
  }
});

// Parts dropped, doubled, renamed or broken.
const parts = (b) => shareFragment(b).split('&');
const STRUCTURAL = {
  'no q part': (b) => parts(b).filter((p) => !p.startsWith('q=')).join('&'),
  'no u part': (b) => parts(b).filter((p) => !p.startsWith('u=')).join('&'),
  'no n part': (b) => parts(b).filter((p) => !p.startsWith('n=')).join('&'),
  'a second, unknown q': (b) => `${shareFragment(b)}&q=no-such-qualification`,
  'an unknown part': (b) => `${shareFragment(b)}&x=1`,
  'a part with no =': (b) => `${shareFragment(b)}&hello`,
  'semicolons for ampersands': (b) => shareFragment(b).replaceAll('&', ';'),
  'upper-case keys': (b) => parts(b).map((p) => p[0].toUpperCase() + p.slice(1)).join('&'),
  'every part twice': (b) => `${shareFragment(b)}&${shareFragment(b)}`,
  'a lone % ending the name': (b) => `${shareFragment(b)}%`,
  'a %zz escape in the name': (b) => `${shareFragment(b)}%zz`,
  'invalid UTF-8 in the name': (b) => `${shareFragment(b)}%FF%FE`,
  'an overlong UTF-8 slash in the name': (b) => `${shareFragment(b)}%C0%AF`,
  'a NUL in a unit code': (b) => shareFragment(b).replace(/u=([^,&]+)/, 'u=$1%00'),
  'empty items in the unit list': (b) => shareFragment(b).replace('u=', 'u=,,,'),
  'a reading with no colon': (b) => `${shareFragment(b)}&r=level-2-credits`,
};
BASES.forEach((b, i) => {
  for (const [what, make] of Object.entries(STRUCTURAL)) add(`link ${i + 1} with ${what}`, `#${make(b)}`);
});

// Unknown qualifications, units and readings.
const b0 = BASES[0];
for (const q of ['no-such-qualification', '', b0.qualification.toUpperCase(), ` ${b0.qualification}`, `${b0.qualification}/../x`]) {
  add(`an unknown qualification ${JSON.stringify(q)}`, `#${shareFragment({ ...b0, qualification: q })}`);
}
for (const u of ['ZZ999', b0.units[0].toLowerCase(), `${b0.units[0]} `]) {
  add(`an unknown unit ${JSON.stringify(u)}`, `#${shareFragment({ ...b0, units: [...b0.units, u] })}`);
}
const [rule] = Object.keys(withReading.readings);
add('an unknown reading of a known rule', `#${shareFragment({ ...withReading, readings: { [rule]: 'sideways' } })}`);
add('a reading of an unknown rule', `#${shareFragment({ ...withReading, readings: { 'no-such-rule': 'x' } })}`);
add('a reading ":"', `#${shareFragment(b0)}&r=:`);
add('a reading "a:b:c"', `#${shareFragment(b0)}&r=a:b:c`);

// Huge counts and sizes (bounded work: answered within 3 s).
const fill = (unit, n) => Array.from({ length: n }, (_, i) => unit(i)).join(',');
const heavy = { heavy: true };
add('100,000 unknown units', `#q=${b0.qualification}&u=${fill((i) => `X${i}`, 100_000)}&n=Many`, heavy);
add('100,000 copies of one valid unit', `#q=${b0.qualification}&u=${fill(() => b0.units[0], 100_000)}&n=Many`, heavy);
add('10,000 unknown units', `#q=${b0.qualification}&u=${fill((i) => `X${i}`, 10_000)}&n=Many`, heavy);
add('1,000,000 commas', `#q=${b0.qualification}&u=${','.repeat(1_000_000)}&n=Commas`, heavy);
add('a 2 MB name', `#${shareFragment({ ...b0, name: '' })}${'N'.repeat(BIG - 300)}`, heavy);
add('a 2 MB unit code', `#q=${b0.qualification}&u=${'U'.repeat(BIG - 100)}&n=x`, heavy);
add('a 2 MB qualification id', `#q=${'Q'.repeat(BIG - 100)}&u=&n=x`, heavy);
add('2 MB of ampersands', `#${'&'.repeat(BIG)}`, heavy);
add('2 MB of escapes', `#q=${b0.qualification}&u=&n=${'%41'.repeat(Math.floor((BIG - 100) / 3))}`, heavy);
add('200,000 readings', `#${shareFragment(b0)}&r=${fill((i) => `r${i}:x`, 200_000)}`, heavy);
add('100,000 name parts', `#q=${b0.qualification}&u=${'&n=x'.repeat(100_000)}`, heavy);
add('a 2 MB #plan= value', `#plan=${'A'.repeat(BIG - 10)}`, heavy);

// Hostile text in every part of a link.
const TEXT = {
  ...MARKUP,
  'a right-to-left override': '\u202Enoitacifilauq\u202C and more',
  'invisible characters only': '\u200B\u200C\u200D\u2060\uFEFF',
  'newlines and tabs': 'line 1\nline 2\r\n\tend',
  '10,000 characters': 'W'.repeat(10_000),
  '1,000 joined emoji': '\u{1F469}\u200D\u{1F393}'.repeat(1000),
};
const PLACES = {
  name: (t) => ({ ...b0, name: t }),
  qualification: (t) => ({ ...b0, qualification: t }),
  unit: (t) => ({ ...b0, units: [...b0.units, t] }),
  'reading rule': (t) => ({ ...withReading, readings: { [t]: 'x' } }),
};
for (const [what, text] of Object.entries(TEXT)) {
  for (const [place, make] of Object.entries(PLACES)) add(`${what} in the ${place}`, `#${shareFragment(make(text))}`);
}

// `#plan=` forms, in case links move to one opaque part.
const json = (p) => JSON.stringify({ name: p.name, qualification: p.qualification, units: p.units, readings: p.readings });
for (const [i, b] of [b0, withReading].entries()) {
  add(`#plan= with base64 JSON (${i + 1})`, `#plan=${Buffer.from(json(b)).toString('base64')}`);
  add(`#plan= with base64url JSON (${i + 1})`, `#plan=${Buffer.from(json(b)).toString('base64url')}`);
  add(`#plan= with the share fragment (${i + 1})`, `#plan=${shareFragment(b)}`);
  add(`#plan= with the escaped share fragment (${i + 1})`, `#plan=${escapeLink(shareFragment(b))}`);
  add(`#plan= with escaped JSON (${i + 1})`, `#plan=${escapeLink(json(b))}`);
  add(`#plan= with base64 JSON cut short (${i + 1})`, `#plan=${Buffer.from(json(b)).toString('base64').slice(0, 30)}`);
}
add('#plan= empty', '#plan=');
add('#plan= with markup', `#plan=${escapeLink(MARKUP['an img with onerror'])}`);
add('#plan= with base64 markup JSON', `#plan=${Buffer.from(json({ ...b0, name: MARKUP['a script element'] })).toString('base64')}`);
add('#plan= with base64 of 100,000 unknown units', `#plan=${Buffer.from(json({ ...b0, units: Array.from({ length: 100_000 }, (_, i) => `X${i}`) })).toString('base64')}`, heavy);

// Hashes that are not plan links.
for (const h of ['#main', '#&&&', '#=', '#q', '#%', '#q=cg-4411-30', '#u=002', '#n=Only%20a%20name']) add(`the hash ${h}`, h);

const SEEDED = { [STORAGE_KEY]: SEED, [CLASSROOM_KEY]: 'false' };

category(
  'links',
  cases,
  async (probe, c) => {
    await probe.newContext();
    await probe.seedOnLoad(SEEDED);
    const page = await probe.newPage();
    await probe.openApp(page, c.hash);
    await probe.settle(page, 200);
    let state = null;
    await probe.check('the page answers within 3 s after opening the link', async () => {
      state = await probe.look(page);
    });
    if (!state) return;

    if (c.expect !== 'nothing') {
      const shown = state.messages.filter((m) => m.visible);
      if (!shown.some((m) => m.offer || /link/i.test(m.text))) {
        probe.fail('an offer of the plan or a refusal in words is shown', `messages on screen: ${JSON.stringify(shown.map((m) => m.text.slice(0, 80)))}`);
      }
    }
    probe.injectionFrom(state.injection);
    probe.messagesBoundedFrom(state.messages);
    // The save may be written again with a new revision mark; its plans and open plan must not change.
    const changed = [...new Set([...Object.keys(SEEDED), ...Object.keys(state.items)])].filter(
      (k) => SEEDED[k] !== state.items[k] && !(k === STORAGE_KEY && typeof state.items[k] === 'string' && sameSave(SEED, state.items[k])),
    );
    if (changed.length) probe.fail('storage is not changed until the user accepts', `changed: ${changed.join(', ')}`);

    if (c.accept) {
      await probe.check('accepting the offer saves the plan', async () => {
        const offer = page.getByRole('region', { name: 'Shared plan', exact: true });
        await offer.getByRole('button', { name: 'Save as a new plan' }).click({ timeout: 3000 });
        await probe.settle(page);
        const { save } = await probe.savedPlans(page);
        if (!holdsPlan(save, c.accept)) throw new Error(`saved: ${JSON.stringify(save?.map((p) => p.name))}`);
      });
    }
  },
  { concurrency: 5, timeout: 90_000 },
);
