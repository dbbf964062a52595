// A first visit on a slow connection: the page itself holds the planner's first screen, written
// by the release build from the app's own drawing, so the units can be read before the wasm has
// arrived. It is inert until the app mounts and replaces it; a visitor with a saved plan or a
// link never sees it, since it shows a first visit's empty plan.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { launch } from './support/browser.mjs';
import { DIST, STORAGE_KEY, eventually, harness, inView, refuseToMake } from './support/planner.mjs';
import { startServer } from './support/server.mjs';

const app = harness();

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 900 };

/** Holds the wasm back until the returned function is called, as a slow connection would. */
async function holdWasm(page) {
  let release;
  const held = new Promise((r) => (release = r));
  await page.route('**/*_bg.wasm', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

const codes = (page, scope) => page.locator(`${scope} ul[aria-label="Available units"] li.unit .code`).allTextContents();

for (const [name, viewport] of [['phone', PHONE], ['laptop', LAPTOP]]) {
  test(
    `on a ${name}, a first visit reads the units before the wasm arrives, cannot press what is not ready, and gets the app in its place`,
    app(
      async (p) => {
        const release = await holdWasm(p.page);
        await p.page.goto(p.url, { waitUntil: 'domcontentloaded' });
        const first = p.page.locator('#prerendered');
        await first.waitFor();
        const early = await codes(p.page, '#prerendered');
        assert.ok(early.length > 10, `the first screen lists units: ${early.length}`);
        // The loading message rides over the first screen, in view, and says the buttons wait.
        const loading = p.page.getByRole('status').filter({ hasText: 'is loading' });
        assert.ok(await inView(loading), 'the loading message is in view');
        assert.match(await loading.innerText(), /You can read the page now; its buttons work once loading is done\./);
        if (name === 'laptop') {
          assert.ok(await inView(first.getByRole('heading', { name: 'Available units' })), 'the units heading is in view');
          assert.ok(await inView(first.locator('.verdict')), 'the verdict is in view');
        }
        // A screen reader hears the loading message alone: Chromium's own accessibility tree.
        const cdp = await p.page.context().newCDPSession(p.page);
        const { nodes } = await cdp.send('Accessibility.getFullAXTree');
        const heard = nodes.filter((n) => !n.ignored && n.role?.value === 'StaticText').map((n) => n.name.value.trim());
        assert.deepEqual(heard.sort(), ['You can read the page now; its buttons work once loading is done.', 'is loading.', 'qualplan']);
        // Nothing in it takes focus or a press.
        await p.page.keyboard.press('Tab');
        assert.equal(await p.page.evaluate(() => document.activeElement.closest('#prerendered') !== null), false, 'Tab skips the first screen');
        assert.equal(await first.getAttribute('inert'), '');
        release();
        await first.waitFor({ state: 'detached', timeout: 30_000 });
        await p.ready();
        assert.equal(await p.page.locator('#loading').count(), 0, 'the loading message goes');
        assert.equal(await p.page.locator('ul[aria-label="Available units"]').count(), 1, 'one list of units, the app\'s');
        assert.deepEqual(await codes(p.page, 'body > main'), early, 'the app lists what the first screen listed');
        await p.add(early[0]);
        assert.deepEqual(await p.planCodes(), [early[0]]);
      },
      { viewport },
    ),
  );
}

for (const [how, go] of [
  ['something saved', async (page, url) => {
    await page.addInitScript(() => localStorage.setItem('qualplan.classroom', 'false'));
    await page.goto(url, { waitUntil: 'domcontentloaded' });
  }],
  ['a link to open', (page, url) => page.goto(`${url}#not-a-real-plan`, { waitUntil: 'domcontentloaded' })],
]) {
  test(
    `a visitor with ${how} never sees a first visit's empty plan, only the loading message`,
    app(async (p) => {
      const release = await holdWasm(p.page);
      await go(p.page, p.url);
      await p.page.getByRole('status').filter({ hasText: 'is loading' }).waitFor();
      assert.equal(await p.page.locator('#prerendered').count(), 0, 'no first screen');
      assert.equal(await p.page.locator('li.unit').count(), 0, 'no units before the app');
      assert.ok(await p.page.getByText('On a slow connection this can take a little while').isVisible());
      release();
      await p.ready();
      assert.equal(await p.page.locator('ul[aria-label="Available units"]').count(), 1);
    }),
  );
}

// (Chromium with script turned off through the protocol still parses <noscript> as it would with
// script on: the test after this one turns it off in the browser's own settings.)
test(
  'without JavaScript the first screen stays, so the units can still be read',
  app(async (p) => {
    const context = await p.page.context().browser().newContext({ javaScriptEnabled: false, viewport: LAPTOP });
    try {
      const page = await context.newPage();
      await page.goto(p.url);
      assert.ok((await codes(page, '#prerendered')).length > 10, 'the units are listed');
      assert.ok(await inView(page.locator('#prerendered').getByRole('heading', { name: 'Available units' })), 'their heading is in view');
    } finally {
      await context.close();
    }
  }),
);

// A browser whose own setting turns script off parses <noscript> and matches (scripting: none).
test('in a browser with script turned off, the page says it needs JavaScript and not that it is loading', async () => {
  const server = await startServer(DIST);
  const browser = await launch(['--blink-settings=scriptEnabled=false']);
  try {
    const page = await browser.newPage({ viewport: LAPTOP });
    await page.goto(server.url);
    const why = page.locator('.no-script');
    assert.ok(await inView(why), 'the reason is in view');
    assert.match(await why.innerText(), /^qualplan needs JavaScript\.\s+It runs entirely in your browser and sends nothing anywhere\./);
    assert.equal(await page.locator('#loading').isVisible(), false, 'no "is loading" over the units: it never would load');
    assert.ok((await codes(page, '#prerendered')).length > 10, 'the units are listed');
  } finally {
    await browser.close();
    await server.close();
  }
});

/** Asserts that the page's errors are the failure to start and nothing else, then clears them. */
function onlyTheFailure(errors, failure) {
  assert.ok(errors.length > 0, 'the failure was reported');
  for (const e of errors) assert.match(e, failure, 'no other error than the failure to start');
  errors.length = 0;
}

for (const [why, prepare, failure] of [
  ['its wasm does not arrive', (page) => page.route('**/*_bg.wasm', (route) => route.abort()), /Failed to fetch|_bg\.wasm|ERR_FAILED/],
  ['its script does not arrive', (page) => page.route('**/qualplan-app-*.js', (route) => route.abort()), /qualplan-app-.*\.js|ERR_FAILED/],
  ['the browser cannot run WebAssembly', (page) => page.addInitScript(() => delete globalThis.WebAssembly), /WebAssembly/],
  // A fault in the app as it mounts (here the page refuses to make its <main>): the app panics
  // part-way, and the page must not be left blank.
  [
    'the app fails as it starts',
    (page) => page.addInitScript(refuseToMake, 'main'),
    /panicked|refused to make a main|unreachable/,
  ],
]) {
  test(
    `when ${why}, a first visit on a phone is told in view that the planner could not start, and can still read the units`,
    app(
      async (p) => {
        await prepare(p.page);
        await p.page.goto(p.url, { waitUntil: 'domcontentloaded' });
        const alert = p.page.getByRole('alert').filter({ hasText: 'could not start' });
        await alert.waitFor();
        assert.ok(await inView(alert), 'the message is in view');
        const said = await alert.innerText();
        assert.match(said, /^qualplan could not start in this browser\./);
        assert.match(said, /Reload the page to try again/);
        // A panic is told by its own words and place, anything else by the browser's.
        assert.match(said, why === 'the app fails as it starts' ? /Details: \S.* \(\S+\.rs:\d+\)\s*$/ : /The browser said: \S/);
        assert.doesNotMatch(said, /unreachable/);
        assert.doesNotMatch(said, /is loading|buttons work once/);
        assert.ok((await codes(p.page, '#prerendered')).length > 10, 'the first screen stays to be read');
        // Greyed, so its Add buttons (which will not work) do not look live.
        assert.equal(await p.page.locator('#prerendered').evaluate((e) => getComputedStyle(e).filter), 'grayscale(1)');
        onlyTheFailure(p.errors, failure);
      },
      { viewport: PHONE },
    ),
  );
}

test(
  'when the qualification editor\'s wasm does not arrive, its page says so in view instead of loading for ever',
  app(
    async (p) => {
      await p.page.route('**/*_bg.wasm', (route) => route.abort());
      await p.page.goto(`${p.url}editor.html`, { waitUntil: 'domcontentloaded' });
      const alert = p.page.getByRole('alert').filter({ hasText: 'could not start' });
      await alert.waitFor();
      assert.ok(await inView(alert), 'the message is in view');
      assert.doesNotMatch(await alert.innerText(), /is loading/);
      onlyTheFailure(p.errors, /Failed to fetch|_bg\.wasm|ERR_FAILED/);
    },
    { viewport: PHONE },
  ),
);

for (const [name, viewport] of [['phone', PHONE], ['laptop', LAPTOP]]) {
  test(
    `on a ${name}, a failure inside the planner after it started is told at the top of the window with a way to reload, and the plan saved before it is kept`,
    app(
      async (p) => {
        await p.open();
        await p.chooseQualification('cg-4411-30');
        const [first, second] = await p.availableCodes();
        await p.add(first);
        await eventually(async () => assert.match(await p.storageItem(STORAGE_KEY), new RegExp(`"${first}"`)));
        // An error from another script (a browser extension's) is not the app's: no message.
        await p.page.evaluate(() =>
          dispatchEvent(new ErrorEvent('error', { message: 'from an extension', filename: 'chrome-extension://abc/content.js' })),
        );
        assert.deepEqual(await p.page.getByRole('alert').allInnerTexts(), [], "another script's error says nothing");
        // From here on the page refuses to make list items, so drawing the next planned unit
        // panics, which aborts the wasm.
        await p.page.evaluate(refuseToMake, 'li');
        await p.addButton(second).scrollIntoViewIfNeeded();
        await p.addButton(second).click();
        const alert = p.page.getByRole('alert').filter({ hasText: 'stopped working' });
        await alert.waitFor();
        assert.ok(await inView(alert), 'the message is in view where the person was');
        const said = await alert.innerText();
        assert.match(said, /^qualplan stopped working\./);
        assert.match(said, /Reload the page to go on: what was saved in this browser before it stopped is kept\./);
        // The panic's own words and place, not the abort's "unreachable".
        assert.match(said, /\nDetails: .*refused to make a li \(\S+\.rs:\d+\)\n/);
        assert.doesNotMatch(said, /unreachable|\/registry\//, 'a dependency\'s file named from its own folder');
        const reload = alert.getByRole('button', { name: 'Reload the page', exact: true });
        assert.ok(await inView(reload), 'its Reload button is in view');
        assert.equal(await p.focusedName(), 'Reload the page', 'a keyboard user is on the way out');
        assert.match(await alert.ariaSnapshot(), /- alert:\n\s+- paragraph: qualplan stopped working\.[\s\S]*- button "Reload the page"/);
        // The page under it no longer answers, so nothing of it is within reach: a screen reader
        // finds the message alone, Tab does not leave it for a dead control, the pointer passes
        // through nothing, and what is drawn is greyed.
        const cdp = await p.page.context().newCDPSession(p.page);
        const { nodes } = await cdp.send('Accessibility.getFullAXTree');
        const heard = nodes.filter((n) => !n.ignored && n.role?.value === 'StaticText').map((n) => n.name.value).join(' ');
        assert.equal(heard, said.replace(/\s+/g, ' '), "Chromium's accessibility tree holds the message alone");
        for (let i = 0; i < 3; i++) {
          await p.page.keyboard.press('Tab');
          assert.ok(await p.page.evaluate(() => document.activeElement === document.body || !!document.activeElement.closest('#stopped')), 'focus stays with the message');
        }
        await assert.rejects(p.addButton(first).click({ timeout: 1000 }), /inert|intercepts pointer|not receive|Timeout/);
        assert.match(await p.page.locator('main').evaluate((m) => getComputedStyle(m).filter), /grayscale\(1\)/);
        await reload.focus();
        // Another failure of the page's own after it: still the one message, as it was.
        await p.page.evaluate(() =>
          dispatchEvent(new ErrorEvent('error', { message: 'a second failure', filename: `${location.origin}/app.js` })),
        );
        assert.deepEqual(await p.page.getByRole('alert').allInnerTexts(), [said], 'one message, however many errors follow');
        onlyTheFailure(p.errors, /panicked|refused to make a li|unreachable/);
        await Promise.all([p.page.waitForEvent('load'), p.page.keyboard.press('Enter')]);
        await p.ready();
        // The first unit was saved before the failure; the second too where its save ran before
        // the drawing that failed.
        const planned = await p.planCodes();
        assert.equal(planned[0], first, 'the plan as saved before the failure');
        assert.ok(planned.every((c) => c === first || c === second), `nothing else: ${planned}`);
        assert.equal(await p.page.getByRole('alert').count(), 0, 'a working page has no message');
      },
      { viewport },
    ),
  );
}

test(
  'on a phone, an error thrown in one of the qualification editor\'s own files after it started is told in view in the browser\'s words, with a way to reload',
  app(
    async (p) => {
      await p.page.goto(`${p.url}editor.html`);
      await p.page.locator('#loading').waitFor({ state: 'detached' });
      await p.page.getByRole('heading', { level: 1 }).first().waitFor();
      // Not a panic: an error the browser reports from a file of the page's own.
      await p.page.evaluate(() =>
        dispatchEvent(new ErrorEvent('error', { message: 'Uncaught TypeError: x is not a function', filename: `${location.origin}/qualplan-editor.js` })),
      );
      const alert = p.page.getByRole('alert').filter({ hasText: 'stopped working' });
      await alert.waitFor();
      assert.ok(await inView(alert), 'the message is in view');
      const said = await alert.innerText();
      assert.match(said, /\nThe browser said: Uncaught TypeError: x is not a function\n/);
      assert.doesNotMatch(said, /Details:/);
      assert.equal(await p.focusedName(), 'Reload the page');
      assert.ok(await inView(alert.getByRole('button', { name: 'Reload the page', exact: true })), 'its Reload button is in view');
    },
    { viewport: PHONE },
  ),
);
