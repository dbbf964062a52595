// The machinery of the reliability (attack) suite, tests/e2e/reliability/: one browser and one
// server per category, a fresh browser context per case, and a `Probe` that runs a case's steps
// and records every invariant that does not hold, so a case reports all of them at once. Each
// category writes its results for the summary (tests/e2e/reliability/9-summary.test.mjs), which
// prints the table and the `N passed, N failed` line.
//
// Invariants are stated against the storage design the app follows: the workspace under
// `qualplan.workspace`; whatever the app cannot fully use kept whole under its own key
// `qualplan.kept.<unique>` as {"kept_at", "reason", "from", "text"}, never overwritten (the legacy
// `qualplan.unreadable` and `qualplan.catalogues.unreadable` count as kept copies too); the
// loaded catalogue files under `qualplan.catalogues`.

import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launch } from './browser.mjs';
import { DIST, ROOT, STORAGE_KEY, UNREADABLE_KEY } from './planner.mjs';
import { startServer } from './server.mjs';

export { STORAGE_KEY };
export const CATALOGUES_KEY = 'qualplan.catalogues';
export const KEPT_PREFIX = 'qualplan.kept.';
/** Keys that held a kept copy as bare text before `qualplan.kept.*`. */
export const LEGACY_KEPT = [UNREADABLE_KEY, 'qualplan.catalogues.unreadable'];
export const CLASSROOM_KEY = 'qualplan.classroom';

/** The bounds every case holds the app to. */
export const LIMITS = {
  /** ms for the page to mount (its heading visible). */
  mount: 5_000,
  /** ms for the page to answer `page.evaluate(() => 1)`. */
  answer: 3_000,
  /** characters in any one message on screen. */
  message: 600,
  /** ms for a message to appear after an action that must be answered in words. */
  told: 5_000,
};

// ---------------------------------------------------------------------------------------------
// Categories, selection and results

/** The categories, in the order the summary lists them. */
export const CATEGORIES = ['saved-states', 'quota', 'two-tabs', 'links', 'files', 'csp', 'offline-release', 'framing'];

