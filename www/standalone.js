// First module of the single self-contained HTML file (scripts/build-standalone.mjs), run
// before the page's own: a page opened from file:// cannot fetch the files beside it, so the
// page's request for the sample article is answered from the copy the build inlined (module
// `inline:assets`). Every other request goes to the real fetch, which the file's CSP blocks.

import { SAMPLE } from 'inline:assets';

const sampleUrl = new URL('sample-article.txt', document.baseURI).href;
const realFetch = globalThis.fetch.bind(globalThis);

globalThis.fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input), document.baseURI).href;
  if (url !== sampleUrl) return realFetch(input, init);
  return Promise.resolve(new Response(SAMPLE, { headers: { 'content-type': 'text/plain; charset=utf-8' } }));
};
