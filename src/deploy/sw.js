// The service worker of one deploy build (written by src/deploy/site.rs,
// which fills in the version, FILES and INDEX_SHA256). It precaches this
// build's exact files when installed and answers from them, so the app
// starts and every feature works with the network off. A new build's
// worker waits until the page says the writer agreed ('activate'); once
// active it removes the caches of older builds. Caches belong to the whole
// origin: they are named by this copy's folder too, so that two copies on
// one server (say /report/ and /report-test/) keep their own.
const PREFIX = "baogao " + new URL("./", self.location.href).pathname + " ";
const CACHE = PREFIX + "__VERSION__";
const FILES = __FILES__;
// The SHA-256 of this build's index.html, the one file besides this one
// whose name carries no hash.
const INDEX_SHA256 = "__INDEX_SHA256__";

async function precache() {
  const cache = await caches.open(CACHE);
  // Past any HTTP cache: a server that caches hard must not hand an old
  // index.html to a new build.
  await cache.addAll(FILES.map((file) => new Request(file, { cache: "reload" })));
  // A server caught halfway through copying another build: give up now
  // and try again on a later visit, rather than keep a page that names
  // files this cache lacks.
  const page = await cache.match("index.html");
  const digest = await crypto.subtle.digest("SHA-256", await page.arrayBuffer());
  const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
  if (hex !== INDEX_SHA256) {
    await caches.delete(CACHE);
    throw new Error("index.html belongs to another build");
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(precache());
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
            .filter((key) => key.startsWith(PREFIX) && key !== CACHE)
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