/** QUALPLAN_RELIABILITY=links,files runs only those categories (all when unset). */
export function selected(category) {
  const chosen = (process.env.QUALPLAN_RELIABILITY || '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return !chosen.length || chosen.includes(category);
}

/**
 * Where this run's categories leave their results for the summary: one folder per `node --test`
 * run (its files run as children of one process), or QUALPLAN_RELIABILITY_RESULTS.
 */
export function resultsDir() {
  return process.env.QUALPLAN_RELIABILITY_RESULTS || path.join(os.tmpdir(), `qualplan-reliability-${process.ppid}`);
}

function writeResults(category, results) {
  const dir = resultsDir();
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${category}.json`), JSON.stringify({ category, results }));
}

/** Every category's results this run left, in CATEGORIES order; the folder is then removed. */
export function takeResults() {
  const dir = resultsDir();
  let files = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
  const all = files.map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')));
  rmSync(dir, { recursive: true, force: true });
  return all.sort((a, b) => CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category));
}

/** The plain table: category, cases, failures; then `N passed, N failed` alone on a line. */
export function summaryTable(categories) {
  const rows = categories.map(({ category, results }) => [
    category,
    String(results.length),
    String(results.filter((r) => r.failures.length).length),
  ]);
  const head = ['category', 'cases', 'failures'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const cases = categories.flatMap((c) => c.results);
  const failed = cases.filter((r) => r.failures.length).length;
  return [
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    line(widths.map((w) => '-'.repeat(w))),
    line(['total', String(cases.length), String(failed)]),
    '',
    `${cases.length - failed} passed, ${failed} failed`,
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Running a category

/**
 * Declares a category's cases as tests. `cases`: [{name, heavy?, ...}]; `body(probe, c)` runs one
 * case and records failed invariants on the probe. Light cases run `concurrency` at a time; heavy
 * ones (those that may keep a page busy for seconds) one at a time after them, so a busy page
 * does not slow the others past their bounds.
 */
export function category(name, cases, body, { concurrency = 3, serviceWorkers = 'block', timeout = 60_000 } = {}) {
  const skip = selected(name) ? false : 'not chosen in QUALPLAN_RELIABILITY';
  const names = new Set();
  for (const c of cases) {
    assert.ok(!names.has(c.name), `${name}: two cases are named ${c.name}`);
    names.add(c.name);
  }
  const env = {};
  const results = [];
  const run = (c) => async () => {
    const probe = new Probe(env, { serviceWorkers });
    const started = Date.now();
    // Counted as failed until it finishes, so a case cut off by its time limit is in the summary.
    const result = { name: c.name, ms: timeout, failures: [`the case finishes within ${timeout / 1000} s`] };
    results.push(result);
    try {
      await body(probe, c);
    } catch (e) {
      probe.failures.push(`the case ran to its end: ${short(e.stack || e.message)}`);
    } finally {
      await probe.close();
    }
    probe.checkErrors();
    Object.assign(result, { ms: Date.now() - started, failures: probe.failures });
    if (probe.failures.length) {
      throw new Error(`${probe.failures.length} invariant(s) do not hold:\n  - ${probe.failures.join('\n  - ')}`);
    }
  };
  describe(name, { skip }, () => {
    before(async () => {
      env.server = await startServer(DIST);
      env.browser = await launch();
    });
    after(async () => {
      await env.browser?.close();
      await env.server?.close();
      if (skip) return;
      writeResults(name, results);
      const failed = results.filter((r) => r.failures.length).length;
      console.log(`reliability ${name}: ${results.length} cases, ${failed} failures`);
    });
    const light = cases.filter((c) => !c.heavy);
    const heavy = cases.filter((c) => c.heavy);
    if (light.length) {
      describe(`${name} (${concurrency} at a time)`, { concurrency }, () => {
        for (const c of light) it(c.name, { timeout }, run(c));
      });
    }
    if (heavy.length) {
      describe(`${name} (heavy, one at a time)`, { concurrency: 1 }, () => {
        for (const c of heavy) it(c.name, { timeout }, run(c));
      });
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Small helpers

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A message shortened for a report (inputs can be megabytes). */
export function short(text, max = 300) {
  const s = String(text);
  return s.length <= max ? s : `${s.slice(0, max)}\u2026 (${s.length} chars)`;
}

/** `promise`, or a rejection after `ms`. */
export function within(ms, promise, what = 'the page') {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
    }),
  ]);
}

/** A seeded pseudo-random generator (mulberry32): the same cases every run. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The README's worked example catalogue file, parsed (a fresh copy each call). */
export function retailCatalogue() {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  return JSON.parse(readme.split('<!-- worked-example:start -->')[1].split('```json')[1].split('```')[0]);
}

/**
 * Markup and script a hostile input carries. Every element is marked `data-pwn` and every script
 * sets `window.__pwned`, so the page can be searched for what got through.
 */
export const MARKUP = {
  'an img with onerror': '<img data-pwn src=x onerror="window.__pwned=1">',
  'a script element': '<script data-pwn>window.__pwned=1</script>',
  'an svg with onload': '<svg data-pwn onload="window.__pwned=1"></svg>',
  'an iframe with srcdoc': '<iframe data-pwn srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  'a style element': '<style data-pwn>*{display:none!important}</style>',
  'a javascript: link': '<a data-pwn href="javascript:window.__pwned=1">open</a>',
  'an attribute break-out': '"><img data-pwn src=x onerror=window.__pwned=1>',
  'closing tags first': '</p></div></option></select><b data-pwn>bold</b>',
  'a javascript: URL': 'javascript:window.__pwned=1',
  'an object with a javascript: URL': '<object data-pwn data="javascript:window.__pwned=1"></object>',
};

// ---------------------------------------------------------------------------------------------
// Saved text and what it means

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const keysWithin = (o, allowed) => Object.keys(o).every((k) => allowed.includes(k));
const strings = (a) => Array.isArray(a) && a.every((s) => typeof s === 'string');
const stringMap = (o) => isObject(o) && Object.values(o).every((s) => typeof s === 'string');

/**
 * The plans a saved text holds, in a form that ignores layout, key order, defaults and which plan
 * is open, and which write of which tab it is (`rev`, `base`): [{name, qualification, units,
 * readings, record, study}] (a version-1 save's invented name is null; record and study as JSON
 * text, empty when absent). null when the text is not a plain version-1, 2 or 3 save every part
 * of which the current format holds (anything else can only be kept whole). Version 3 added a
 * plan's learner's record and study rate; a version-2 save reads as version 3 without them.
 */
export function meaning(text) {
  let v;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(v)) return null;
  const plan = (p, name) => {
    if (!isObject(p) || !keysWithin(p, ['name', 'qualification', 'units', 'readings', 'record', 'study'])) return null;
    if (name === undefined && typeof p.name !== 'string') return null;
    if (typeof p.qualification !== 'string') return null;
    if (p.units !== undefined && !strings(p.units)) return null;
    if (p.readings !== undefined && !stringMap(p.readings)) return null;
    const readings = Object.fromEntries(Object.entries(p.readings || {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    if (p.record !== undefined && !Array.isArray(p.record)) return null;
    const record = JSON.stringify((p.record || []).map((r) => Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))));
    const study = JSON.stringify(p.study ?? null);
    return { name: name === undefined ? p.name : name, qualification: p.qualification, units: p.units || [], readings, record, study };
  };
  if (v.version === 1 && keysWithin(v, ['version', 'qualification', 'units'])) {
    const p = plan({ qualification: v.qualification, units: v.units }, null);
    return p && [p];
  }
  // `rev` and `base` mark which write of which tab a save is; they hold no plan.
  if ((v.version !== 2 && v.version !== 3) || !keysWithin(v, ['version', 'current', 'plans', 'rev', 'base']) || !Array.isArray(v.plans)) return null;
  const plans = v.plans.map((p) => plan(p));
  return plans.every(Boolean) ? plans : null;
}

const samePlan = (a, b) =>
  (a.name === null || b.name === null || a.name === b.name) &&
  a.qualification === b.qualification &&
  JSON.stringify(a.units) === JSON.stringify(b.units) &&
  JSON.stringify(a.readings) === JSON.stringify(b.readings) &&
  a.record === b.record &&
  a.study === b.study;

/**
 * Whether every plan of `before` is in `now` as it was (plans the app added, such as a fresh
 * plan when none was left, do not matter); with `edited`, one of them may have exactly one more
 * unit at its end (the user's edit).
 */
export function covers(before, now, { edited = false } = {}) {
  if (!before || !now) return false;
  const free = now.map(() => true);
  let edits = edited ? 1 : 0;
  const take = (match) => {
    const i = now.findIndex((p, j) => free[j] && match(p));
    if (i < 0) return false;
    free[i] = false;
    return true;
  };
  for (const b of before) {
    if (take((p) => samePlan(b, p))) continue;
    const grown = (p) => p.units.length === b.units.length + 1 && samePlan(b, { ...p, units: p.units.slice(0, -1) });
    if (edits > 0 && take(grown)) {
      edits--;
      continue;
    }
    return false;
  }
  return true;
}

/** Where in `plans` (a meaning) a plan with this name, qualification and units is. */
export function holdsPlan(plans, want) {
  return !!plans && plans.some((p) => p.name === want.name && p.qualification === want.qualification && JSON.stringify(p.units) === JSON.stringify(want.units));
}

/** A version-2 save's text, written as the app writes it (so an unchanged save stays byte-equal). */
export function saveText(plans, current = 0) {
  return JSON.stringify({
    version: 2,
    current,
    plans: plans.map((p) => ({ name: p.name, qualification: p.qualification, units: p.units || [], readings: p.readings || {} })),
  });
}

/** The fragment share.rs writes for a plan: `q=..&u=..[&r=..]&n=..`, each part percent-escaped. */
export function shareFragment(plan) {
  const parts = [`q=${escapeLink(plan.qualification)}`, `u=${(plan.units || []).map(escapeLink).join(',')}`];
  const readings = Object.entries(plan.readings || {});
  if (readings.length) parts.push(`r=${readings.map(([r, v]) => `${escapeLink(r)}:${escapeLink(v)}`).join(',')}`);
  parts.push(`n=${escapeLink(plan.name || '')}`);
  return parts.join('&');
}

export function escapeLink(s) {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9\-_.~/]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// In the page

/** Traps installed before any page script: a script run from input, and policy violations. */
function traps() {
  window.__violations = [];
  document.addEventListener(
    'securitypolicyviolation',
    (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI || ''} ${e.sample || ''}`.trim()),
    true,
  );
  let pwned;
  Object.defineProperty(window, '__pwned', {
    configurable: false,
    get: () => pwned,
    set: (v) => {
      pwned = v === undefined ? 'set to undefined' : v;
    },
  });
}

