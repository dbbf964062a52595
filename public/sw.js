// qualplan's service worker: keeps the app's own files so the planner opens with no network, and
// opens at once on a network that is slow or does not answer (a classroom with poor wifi).
// - The page sends the list of its files once this worker controls it; the worker fetches only
//   those it does not have yet, and forgets content-hashed files the page no longer uses.
// - Content-hashed files (trunk names the script, wasm and stylesheet by their content) never
//   change: they are answered from the cache, and fetched only when missing.
// - Everything else (the page itself, the manifest, the icon) is answered from the cache when
//   kept, while a fresh copy is fetched for next time; when not kept, from the network.
const CACHE = 'qualplan-v1';
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;

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
    caches
      .open(CACHE)
      .then((cache) =>
        Promise.all(wanted.map((url) => cache.match(url).then((hit) => hit || cache.add(url))))
          .then(() => cache.keys())
          .then((kept) =>
            Promise.all(
              kept
                .filter((r) => HASHED.test(new URL(r.url).pathname) && !wanted.includes(r.url))
                .map((r) => cache.delete(r)),
            ),
          ),
      )
      .then(() => event.source && event.source.postMessage({ type: 'cached', count: wanted.length })),
  );
});

function fetchAndKeep(request) {
  return fetch(request).then((response) => {
    if (response.ok) {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(request, copy));
    }
    return response;
  });
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
    event.respondWith(caches.match(request).then((hit) => hit || fetchAndKeep(request)));
    return;
  }
  const fresh = fetchAndKeep(request);
  event.waitUntil(fresh.then(() => undefined, () => undefined));
  event.respondWith(
    caches.match(request, { ignoreSearch: true }).then((hit) => hit || fresh.catch(offlinePage)),
  );
});
