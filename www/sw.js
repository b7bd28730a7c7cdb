// Service worker: once the page has been loaded, it keeps working with the network off.
//
// Install: caches the page and everything it loads, found by following, from index.html,
// its scripts and stylesheets, each module's static imports, `new URL('…', import.meta.url)`
// (the worker, the .wasm) and `fetch('…')` of a literal path (the sample article), so new
// modules are picked up without a list to maintain; a found path that does not load (it may
// come from a comment) is skipped, but the page itself must load. Fetch: same-origin GETs go to the
// network first (online readers always get the current files, and a server error is shown as
// it is); a good answer refreshes the cache; when the network itself fails, the cached copy
// is served. Cross-origin requests are not touched (the page's CSP forbids them anyway).

const CACHE = 'article-analyzer-offline';
const HTML_LINKS = /\s(?:src|href)="([^"#:]+)"/g;
const JS_LINKS = /(?:^|\n)\s*(?:import|export)\s[^;]*?['"](\.{1,2}\/[^'"]+)['"]|new URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url|fetch\(\s*['"]([^'"]+)['"]/g;

/** Same-origin URLs inside this worker's scope that `text` (fetched from `base`) refers to. */
function linksOf(text, base, pattern) {
  const urls = [];
  for (const match of text.matchAll(pattern)) {
    const path = match.slice(1).find((group) => group !== undefined);
    const url = new URL(path, base);
    url.hash = '';
    if (url.href.startsWith(self.registration.scope)) urls.push(url.href);
  }
  return urls;
}

async function precache() {
  const cache = await caches.open(CACHE);
  const seen = new Set();
  const queue = [self.registration.scope];
  while (queue.length) {
    const url = queue.pop();
    if (seen.has(url) || url === self.location.href) continue;
    seen.add(url);
    const response = await fetch(url, { cache: 'no-cache' });
    if (!response.ok) {
      // Only the page itself must load; a path found in a comment may not exist.
      if (url === self.registration.scope) throw new Error(`${url} did not load (HTTP ${response.status})`);
      continue;
    }
    await cache.put(url, response.clone());
    const path = new URL(url).pathname;
    if (path.endsWith('/') || path.endsWith('.html')) queue.push(...linksOf(await response.text(), url, HTML_LINKS));
    else if (path.endsWith('.js')) queue.push(...linksOf(await response.text(), url, JS_LINKS));
  }
}

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(request, copy)).catch(() => {});
    }
    return response;
  } catch (error) {
    const cached = await caches.match(request, { ignoreSearch: true });
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(networkFirst(request));
});