/**
 * What the page's storage keeps, read in the page: each key's digest, the kept copies (well formed
 * or not) and whether `original` (when given) is still in place or in a kept copy.
 */
function readStorage({ original, keptPrefix, legacy, workspaceKey }) {
  // A 64-bit digest (two FNV-1a variants over the UTF-16 code units) and the length. (Written
  // here, not passed in as text: the app's policy forbids eval.)
  const digest = (s) => {
    let a = 0x811c9dc5;
    let b = 0x01000193 ^ s.length;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 13);
    }
    return `${(a >>> 0).toString(16)}:${(b >>> 0).toString(16)}:${s.length}`;
  };
  const keys = [];
  for (let i = 0; i < localStorage.length; i++) keys.push(localStorage.key(i));
  const digests = {};
  const kept = [];
  for (const k of keys) {
    const v = localStorage.getItem(k);
    digests[k] = digest(v);
    if (k.startsWith(keptPrefix)) {
      let record = null;
      try {
        record = JSON.parse(v);
      } catch {
        record = null;
      }
      const wellFormed =
        !!record &&
        typeof record === 'object' &&
        typeof record.kept_at === 'number' &&
        typeof record.reason === 'string' &&
        record.reason.trim() !== '' &&
        typeof record.from === 'string' &&
        typeof record.text === 'string';
      kept.push({ key: k, wellFormed, text: wellFormed ? record.text : null, raw: v });
    } else if (legacy.includes(k)) {
      kept.push({ key: k, wellFormed: true, text: v, raw: v });
    }
  }
  const place = original === undefined ? null : localStorage.getItem(workspaceKey) === original;
  const keptIn = original === undefined ? [] : kept.filter((c) => c.text === original).map((c) => c.key);
  return {
    digests,
    kept: kept.map((c) => ({ key: c.key, wellFormed: c.wellFormed, digest: digest(c.raw), textDigest: c.text === null ? null : digest(c.text), length: c.raw.length })),
    inPlace: place,
    keptIn,
  };
}

