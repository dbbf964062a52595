// qualplan's service worker: keeps the app's own files so the planner opens with no network, and
// opens at once on a network that is slow or does not answer (a classroom with poor wifi).
// - The page sends the list of its files once this worker controls it; the worker fetches only
//   those it does not have yet, and forgets content-hashed files that neither the page nor the
//   kept copy of the page uses.
// - Content-hashed files (trunk names the script, wasm and stylesheet by their content) never
//   change: they are answered from the cache, and fetched only when missing.
// - Everything else (the page itself, the manifest, the icon) is answered from the cache when
//   kept, while a fresh copy is fetched for next time; when not kept, from the network.
// - A fresh copy of the page is kept only once every hashed file it names is kept, so a new
//   release is never half here: the next visit opens it whole, even with no network.
const CACHE = 'qualplan-v1';
// trunk writes the hash in hex without leading zeros, so its length varies.
const HASHED = /-[0-9a-f]+(_bg)?\.(js|wasm|css)$/;
const PAGES = ['./', './index.html'].map((p) => new URL(p, self.location).href);

// Changes to the cache run one at a time, so keeping a new release and forgetting old files
// never interleave.
let queue = Promise.resolve();
function serially(task) {
  const run = queue.then(task);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * The content-hashed files of this site that a page names, in an attribute (quoted, or bare as
 * the release build's minified page writes it) or in its script.
 */
function hashedFiles(html) {
  const urls = new Set();
  for (const m of html.matchAll(/["'=]([^"'\s<>=]+)/g)) {
    if (!HASHED.test(m[1])) continue;
    const url = new URL(m[1], self.location);
    if (url.origin === self.location.origin) urls.add(url.href);
  }
  return [...urls];
}

/** Keeps `response` for `url`; a page only after the hashed files it names. */
function put(cache, url, response) {
  if (!PAGES.includes(url)) return cache.put(url, response);
  return response.text().then((html) =>
    keep(cache, hashedFiles(html)).then(() => {
      const copy = () => new Response(html, { status: response.status, headers: response.headers });
      return Promise.all(PAGES.map((page) => cache.put(page, copy())));
    }),
  );
}

/** Fetches and keeps each of `urls` not kept yet. */
function keep(cache, urls) {
  return Promise.all(
    urls.map((url) =>
      cache.match(url).then(
        (hit) =>
          hit ||
          fetch(url).then((response) => {
            if (!response.ok) throw new Error(`${url}: ${response.status}`);
            return put(cache, url, response);
          }),
      ),
    ),
  );
}

/** Forgets hashed files used by neither `wanted` nor the kept page. */
function forgetUnused(cache, wanted) {
  return Promise.all(PAGES.map((page) => cache.match(page).then((hit) => (hit ? hit.text() : ''))))
    .then((pages) => {
      const used = new Set([...wanted, ...pages.flatMap(hashedFiles)]);
      return cache.keys().then((kept) =>
        Promise.all(
          kept
            .filter((r) => HASHED.test(new URL(r.url).pathname) && !used.has(r.url))
            .map((r) => cache.delete(r)),
        ),
      );
    });
}

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (!(event.data && event.data.type === 'cache' && Array.isArray(event.data.urls))) return;
  const wanted = event.data.urls
    .map((u) => new URL(u, self.location))
    .filter((u) => u.origin === self.location.origin)
    .map((u) => u.href);
  event.waitUntil(
    serially(() => caches.open(CACHE).then((cache) => keep(cache, wanted).then(() => forgetUnused(cache, wanted))))
      .then(() => event.source && event.source.postMessage({ type: 'cached', count: wanted.length })),
  );
});

/** The network's answer, and a promise that it is kept (when it is a success). */
function fetchAndKeep(request) {
  const response = fetch(request);
  const kept = response
    .then((r) => {
      if (!r.ok) return undefined;
      const copy = r.clone();
      return serially(() => caches.open(CACHE).then((cache) => put(cache, request.url, copy)));
    })
    .catch(() => undefined);
  return { response, kept };
}

function offlinePage() {
  return caches
    .match('./index.html')
    .then((hit) => hit || new Response('offline and not cached', { status: 503 }));
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (HASHED.test(url.pathname)) {
    const answer = caches
      .match(request)
      .then((hit) => (hit ? { response: hit, kept: undefined } : fetchAndKeep(request)));
    event.respondWith(answer.then((a) => a.response));
    event.waitUntil(answer.then((a) => a.kept, () => undefined));
    return;
  }
  const fresh = fetchAndKeep(request);
  event.waitUntil(fresh.kept);
  event.respondWith(
    caches.match(request, { ignoreSearch: true }).then((hit) => hit || fresh.response.catch(offlinePage)),
  );
});
