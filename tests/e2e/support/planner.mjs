// A page object for qualplan, so that a test reads like a person's steps: open the app, choose a
// qualification, add or drag units, read the totals, the rules and the verdict. Elements are found
// the way a user finds them: by role and accessible name.
//
// Also here: the per-file harness (`harness()`: one server and one browser per test file, a fresh
// browser context per test, and a test fails on any console error or page error), the command-line
// oracle (`cliCheck`), the plan fixtures (`fixturePlans`) and a polling assertion (`eventually`).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launch, openPage } from './browser.mjs';
import { startServer } from './server.mjs';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DIST = path.resolve(process.env.QUALPLAN_DIST || path.join(ROOT, 'dist'));
export const CLI = process.env.QUALPLAN_CLI || path.join(ROOT, 'target', 'debug', 'qualplan');
export const AXE = fileURLToPath(new URL('../node_modules/axe-core/axe.min.js', import.meta.url));
export const STORAGE_KEY = 'qualplan.workspace';
export const KEPT_PREFIX = 'qualplan.kept.';
// Where earlier versions kept one unreadable save (listed as a kept copy).
export const UNREADABLE_KEY = 'qualplan.unreadable';

// ---------------------------------------------------------------------------------------------
// Harness

/** Records console errors and page errors of `page` into `errors`. */
export function watchErrors(page, errors) {
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`page: ${err.message}`));
}

/**
 * Starts one static server and one browser for the test file, and returns `app(body, options)`,
 * which wraps a test body: a fresh context (its own local storage), a `Planner` on a new page,
 * and a failure if the page (or any other tab the test opened) logged an error.
 */
