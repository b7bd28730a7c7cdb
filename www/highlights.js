// The highlight layer: named sets of marks drawn over the article text, chosen in the
// "Highlight" menu.
//
// Each entry is {id, label, tokens, marks}: `tokens` says whether the analysis must be run
// with {tokens: true}; `marks(analysis)` returns [{start, end, class, title}] in UTF-16
// offsets, for the generic renderer (render.js). Marks may overlap sentences and each other.
// Later analyses (entities, quotes, sentiment…) plug in by adding an entry here.

const LONG_SENTENCE_WORDS = 25;
const TOKEN_TITLES = { number: 'Number', url: 'Link', email: 'E-mail address', hashtag: 'Hashtag', mention: 'Mention' };

export const HIGHLIGHTS = [
  { id: 'none', label: 'Nothing', tokens: false, marks: () => [] },
  { id: 'long-sentences', label: `Long sentences (${LONG_SENTENCE_WORDS}+ words)`, tokens: true, marks: longSentences },
  { id: 'numbers', label: 'Numbers', tokens: true, marks: (a) => tokensOf(a, ['number']) },
  { id: 'links', label: 'Links, e-mails, hashtags, mentions', tokens: true, marks: (a) => tokensOf(a, ['url', 'email', 'hashtag', 'mention']) },
];

/** The highlight with this id, or the first one ("Nothing"). */
export function highlightById(id) {
  return HIGHLIGHTS.find((h) => h.id === id) ?? HIGHLIGHTS[0];
}

/** Body sentences with at least LONG_SENTENCE_WORDS word or number tokens (one pass). */
function longSentences(analysis) {
  const tokens = analysis.tokens ?? [];
  const marks = [];
  let t = 0;
  for (const sentence of analysis.sentences) {
    while (t < tokens.length && tokens[t].start < sentence.start) t++;
    let words = 0;
    for (; t < tokens.length && tokens[t].start < sentence.end; t++) {
      if (tokens[t].kind === 'word' || tokens[t].kind === 'number') words++;
    }
    if (sentence.inBody && words >= LONG_SENTENCE_WORDS) {
      marks.push({ start: sentence.start, end: sentence.end, class: 'hl hl-long', title: `Long sentence: ${words} words` });
    }
  }
  return marks;
}

function tokensOf(analysis, kinds) {
  return (analysis.tokens ?? [])
    .filter((token) => kinds.includes(token.kind))
    .map((token) => ({ start: token.start, end: token.end, class: `hl hl-${token.kind}`, title: TOKEN_TITLES[token.kind] ?? token.kind }));
}