/** The messages on screen: alerts, statuses, dialogs and the shared-plan offer, one per item. */
function readMessages() {
  const shown = (e) => {
    for (let n = e; n; n = n.parentElement) {
      const s = getComputedStyle(n);
      if (s.display === 'none' || s.visibility === 'hidden') return false;
    }
    const r = e.getBoundingClientRect();
    return r.width > 1 && r.height > 1;
  };
  const out = [];
  const boxes = document.querySelectorAll(
    '[role=alert], [role=alertdialog], dialog[open], [role=status], [role=region][aria-label="Shared plan"]',
  );
  for (const box of boxes) {
    // A shared plan's offer is read by its summary sentence; its lists are the plan, not messages.
    const summary = box.getAttribute('aria-label') === 'Shared plan' ? box.querySelector('.shared-summary') : null;
    const items = summary ? [] : box.querySelectorAll('li');
    const texts = summary ? [summary.textContent] : items.length ? [...items].map((li) => li.textContent) : [box.textContent];
    for (const t of texts) {
      const text = t.trim();
      if (!text) continue;
      out.push({
        role: box.getAttribute('role') || box.tagName.toLowerCase(),
        offer: box.getAttribute('aria-label') === 'Shared plan',
        visible: shown(box),
        length: text.length,
        text: text.length > 400 ? `${text.slice(0, 400)}\u2026` : text,
      });
    }
  }
  return out;
}

/** What came from input and must not be in the page: marked elements, a script run, violations. */
function readInjection() {
  return {
    marked: [...document.querySelectorAll('[data-pwn]')].map((e) => e.outerHTML.slice(0, 120)),
    pwned: window.__pwned === undefined ? null : String(window.__pwned),
    violations: window.__violations || [],
  };
}

// ---------------------------------------------------------------------------------------------
// The probe: one case's browser context, pages and failed invariants

export class Probe {
  constructor(env, { serviceWorkers = 'block' } = {}) {
    this.env = env;
    this.serviceWorkers = serviceWorkers;
    this.failures = [];
    this.errors = [];
    this.contexts = [];
    this.frozen = new Set();
    /** Every kept copy seen: key -> digest, to check none is ever overwritten. */
    this.keptSeen = new Map();
  }