export function harness() {
  const env = {};
  before(async () => {
    env.server = await startServer(DIST);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return (body, options = {}) =>
    async (t) => {
      const { context, page, errors } = await openPage(env.browser, {
        viewport: options.viewport || { width: 1280, height: 900 },
        reducedMotion: 'reduce',
      });
      context.setDefaultTimeout(options.timeout || 10_000);
      const planner = new Planner(page, env.server.url, errors);
      planner.server = env.server;
      try {
        await body(planner, t);
      } catch (e) {
        if (!errors.length) throw e;
        // Errors from the page usually explain a failure: report them with it.
        throw new Error(`${e.message}\nbrowser errors:\n  ${errors.join('\n  ')}`, { cause: e });
      } finally {
        await context.close();
      }
      assert.deepEqual(errors, [], 'the page logged console errors or page errors');
    };
}

/**
 * Run in the page (`page.evaluate(refuseToMake, tag)` or `page.addInitScript(refuseToMake, tag)`):
 * from then on the page refuses to make `tag` elements, a fault the app does not expect, so the
 * next drawing that needs one panics.
 */
export function refuseToMake(tag) {
  const make = Document.prototype.createElement;
  Document.prototype.createElement = function (name, ...rest) {
    if (String(name).toLowerCase() === tag) throw new Error(`refused to make a ${tag}`);
    return make.call(this, name, ...rest);
  };
}

/** Whether the element's box lies wholly inside the viewport (to a pixel's rounding). */
export async function inView(locator) {
  const box = await locator.boundingBox();
  const vp = locator.page().viewportSize();
  return Boolean(box) && box.y >= 0 && box.x >= 0 && box.y + box.height <= vp.height + 1 && box.x + box.width <= vp.width + 1;
}

/** Retries `check` (which throws on failure) until it passes or `timeout` ms have gone. */
export async function eventually(check, timeout = 5000) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > end) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The command line and the fixtures

export const cliAvailable = existsSync(CLI);

/** `qualplan check <qual> <units>... [--reading r=x]... --json`, parsed. */
export function cliCheck(qualification, units, readings = {}) {
  const args = ['check', qualification, ...units];
  for (const [rule, reading] of Object.entries(readings)) args.push('--reading', `${rule}=${reading}`);
  args.push('--json');
  const r = spawnSync(CLI, args, { encoding: 'utf8' });
  if (r.error) throw r.error;
  if (r.status !== 0 && r.status !== 1) {
    throw new Error(`qualplan ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  return JSON.parse(r.stdout);
}

function cliJson(args, okStatuses = [0]) {
  const r = spawnSync(CLI, [...args, '--json'], { encoding: 'utf8' });
  if (r.error) throw r.error;
  if (!okStatuses.includes(r.status)) throw new Error(`qualplan ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** `qualplan progress <DOC:CODE>... --json`, parsed. */
export function cliProgress(units) {
  return cliJson(['progress', ...units]);
}

/** `qualplan complete <qual> <units>... --minimise <what> --json`, parsed. */
export function cliComplete(qualification, units, minimise = 'credits') {
  return cliJson(['complete', qualification, ...units, '--minimise', minimise], [0, 1]);
}

/** `qualplan qualifications --json`, parsed. */
export function cliQualifications() {
  const r = spawnSync(CLI, ['qualifications', '--json'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`qualplan qualifications exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** `qualplan units <qual> --json`, parsed. */
export function cliUnits(qualification) {
  const r = spawnSync(CLI, ['units', qualification, '--json'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`qualplan units ${qualification} exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** Every plan in tests/fixtures/plans-*.json, each with its document number. */
export function fixturePlans() {
  const dir = path.join(ROOT, 'tests', 'fixtures');
  return readdirSync(dir)
    .filter((f) => /^plans-\d+\.json$/.test(f))
    .sort()
    .flatMap((f) => {
      const doc = f.match(/\d+/)[0];
      return JSON.parse(readFileSync(path.join(dir, f), 'utf8')).plans.map((p, i) => ({ ...p, doc, index: i }));
    });
}

/** The fixture plan with exactly these units (and readings), failing loudly if it is gone. */
export function fixturePlan(qualification, units, readings = {}) {
  const found = fixturePlans().find(
    (p) =>
      p.qualification === qualification &&
      JSON.stringify(p.units) === JSON.stringify(units) &&
      JSON.stringify(p.readings || {}) === JSON.stringify(readings),
  );
  assert.ok(found, `no fixture plan ${qualification} ${units.join(' ')} ${JSON.stringify(readings)}`);
  return found;
}

/**
 * The rules of a `check --json` answer as the screen shows them, parts too, in order:
 * [{label, status, shortfall, depth}] (with `id` too when `withIds`).
 */
export function cliRules(check, { withIds = false } = {}) {
  const out = [];
  const walk = (rules, depth) => {
    for (const r of rules) {
      const children = r.children || [];
      out.push({
        ...(withIds ? { id: r.id } : {}),
        label: r.label,
        status: r.met === true ? 'met' : r.met === false ? 'unmet' : 'not-judged',
        // The screen prints a shortfall on the rules without parts; their parts carry it.
        shortfall: children.length ? null : r.shortfall ?? null,
        depth,
      });
      walk(children, depth + 1);
    }
  };
  walk(check.rules, 0);
  return out;
}

/** The totals a `check --json` answer implies on screen, as numbers (null: not published). */
export function cliTotals(check) {
  const { units, credits, glh, tqt } = check.totals;
  return { units, credits, glh, tqt };
}

/** A version-2 saved workspace holding these plans. */
export function workspace(plans, current = 0) {
  return {
    version: 2,
    current,
    plans: plans.map((p, i) => ({
      name: p.name || `Plan ${i + 1}`,
      qualification: p.qualification,
      units: p.units || [],
      readings: p.readings || {},
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// The page object

let axeSource;

const STATUS_WORDS = [
  ['\u2713 Met', 'met'],
  ['\u2717 Not met', 'unmet'],
  ['\u2022 Needs evidence', 'not-judged'],
];

export class Planner {
  constructor(page, url, errors = []) {
    this.page = page;
    this.url = url;
    this.errors = errors;
  }

  // --- landmarks and controls, by role and name ---

  get qualificationSelect() {
    return this.page.getByRole('combobox', { name: 'Qualification', exact: true });
  }
  get levelFilter() {
    return this.page.getByRole('combobox', { name: 'Level', exact: true });
  }
  get textFilter() {
    return this.page.getByRole('searchbox', { name: 'Filter units', exact: true });
  }
  get availableRegion() {
    return this.page.getByRole('region', { name: 'Available units', exact: true });
  }
  get availableList() {
    return this.page.getByRole('list', { name: 'Available units', exact: true });
  }
  get planRegion() {
    return this.page.getByRole('region', { name: 'Your plan', exact: true });
  }
  get planList() {
    return this.page.getByRole('list', { name: 'Your plan', exact: true });
  }
  /** The drop zone around "Your plan" (the list's parent: the list is empty, and 0 high, at first). */
  /** Where a unit is dropped to plan it: the whole plan column takes drops; its heading is in
   *  view wherever the column is scrolled. */
  get dropZone() {
    return this.page.locator('#plan-heading');
  }
  get rulesRegion() {
    return this.page.getByRole('region', { name: 'Rules of combination', exact: true });
  }
  get rulesList() {
    return this.page.getByRole('list', { name: 'Rules of combination', exact: true });
  }
  /** The live region that announces the verdict. */
  get status() {
    return this.page.locator('.verdict-live[role="status"]');
  }
  /** The live region that announces each change to the plan with the new credits. */
  get changeStatus() {
    return this.page.locator('.change-live[role="status"]');
  }
  get otherQualificationsRegion() {
    return this.page.getByRole('region', { name: 'Other qualifications', exact: true });
  }
  get completionRegion() {
    return this.page.getByRole('region', { name: 'Complete this plan', exact: true });
  }
  get planSelect() {
    return this.page.getByRole('combobox', { name: 'Plan', exact: true });
  }
  /** A unit's Add button (the first, where the document lists the unit in two groups). */
  addButton(code) {
    return this.availableList.getByRole('button', { name: `Add ${code}`, exact: true }).first();
  }
  removeButton(code) {
    return this.planList.getByRole('button', { name: `Remove ${code}`, exact: true });
  }
  moveButton(code, direction) {
    return this.planList.getByRole('button', { name: `Move ${code} ${direction}`, exact: true });
  }
  /** A unit's entry among the available units. */
  availableUnit(code) {
    return this.addButton(code).locator('xpath=ancestor::li[1]');
  }
  /** A unit's entry in the plan. */
  plannedUnit(code) {
    return this.removeButton(code).locator('xpath=ancestor::li[1]');
  }
  rule(label) {
    return this.rulesRegion.getByRole('listitem', { name: label, exact: true });
  }
  readingGroup(ruleLabel) {
    return this.rulesRegion.getByRole('group', { name: `Reading of \u201c${ruleLabel}\u201d`, exact: true });
  }
  reading(ruleLabel, readingLabel) {
    return this.readingGroup(ruleLabel).getByRole('radio', { name: readingLabel, exact: true });
  }
  totalGroup(name) {
    return this.planRegion.getByRole('group', { name, exact: true });
  }
  meter(name) {
    return this.totalGroup(name).getByRole('meter', { name, exact: true });
  }

  // --- opening ---

  /**
   * Opens the app. `seed`: text (or a value, saved as JSON) put in local storage under
   * `qualplan.workspace` before the app first loads in this tab (not again on reload).
   */
  async open({ seed, extra = {} } = {}) {
    if (seed !== undefined || Object.keys(extra).length) {
      const items = { ...extra };
      if (seed !== undefined) items[STORAGE_KEY] = typeof seed === 'string' ? seed : JSON.stringify(seed);
      await this.page.addInitScript((items) => {
        if (sessionStorage.getItem('qualplan-e2e.seeded')) return;
        sessionStorage.setItem('qualplan-e2e.seeded', '1');
        for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v);
      }, items);
    }
    await this.page.goto(this.url);
    await this.ready();
    return this;
  }

  async ready() {
    // The app removes the page's loading message and the first screen the page holds (inert)
    // once it has mounted. Those are looked for only after a control is on screen: before the
    // page's markup has arrived, neither is there yet, and the first screen's own copy of a
    // control is on screen before the app is.
    await this.qualificationSelect.waitFor();
    await this.page.locator('#loading').waitFor({ state: 'detached' });
    await this.page.locator('#prerendered').waitFor({ state: 'detached' });
    await this.status.waitFor({ state: 'attached' });
  }

  async reload() {
    await this.page.reload();
    await this.ready();
  }

  /** Another tab of the same browser (same local storage), already open on the app. */
  async newTab() {
    const page = await this.page.context().newPage();
    watchErrors(page, this.errors);
    const other = new Planner(page, this.url, this.errors);
    await page.goto(this.url);
    await other.ready();
    return other;
  }

  // --- the qualification ---

  async qualificationOptions() {
    return this.qualificationSelect.locator('option').evaluateAll((os) =>
      os.map((o) => ({ value: o.value, label: o.textContent.trim(), group: o.parentElement.label || null })),
    );
  }

  /** Chooses a qualification by its id, its exact title, or a unique part of its title. */
  async chooseQualification(titleOrId) {
    const options = await this.qualificationOptions();
    const want = titleOrId.toLowerCase();
    let found = options.filter((o) => o.value === titleOrId);
    if (!found.length) found = options.filter((o) => o.label.toLowerCase() === want);
    if (!found.length) found = options.filter((o) => o.label.toLowerCase().includes(want));
    assert.equal(found.length, 1, `one qualification matching "${titleOrId}" among ${options.map((o) => o.label).join('; ')}`);
    await this.qualificationSelect.selectOption(found[0].value);
    await eventually(async () => assert.equal(await this.qualification(), found[0].value));
  }

  /** The chosen qualification's id. */
  async qualification() {
    return this.qualificationSelect.inputValue();
  }

  async qualificationTitle() {
    return this.qualificationSelect.evaluate((s) => s.selectedOptions[0]?.textContent.trim());
  }

  // --- available units ---

  /** The codes of the available units shown (not filtered out), in screen order. */
  async availableCodes() {
    const names = await this.availableList
      .getByRole('button', { name: /^Add / })
      .evaluateAll((bs) => bs.filter((b) => b.checkVisibility()).map((b) => b.getAttribute('aria-label')));
    return names.map((n) => n.replace(/^Add /, ''));
  }

  /** The groups of available units: [{name, codes}] in screen order (filtered-out ones too). */
  async availableGroups() {
    return this.availableList.evaluate((list) =>
      [...list.querySelectorAll('ul[aria-label]')].map((ul) => ({
        name: ul.getAttribute('aria-label'),
        codes: [...ul.querySelectorAll('button[aria-label^="Add "]')].map((b) => b.getAttribute('aria-label').slice(4)),
      })),
    );
  }

  async filterUnits(text) {
    await this.textFilter.fill(text);
  }

  async filterLevel(label) {
    await this.levelFilter.selectOption({ label });
  }

  // --- the plan ---

  async add(code) {
    await this.addButton(code).click();
    await this.removeButton(code).waitFor();
  }

  async addAll(codes) {
    for (const code of codes) await this.add(code);
  }

  async remove(code) {
    await this.removeButton(code).click();
    await this.removeButton(code).waitFor({ state: 'detached' });
  }

  async moveUp(code) {
    await this.moveButton(code, 'up').click();
  }

  async moveDown(code) {
    await this.moveButton(code, 'down').click();
  }

  /** Drags an available unit into the plan with the mouse (HTML5 drag and drop). */
  async dragToPlan(code) {
    await this.drag(this.availableUnit(code), this.dropZone);
  }

  /** Drags a planned unit out of the plan, back onto the available units. */
  async dragOutOfPlan(code) {
    await this.drag(this.plannedUnit(code), this.availableRegion);
  }

  /**
   * A real mouse drag (HTML5 drag and drop events from the browser): the source is brought wholly
   * into view and grabbed by its edge (not its text or a button), then dropped on the visible
   * part of the target.
   */
  async drag(source, target) {
    await source.evaluate((e) => e.scrollIntoView({ block: 'center', inline: 'nearest' }));
    await source.dragTo(target, { sourcePosition: { x: 6, y: 6 } });
  }

  /** The codes in the plan, in order. */
  async planCodes() {
    const names = await this.planList
      .getByRole('button', { name: /^Remove / })
      .evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label')));
    return names.map((n) => n.replace(/^Remove /, ''));
  }

  /** "3 units planned". */
  async unitCount() {
    return (await this.planRegion.getByText(/^\d+ units? planned$/).textContent()).trim();
  }

  /** A total's figures in words: total('Credits') -> "28 of 28 minimum". */
  async total(name) {
    const text = (await this.totalGroup(name).textContent()).replace(/\s+/g, ' ').trim();
    assert.ok(text.startsWith(name), `the "${name}" group starts with its label: ${text}`);
    return text.slice(name.length).trim();
  }

  /** A total's meter: {value, min, max, low, optimum} as numbers. */
  async meterValues(name) {
    return this.meter(name).evaluate((m) => ({
      value: m.value,
      min: m.min,
      max: m.max,
      low: m.low,
      high: m.high,
      optimum: m.optimum,
    }));
  }

  // --- rules and verdict ---

  /** The live region's text: the overall verdict. */
  async verdict() {
    return (await this.status.textContent()).trim();
  }

  /** The verdict as printed on screen, under "Your plan". */
  async visibleVerdict() {
    const shown = this.planRegion.locator('p.verdict');
    assert.ok(await shown.isVisible(), 'the verdict is on the screen');
    return (await shown.textContent()).trim();
  }

  /** Opens the lines that fold met rules alike (barred combinations), as a person would to
   *  read one of them. */
  async openFoldedRules() {
    const closed = this.rulesRegion.locator('li.folded > details:not([open]) > summary');
    while (await closed.count()) await closed.first().click();
  }

  /** 'met', 'unmet' or 'not-judged', from the words the rule shows. */
  async ruleStatus(label) {
    if (!(await this.rule(label).count())) await this.openFoldedRules();
    const head = (await this.rule(label).innerText()).split('\n')[0];
    const found = STATUS_WORDS.find(([w]) => head.startsWith(w));
    assert.ok(found, `rule "${label}" shows a status: ${head}`);
    return found[1];
  }

  /** The rule's shortfall in words, or null when it shows none. */
  async ruleShortfall(label) {
    if (!(await this.rule(label).count())) await this.openFoldedRules();
    const ps = await this.rule(label).locator('xpath=./p').allTextContents();
    return ps.find((p) => !/^(Counted:|Reading in force:)/.test(p)) ?? null;
  }

  /** Every rule on screen, parts too, in order: [{label, status, shortfall, depth}]. */
  async rules() {
    if (!(await this.rulesList.count())) return [];
    return this.rulesList.evaluate((list, words) => {
      const out = [];
      const walk = (ul, depth) => {
        for (const li of ul.children) {
          if (li.tagName !== 'LI') continue;
          // Met rules folded into one line (barred combinations) are rules of this level.
          if (li.classList.contains('folded')) {
            walk(li.querySelector(':scope > details > ul'), depth);
            continue;
          }
          const head = (li.innerText || li.textContent).trim().split('\n')[0];
          const w = words.find(([text]) => head.startsWith(text));
          const ps = [...li.children].filter((c) => c.tagName === 'P').map((p) => p.textContent);
          out.push({
            label: li.getAttribute('aria-label'),
            status: w ? w[1] : `?${head}`,
            shortfall: ps.find((p) => !/^(Counted:|Reading in force:)/.test(p)) ?? null,
            depth,
          });
          for (const sub of li.children) if (sub.tagName === 'UL') walk(sub, depth + 1);
        }
      };
      walk(list, 0);
      return out;
    }, STATUS_WORDS);
  }

  /** Chooses a reading of a rule with its radio button. */
  async chooseReading(ruleLabel, readingLabel) {
    await this.reading(ruleLabel, readingLabel).click();
    await eventually(async () => assert.ok(await this.reading(ruleLabel, readingLabel).isChecked()));
  }

  /** The messages on screen, problems first, then what was done (a save that could not be
   *  read, units removed, a file loaded, ...). */
  async alerts() {
    return (await this.page.locator('.notices .notice-text').allTextContents()).map((t) => t.trim());
  }

  /** The problems only, from the region announced at once. */
  async problems() {
    return (await this.page.getByRole('alert').locator('.notice-text').allTextContents()).map((t) => t.trim());
  }

  /** Dismisses every message, one by one. */
  async dismissAlerts() {
    const buttons = this.page.locator('.notices').getByRole('button', { name: 'Dismiss this message' });
    while (await buttons.count()) await buttons.first().click();
  }

  // --- other qualifications and completions ---

  /** The titles listed under "Other qualifications", in order (closest first). */
  async otherQualifications() {
    const list = this.otherQualificationsRegion.getByRole('list', { name: 'Other qualifications', exact: true });
    if (!(await list.count())) return [];
    return (await list.getByRole('heading', { level: 3 }).allTextContents()).map((t) => t.trim());
  }

  /** What the plan's units are worth towards another qualification, in words. */
  async progressTowards(title) {
    const item = this.otherQualificationsRegion.getByRole('heading', { name: title, exact: true }).locator('xpath=ancestor::li[1]');
    return (await item.getByRole('paragraph').first().textContent()).trim();
  }

  async openAsNewPlan(title) {
    await this.otherQualificationsRegion
      .getByRole('button', { name: `Open as a new plan for ${title}`, exact: true })
      .click();
  }

  /** Asks for the cheapest completions; returns their descriptions ("add CU810, ... (20 credits)"). */
  async findCompletions(fewest = 'credits') {
    await this.completionRegion.getByRole('combobox', { name: 'Fewest' }).selectOption({ label: fewest });
    await this.completionRegion.getByRole('button', { name: 'Find the cheapest completion' }).click();
    const list = this.completionRegion.getByRole('list', { name: 'Completions', exact: true });
    await list.waitFor();
    return (await list.getByRole('listitem').evaluateAll((lis) => lis.map((li) => li.querySelector('span').textContent.trim())));
  }

  async addCompletion(n) {
    await this.completionRegion.getByRole('button', { name: `Add these units (completion ${n})`, exact: true }).click();
  }

  // --- named plans ---

  async planNames() {
    return (await this.planSelect.locator('option').allTextContents()).map((t) => t.trim());
  }

  async currentPlanName() {
    return this.planSelect.evaluate((s) => s.selectedOptions[0]?.textContent.trim() ?? null);
  }

  async newPlan() {
    await this.page.getByRole('button', { name: 'New plan', exact: true }).click();
  }

  async duplicatePlan() {
    await this.page.getByRole('button', { name: 'Duplicate plan', exact: true }).click();
  }

  /** Deletes the open plan (or empties the only one), confirming when asked. */
  async deletePlan() {
    await this.page.getByRole('button', { name: 'Delete plan', exact: true }).click();
    await this.page.getByRole('group', { name: 'Confirm delete' }).getByRole('button', { name: /^(Delete|Empty) \u201c/ }).click();
  }

  /** Undoes the last delete. */
  async undoDelete() {
    await this.page.getByRole('button', { name: 'Undo', exact: true }).click();
  }

  async renamePlan(name) {
    await this.page.getByRole('button', { name: 'Rename plan', exact: true }).click();
    await this.page.getByRole('textbox', { name: 'New name', exact: true }).fill(name);
    await this.page.getByRole('button', { name: 'Save name', exact: true }).click();
  }

  async switchPlan(name) {
    await this.planSelect.selectOption({ label: name });
  }

  // --- storage ---

  async storageItem(key) {
    return this.page.evaluate((k) => localStorage.getItem(k), key);
  }

  /** The saved workspace, without the revision marks a tab puts on each write. */
  async saved() {
    const text = await this.storageItem(STORAGE_KEY);
    if (text === null) return null;
    const { rev, base, ...saved } = JSON.parse(text);
    return saved;
  }

  /** Every kept copy in storage ({key, kept_at, reason, from, text}), oldest first. */
  async keptCopies() {
    return this.page.evaluate((prefix) => {
      const out = [];
      for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i);
        if (key.startsWith(prefix)) out.push({ key, ...JSON.parse(localStorage.getItem(key)) });
      }
      return out.sort((a, b) => a.kept_at - b.kept_at || a.key.localeCompare(b.key));
    }, KEPT_PREFIX);
  }

  /** The texts of every kept copy, oldest first. */
  async keptTexts() {
    return (await this.keptCopies()).map((c) => c.text);
  }

  // --- keyboard ---

  /** The focused element's accessible name (its aria-label, else its label, else its text). */
  async focusedName() {
    return this.page.evaluate(() => {
      const e = document.activeElement;
      if (!e || e === document.body) return null;
      const label = e.labels?.[0]?.textContent;
      return (e.getAttribute('aria-label') || label || e.textContent).trim();
    });
  }

  /** Presses Tab (or Shift+Tab) until the element named `name` has focus; fails after `max`. */
  async tabTo(name, { max = 150, backwards = false } = {}) {
    for (let i = 0; i < max; i++) {
      await this.page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
      if ((await this.focusedName()) === name) return i + 1;
    }
    assert.fail(`"${name}" was not reached with ${max} presses of Tab`);
  }

  // --- accessibility ---

  /** Runs axe-core on the page; returns its violations, each {id, impact, help, nodes:[{target, summary}]}. */
  async axe(options = {}) {
    if (!(await this.page.evaluate(() => typeof window.axe === 'object'))) {
      // Not page.addScriptTag({ path }): that adds an inline <script>, which the app's
      // Content-Security-Policy (script-src 'self' + one hash) refuses, with a console error.
      // Evaluated through the DevTools protocol, the same source is not subject to the policy.
      axeSource ??= readFileSync(AXE, 'utf8');
      await this.page.evaluate(axeSource);
    }
    const result = await this.page.evaluate(
      (options) =>
        window.axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
          ...options,
        }),
      options,
    );
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary })),
    }));
  }

  // --- completion options in full, previews, plans from links and copying a link ---

  get completionsList() {
    return this.completionRegion.getByRole('list', { name: 'Completions', exact: true });
  }

  /** Completion option `n` (from 1). */
  completionOption(n) {
    return this.completionsList.getByRole('listitem', { name: `Option ${n}`, exact: true });
  }

  /** Every option as shown: [{name, summary, difference, units: [{code, title, about, marks}]}]. */
  async completionDetails() {
    await this.completionsList.waitFor();
    return this.completionsList.evaluate((list) =>
      [...list.querySelectorAll(':scope > li')].map((li) => ({
        name: li.querySelector('.option-name').textContent.trim(),
        summary: li.querySelector('.option-summary').textContent.trim(),
        difference: li.querySelector('.option-difference').textContent.trim(),
        units: [...li.querySelectorAll('.option-unit')].map((u) => ({
          code: u.querySelector('dt').textContent.trim(),
          title: u.querySelector('.title').textContent.trim(),
          about: u.querySelector('.about').textContent.trim(),
          marks: [...u.querySelectorAll('.option-mark')].filter((m) => m.checkVisibility()).map((m) => m.textContent.trim()),
        })),
      })),
    );
  }

  previewButton(n) {
    return this.completionRegion.getByRole('button', { name: `Preview (completion ${n})`, exact: true });
  }

  /** The preview of option `n`, while it is shown. */
  completionPreview(n) {
    return this.completionRegion.getByRole('group', { name: `Preview of option ${n}`, exact: true });
  }

  /** Presses an option's Preview and waits for the preview to show. */
  async previewCompletion(n) {
    await this.previewButton(n).click();
    await this.completionPreview(n).waitFor();
  }

  get sharedOffer() {
    return this.page.getByRole('region', { name: 'Shared plan', exact: true });
  }

  /** Opens a plan's link (a whole address or its `#...`) in this tab, already open: only the
   *  fragment changes, as when a link is pasted into the address bar of an open tab. */
  async openLinkHere(link) {
    const hash = link.includes('#') ? link.slice(link.indexOf('#')) : link;
    await this.page.evaluate((h) => {
      location.hash = h;
    }, hash);
  }

  /** The plan from a link as shown before it is saved: {summary, verdict, units: [{code, title, about, record}], readings, missing}. */
  async sharedPlan() {
    await this.sharedOffer.waitFor();
    return this.sharedOffer.evaluate((r) => ({
      summary: r.querySelector('.shared-summary').textContent.trim(),
      verdict: r.querySelector('.preview-verdict').textContent.trim(),
      units: [...r.querySelectorAll('.shared-units li')].map((li) => ({
        code: li.querySelector('.code').textContent.trim(),
        title: li.querySelector('.title').textContent.trim(),
        about: li.querySelector('.about').textContent.trim(),
        record: li.querySelector('.record')?.textContent.trim() ?? null,
      })),
      readings: [...r.querySelectorAll('.shared-readings li')].map((li) => li.textContent.trim()),
      missing: [...r.querySelectorAll('.shared-missing li')].map((li) => li.textContent.trim()),
    }));
  }

  /** Opens "Share, export, import or print" (if it is not open). */
  async openPlanTools() {
    if (!(await this.page.locator('details.plan-tools').evaluate((d) => d.open))) {
      await this.page.getByText('Share, export, import or print', { exact: true }).click();
    }
  }

  get shareLinkField() {
    return this.page.getByRole('textbox', { name: 'Link to this plan', exact: true });
  }

  async copyLink() {
    await this.openPlanTools();
    await this.page.getByRole('button', { name: 'Copy link', exact: true }).click();
  }
}

/** Formats axe violations for an assertion message. */
export function describeViolations(violations) {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes.map((n) => `    ${n.target}\n      ${n.html}\n      ${(n.summary || '').replace(/\n/g, ' ')}`).join('\n'),
    )
    .join('\n');
}

