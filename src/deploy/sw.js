// The service worker of one deploy build (written by src/deploy/site.rs,
// which fills in CACHE and FILES). It precaches this build's exact files
// when installed and answers from them, so the app starts and every
// feature works with the network off. A new build's worker waits until the
// page says the writer agreed ('activate'); once active it removes the
// caches of older builds.
const CACHE = "__CACHE__";
const FILES = __FILES__;

self.addEventListener("install", (event) => {
  // Past any HTTP cache: a server that caches hard must not hand an old
  // index.html to a new build.
  const requests = FILES.map((file) => new Request(file, { cache: "reload" }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)));
});

self.addEventListener("message", (event) => {
  if (event.data === "activate") self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith("baogao-") && key !== CACHE)
            .map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  const scope = new URL("./", self.location.href);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  // The app's page, whatever query it was opened with.
  const page =
    request.mode === "navigate" &&
    (url.pathname === scope.pathname || url.pathname === scope.pathname + "index.html");
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) =>
        page
          ? cache.match(new URL("index.html", scope).href)
          : cache.match(request, { ignoreSearch: true }),
      )
      .then((hit) => hit || fetch(request)),
  );
});
