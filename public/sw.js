// qualplan's service worker: keeps the app's own files so the planner opens with no network.
// The page sends the list of its files once this worker controls it; every later same-origin
// request is answered from the network when possible, and from the cache when not.
const CACHE = 'qualplan-v1';

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
  if (event.data && event.data.type === 'cache' && Array.isArray(event.data.urls)) {
    const urls = event.data.urls.filter((u) => new URL(u, self.location).origin === self.location.origin);
    event.waitUntil(
      caches
        .open(CACHE)
        .then((cache) => cache.addAll(urls))
        .then(() => event.source && event.source.postMessage({ type: 'cached', count: urls.length })),
    );
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() =>
        caches
          .match(request, { ignoreSearch: true })
          .then((hit) => hit || caches.match('./index.html'))
          .then((hit) => hit || new Response('offline and not cached', { status: 503 })),
      ),
  );
});