// ---------------------------------------------------------------------------------------------
// Comparing the screen with the command line

/** A figure shown in words ("27 of 28 minimum", "not published") as a number or null. */
export function figure(text) {
  if (/^not published/.test(text)) return null;
  const m = text.match(/^(\d+)\b/);
  assert.ok(m, `a figure: ${text}`);
  return Number(m[1]);
}

/** The verdict the screen should show for a `check --json` answer. */
export function expectedVerdict(check) {
  if (check.compliant === true) return '\u2713 This plan meets every rule of combination.';
  if (check.compliant === null) {
    return 'The document publishes no rules of combination for this qualification, so the plan cannot be checked.';
  }
  const unmet = check.rules.filter((r) => r.met === false).length;
  return `\u2717 Not yet: ${unmet} of ${check.rules.length} rules of combination not met.`;
}

/**
 * Asserts that the screen shows what `qualplan check --json` says of the same plan: the units,
 * every rule (parts too) met or not with the same shortfall, the totals and the verdict.
 */
export async function assertScreenMatches(planner, check, what = '') {
  const at = what ? ` (${what})` : '';
  assert.deepEqual(await planner.planCodes(), check.units, `the plan's units${at}`);
  assert.deepEqual(await planner.rules(), cliRules(check), `every rule, met or not, with its shortfall${at}`);
  const n = check.totals.units;
  assert.equal(await planner.unitCount(), `${n} unit${n === 1 ? '' : 's'} planned`, `unit count${at}`);
  assert.equal(figure(await planner.total('Credits')), check.totals.credits, `credits${at}`);
  assert.equal(figure(await planner.total('GLH')), check.totals.glh, `GLH${at}`);
  // TQT where the qualification publishes one, the plan's notional hours where it does not.
  const tqtName = (await planner.totalGroup('TQT').count()) ? 'TQT' : 'Notional hours';
  assert.equal(figure(await planner.total(tqtName)), check.totals.tqt, `${tqtName}${at}`);
  // With no minimum published the meter has nothing to measure against and stays empty.
  const meterWant = check.min_credits == null ? 0 : check.totals.credits ?? 0;
  assert.equal((await planner.meterValues('Credits')).value, meterWant, `credits meter${at}`);
  assert.equal(await planner.verdict(), expectedVerdict(check), `verdict announced${at}`);
  assert.equal(await planner.visibleVerdict(), expectedVerdict(check), `verdict shown${at}`);
}