  get server() {
    return this.env.server;
  }
  get url() {
    return this.env.server.url;
  }

  /** Records a failed invariant (once per wording). */
  fail(invariant, detail = '') {
    const line = detail ? `${invariant}: ${short(detail)}` : invariant;
    if (!this.failures.includes(line)) this.failures.push(line);
    return false;
  }

  /** Runs `fn`; a throw is a failure of `invariant`. Returns whether it held. */
  async check(invariant, fn) {
    try {
      const r = await fn();
      if (r === false) return this.fail(invariant);
      return true;
    } catch (e) {
      return this.fail(invariant, e.message);
    }
  }

  /** A fresh context (its own storage), with the traps installed and a seeding page. */
  async newContext(options = {}) {
    const context = await this.env.browser.newContext({
      viewport: { width: 1280, height: 900 },
      reducedMotion: 'reduce',
      serviceWorkers: this.serviceWorkers,
      ...options,
    });
    context.setDefaultTimeout(LIMITS.answer);
    context.setDefaultNavigationTimeout(15_000);
    // A service worker's console errors count as the page's.
    const watch = (worker) =>
      worker.on('console', (msg) => {
        if (msg.type() === 'error') this.errors.push(`service worker console: ${msg.text()}`);
      });
    context.on('serviceworker', watch);
    for (const w of context.serviceWorkers()) watch(w);
    await context.addInitScript(traps);
    this.contexts.push(context);
    this.context = context;
    return context;
  }

  async newPage(context = this.context) {
    const page = await context.newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error') this.errors.push(`console: ${msg.text()}`);
    });
    page.on('pageerror', (err) => this.errors.push(`page: ${err.message}`));
    page.on('crash', () => this.errors.push('page: the page crashed'));
    return page;
  }

  /**
   * Writes `items` into the origin's storage as the first page of the context loads (before the
   * app's script runs), without a page of its own: for small items.
   */
  async seedOnLoad(items) {
    await this.context.addInitScript((items) => {
      if (sessionStorage.getItem('qualplan-reliability.seeded')) return;
      sessionStorage.setItem('qualplan-reliability.seeded', '1');
      for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v);
    }, items);
  }

  /**
   * One look at the page, in one call: the messages, what got in from input, and every storage
   * item (values over 100,000 characters as their length only).
   */
  async look(page) {
    const items = () => {
      const out = {};
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i);
        const v = localStorage.getItem(k);
        out[k] = v.length > 100_000 ? { length: v.length } : v;
      }
      return out;
    };
    return this.inPage(page, `({ messages: (${readMessages})(), injection: (${readInjection})(), items: (${items})() })`);
  }

  /** Records the invariants about what got in from input, from `look`'s answer. */
  injectionFrom(state) {
    if (state.marked.length) this.fail('no element from input in the page', state.marked.join(' '));
    if (state.pwned !== null) this.fail('no script from input runs', `window.__pwned = ${state.pwned}`);
    if (state.violations.length) this.fail('no Content-Security-Policy violation', state.violations.join('; '));
  }

  /** Records the 600-character bound on messages, from `look`'s answer. */
  messagesBoundedFrom(messages) {
    const long = messages.filter((m) => m.length > LIMITS.message);
    if (long.length) {
      this.fail(
        `no message on screen is longer than ${LIMITS.message} characters`,
        `${long.length} message(s), the longest ${Math.max(...long.map((m) => m.length))} characters: ${short(long[0].text, 160)}`,
      );
    }
  }

  /** Writes `items` into the origin's storage from a blank page of the origin. */
  async seed(page, items) {
    // A blank page of the app's origin, routed only for this: while a route is set, every
    // request of the context waits on this process.
    // (Its icon is named, so the browser does not ask the server for /favicon.ico.)
    const blank = (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>seed</title><link rel="icon" href="data:,">' });
    await page.context().route('**/__seed', blank);
    await page.goto(`${this.url}__seed`);
    await page.context().unroute('**/__seed', blank);
    await page.evaluate((items) => {
      for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v);
    }, items);
  }

  /**
   * Fills the origin's storage with filler keys until it is full, then frees about `room`
   * characters (of one-byte text). Returns the characters the filler took.
   */
  async fill(page, room) {
    return page.evaluate((room) => {
      let i = 0;
      let total = 0;
      for (let chunk = 1 << 21; chunk >= 1; ) {
        try {
          localStorage.setItem(`filler.${i}`, 'x'.repeat(chunk));
          i++;
          total += chunk;
        } catch {
          chunk >>= 1;
        }
      }
      // Free `room`: drop fillers from the largest until enough is free, then give back the rest.
      let freed = 0;
      for (let j = 0; j < i && freed < room; j++) {
        const v = localStorage.getItem(`filler.${j}`);
        localStorage.removeItem(`filler.${j}`);
        freed += v.length + `filler.${j}`.length;
      }
      if (freed > room) {
        try {
          localStorage.setItem('filler.back', 'x'.repeat(Math.max(0, freed - room - 'filler.back'.length)));
        } catch {
          /* already as full as it gets */
        }
      }
      return total;
    }, room);
  }

  /**
   * Opens the app in `page` (at `hash`, '' for none) and checks it mounts. Returns whether the
   * heading showed.
   */
  async openApp(page, hash = '') {
    try {
      await page.goto(this.url + hash, { waitUntil: 'commit' });
    } catch (e) {
      return this.fail('the page opens', e.message);
    }
    return this.mounted(page);
  }

  async mounted(page) {
    return this.check(`the page mounts (heading visible and loading message gone within ${LIMITS.mount / 1000} s)`, async () => {
      const end = Date.now() + LIMITS.mount;
      // The heading first: the page's markup (its loading message, and the inert first screen
      // with its own heading) has then arrived, and the app removes the message once mounted.
      await page.getByRole('heading', { name: 'qualplan', level: 1 }).first().waitFor({ timeout: LIMITS.mount });
      await page.locator('#loading').waitFor({ state: 'detached', timeout: Math.max(1, end - Date.now()) });
    });
  }

  /** Runs `fn` in the page, failing fast if the page no longer answers. */
  async inPage(page, fn, arg, ms = LIMITS.answer) {
    if (this.frozen.has(page)) throw new Error('not checked: the page had stopped answering');
    try {
      return await within(ms, page.evaluate(fn, arg));
    } catch (e) {
      if (/did not answer/.test(e.message)) this.frozen.add(page);
      throw e;
    }
  }

  /** The invariant that the page answers `page.evaluate(() => 1)` within 3 s. */
  async answers(page, when = '') {
    return this.check(`the page answers within ${LIMITS.answer / 1000} s${when ? ` ${when}` : ''}`, async () => {
      if (this.frozen.has(page)) throw new Error('it had already stopped answering');
      await this.inPage(page, () => 1);
    });
  }

  /** Keeps asking the page for `ms`; every answer must come within 3 s. */
  async staysResponsive(page, ms, when = '') {
    return this.check(`the page answers within ${LIMITS.answer / 1000} s${when ? ` ${when}` : ''}`, async () => {
      const end = Date.now() + ms;
      let worst = 0;
      while (Date.now() < end) {
        const t = Date.now();
        await this.inPage(page, () => new Promise((r) => setTimeout(r, 0)));
        worst = Math.max(worst, Date.now() - t);
        await sleep(150);
      }
      return worst <= LIMITS.answer;
    });
  }

  /** Lets the app's effects (saving, storage events) run. */
  async settle(page, ms = 250) {
    if (this.frozen.has(page)) return;
    try {
      await this.inPage(page, (ms) => new Promise((r) => setTimeout(r, ms)), ms, ms + LIMITS.answer);
    } catch {
      /* reported by the responsiveness checks */
    }
  }

  /** Storage as readStorage reads it; `original` is looked for under `key` and in kept copies. */
  async storage(page, original, key = STORAGE_KEY) {
    const s = await this.inPage(page, readStorage, {
      original,
      keptPrefix: KEPT_PREFIX,
      legacy: LEGACY_KEPT,
      workspaceKey: key,
    });
    for (const c of s.kept) if (!this.keptSeen.has(c.key)) this.keptSeen.set(c.key, c.digest);
    return s;
  }

  async item(page, key) {
    return this.inPage(page, (k) => localStorage.getItem(k), key);
  }

  async messages(page) {
    return this.inPage(page, readMessages);
  }

  /** The visible messages (the verdict's hidden live region is not one). */
  async visibleMessages(page) {
    return (await this.messages(page)).filter((m) => m.visible);
  }

  /** The invariant: no message on screen is longer than 600 characters. */
  async messagesBounded(page) {
    return this.check(`no message on screen is longer than ${LIMITS.message} characters`, async () => {
      const long = (await this.messages(page)).filter((m) => m.length > LIMITS.message);
      if (long.length) throw new Error(`${long.length} message(s), the longest ${Math.max(...long.map((m) => m.length))} characters: ${short(long[0].text, 160)}`);
    });
  }

  /** Waits (up to `ms`) for a visible message matching `pattern`; returns it or null. */
  async waitForMessage(page, pattern = /\S/, ms = LIMITS.told) {
    const end = Date.now() + ms;
    for (;;) {
      const found = (await this.visibleMessages(page)).find((m) => pattern.test(m.text));
      if (found) return found;
      if (Date.now() > end) return null;
      await sleep(100);
    }
  }

  /** The invariant: nothing from input became markup, ran as script or broke the policy. */
  async noInjection(page) {
    let state;
    try {
      state = await this.inPage(page, readInjection);
    } catch (e) {
      return this.fail('no element from input in the page', e.message);
    }
    this.injectionFrom(state);
    return !state.marked.length && state.pwned === null && !state.violations.length;
  }

  /** The invariant: no kept copy seen so far has changed or gone, and every one is well formed. */
  async keptCopiesIntact(page) {
    return this.check('kept copies are well formed and never overwritten', async () => {
      const now = await this.storage(page);
      const byKey = new Map(now.kept.map((c) => [c.key, c]));
      const bad = now.kept.filter((c) => !c.wellFormed).map((c) => `${c.key} is not {"kept_at","reason","from","text"}`);
      for (const [key, digest] of this.keptSeen) {
        const c = byKey.get(key);
        if (!c) bad.push(`${key} is gone`);
        else if (c.digest !== digest) bad.push(`${key} was overwritten`);
      }
      if (bad.length) throw new Error(bad.join('; '));
    });
  }

  /**
   * The invariant that nothing of `original` is lost: the text is still under qualplan.workspace
   * unchanged, or whole in a kept copy, or the save still holds every plan of it as it was
   * (`edited`: but for the one unit the user added).
   */
  async nothingLost(page, original, { when = '', edited = false, key = STORAGE_KEY } = {}) {
    const invariant = `nothing is lost${when ? ` ${when}` : ''}`;
    let s;
    try {
      s = await this.storage(page, original, key);
    } catch (e) {
      return this.fail(invariant, e.message);
    }
    if (s.inPlace || s.keptIn.length) return true;
    if (key !== STORAGE_KEY) {
      return this.fail(invariant, `the original text of ${key} (${original.length} chars) is neither in place unchanged nor in a kept copy`);
    }
    const before = meaning(original);
    if (before) {
      let now = null;
      try {
        now = meaning(await this.item(page, STORAGE_KEY));
      } catch (e) {
        return this.fail(invariant, e.message);
      }
      if (covers(before, now, { edited })) return true;
      return this.fail(
        invariant,
        `the original text (${original.length} chars) is neither in ${STORAGE_KEY} unchanged nor in a kept copy, and the save no longer holds its plans as they were (${now ? `${now.length} plans saved` : 'the save is not a plain version-2 save'}, ${before.length} in the original)`,
      );
    }
    return this.fail(
      invariant,
      `the original text (${original.length} chars, not a save the current format holds whole) is neither in ${STORAGE_KEY} unchanged nor in a kept copy`,
    );
  }

  /** Clicks the first Add button of the available units; returns the code added, or null. */
  async addUnit(page) {
    try {
      const button = page.getByRole('list', { name: 'Available units', exact: true }).getByRole('button', { name: /^Add /, disabled: false }).first();
      const name = await within(LIMITS.answer, button.getAttribute('aria-label', { timeout: LIMITS.answer }));
      const code = name.replace(/^Add /, '');
      await within(LIMITS.answer, button.click({ timeout: LIMITS.answer }));
      await page
        .getByRole('list', { name: 'Your plan', exact: true })
        .getByRole('button', { name: `Remove ${code}`, exact: true })
        .waitFor({ timeout: LIMITS.answer });
      await this.settle(page);
      return code;
    } catch (e) {
      this.fail('the user can add a unit (the edit that triggers a save)', e.message);
      return null;
    }
  }

  /** The names in the Plan select. */
  async planNames(page) {
    return this.inPage(page, () => [...document.querySelectorAll('#plan-select option')].map((o) => o.textContent));
  }

  async currentPlanName(page) {
    return this.inPage(page, () => document.querySelector('#plan-select')?.selectedOptions[0]?.textContent ?? null);
  }

  /** Opens the plan named `name` with the Plan select. */
  async switchPlan(page, name) {
    await within(LIMITS.answer, page.locator('#plan-select').selectOption({ label: name }, { timeout: LIMITS.answer }));
    await this.settle(page);
  }

  /** Renames the open plan: with a "New name" box always there, or one "Rename plan" opens. */
  async renamePlan(page, name) {
    const box = page.getByRole('textbox', { name: 'New name', exact: true });
    if (!(await box.isVisible())) {
      await within(LIMITS.answer, page.getByRole('button', { name: 'Rename plan', exact: true }).click({ timeout: LIMITS.answer }));
    }
    await box.fill(name, { timeout: LIMITS.answer });
    const save = page.getByRole('button', { name: 'Save name', exact: true });
    const submit = (await save.count()) ? save : page.getByRole('button', { name: 'Rename plan', exact: true });
    await within(LIMITS.answer, submit.click({ timeout: LIMITS.answer }));
    await this.settle(page);
  }

  /** Deletes the open plan, confirming where the app asks. */
  async deletePlan(page) {
    await within(LIMITS.answer, page.getByRole('button', { name: 'Delete plan', exact: true }).click({ timeout: LIMITS.answer }));
    const confirm = page.getByRole('group', { name: 'Confirm delete' }).getByRole('button', { name: /^(Delete|Empty) / });
    if (await confirm.waitFor({ timeout: 1000 }).then(() => true, () => false)) {
      await within(LIMITS.answer, confirm.click({ timeout: LIMITS.answer }));
    }
    await this.settle(page);
  }

  async newPlan(page) {
    await within(LIMITS.answer, page.getByRole('button', { name: 'New plan', exact: true }).click({ timeout: LIMITS.answer }));
    await this.settle(page);
  }

  /** Chooses a qualification by id in the Qualification select. */
  async chooseQualification(page, id) {
    await within(LIMITS.answer, page.getByRole('combobox', { name: 'Qualification', exact: true }).selectOption(id, { timeout: LIMITS.answer }));
    await this.settle(page);
  }

  /** The saved plans: the meaning of qualplan.workspace, and of every kept copy's text. */
  async savedPlans(page) {
    const texts = await this.inPage(page, ({ key, prefix, legacy }) => {
      const out = { save: localStorage.getItem(key), kept: [] };
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i);
        const v = localStorage.getItem(k);
        if (legacy.includes(k)) out.kept.push(v);
        else if (k.startsWith(prefix)) {
          try {
            out.kept.push(JSON.parse(v).text);
          } catch {
            /* not well formed: keptCopiesIntact reports it */
          }
        }
      }
      return out;
    }, { key: STORAGE_KEY, prefix: KEPT_PREFIX, legacy: LEGACY_KEPT });
    return {
      save: texts.save === null ? null : meaning(texts.save),
      kept: texts.kept.filter((t) => typeof t === 'string').map(meaning).filter(Boolean),
      keptTexts: texts.kept.filter((t) => typeof t === 'string'),
    };
  }

  /** Gives `files` ({name, buffer} or a path) to the file input labelled `label`. */
  async chooseFile(page, label, files) {
    const input = page.getByLabel(label, { exact: true });
    await within(30_000, input.setInputFiles(files, { timeout: 30_000 }), 'the file input');
  }

  /** Records errors the pages logged as a failed invariant. */
  checkErrors() {
    if (this.errors.length) {
      this.fail('no error in the console or the page', [...new Set(this.errors)].slice(0, 3).join(' | '));
    }
  }

  async close() {
    for (const c of this.contexts) {
      await within(10_000, c.close(), 'closing the context').catch(() => undefined);
    }
  }
}
