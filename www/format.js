// Turns analysis numbers into short, plain-English strings for the page, and tidies pieces of
// the text for display in the panels.
// Input: numbers and codes from the analysis (possibly null), text slices. Output: strings; no DOM.

const numberFormat = new Intl.NumberFormat('en');
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** 12345 → "12,345". */
export function formatCount(n) {
  return numberFormat.format(n);
}

/** A score with one decimal, or "n/a" when the formula had too little text. */
export function formatScore(value) {
  return value == null ? 'n/a' : value.toFixed(1);
}

/** Reading time: "under 1 min", "4 min", "1 h 5 min". */
export function formatMinutes(minutes, words) {
  if (!words) return '—';
  if (minutes < 1) return 'under 1 min';
  const total = Math.round(minutes);
  const hours = Math.floor(total / 60);
  return hours ? `${hours} h ${total % 60} min` : `${total} min`;
}

/** "en", 0.93 → "English (93% sure)"; "und" → "not determined". */
export function formatLanguage({ code, confidence }) {
  if (!code || code === 'und') return 'not determined';
  let name = code;
  try {
    name = languageNames.of(code);
  } catch {
    // An unusual code Intl does not know: show the code itself.
  }
  return `${name} (${Math.round(confidence * 100)}% sure)`;
}

/** What a Flesch–Kincaid (US school) grade means, in plain words. */
export function explainGrade(grade) {
  if (grade == null) return 'The body is too short to score.';
  const rounded = Math.max(1, Math.round(grade));
  const years = `${rounded} year${rounded === 1 ? '' : 's'}`;
  if (grade < 6) return `Easy: a child with about ${years} of school can follow it.`;
  if (grade < 9) return `Plain English: most adults read it easily (about ${years} of school).`;
  if (grade < 13) return `Fairly hard: it asks for about ${years} of school, like a quality newspaper.`;
  if (grade < 17) return 'Hard: university-level reading.';
  return 'Very hard: specialist or academic reading.';
}

/** What a Flesch reading-ease score (0–100, higher is easier) means. */
export function explainEase(ease) {
  const bands = [
    [90, 'very easy'], [80, 'easy'], [70, 'fairly easy'], [60, 'plain English'],
    [50, 'fairly difficult'], [30, 'difficult'],
  ];
  const band = bands.find(([floor]) => ease >= floor);
  return band ? band[1] : 'very difficult';
}

/** A tone compound in [-1, 1] with its sign: "+0.03", "−0.42" (a true minus sign), "0.00". */
export function formatTone(compound) {
  const rounded = Math.round(compound * 100) / 100;
  if (rounded === 0) return '0.00';
  return `${rounded > 0 ? '+' : '\u2212'}${Math.abs(rounded).toFixed(2)}`;
}

/** One word for a tone compound; the bands follow the spread seen on BBC news articles. */
export function toneWord(compound) {
  const bands = [
    [0.65, 'strongly positive'], [0.35, 'positive'], [0.1, 'slightly positive'], [-0.1, 'neutral'],
    [-0.35, 'slightly negative'], [-0.65, 'negative'],
  ];
  const band = bands.find(([floor]) => compound >= floor);
  return band ? band[1] : 'strongly negative';
}

/** What the article's tone figures mean, in plain words. */
export function explainTone({ compound, positive, negative }) {
  const percent = (share) => `${Math.round(share * 100)}%`;
  const mix = `${percent(positive)} of its wording leans positive, ${percent(negative)} negative; the rest is neutral.`;
  return `${capitalise(toneWord(compound))} overall. ${mix}`;
}

/** A rate (loaded words per 1,000 words) with one decimal. */
export function formatRate(perThousand) {
  return perThousand.toFixed(1);
}

/** What a rate of loaded words means; the bands follow the spread seen on BBC news articles. */
export function explainLoaded(perThousand, count) {
  if (!count) return 'None found: the wording reports rather than judges.';
  const found = `${formatCount(count)} loaded ${count === 1 ? 'word or phrase' : 'words or phrases'}`;
  if (perThousand < 3) return `Low (${found}), as in most straight news.`;
  if (perThousand < 6) return `Moderate (${found}): some charged wording.`;
  return `High (${found}): more charged wording than nine news articles in ten.`;
}

/** Bytes as the analyzer reports them: 17,000,000 → "16.2 MB" (1 MB = 1,048,576 bytes). */
export function formatMegabytes(bytes) {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

/** "the cat" → "The cat". */
export function capitalise(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "relatedHeadlines" → "related headlines". */
export function kindLabel(kind) {
  return String(kind).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** A slice of the text on one line: whitespace runs (line breaks) read as one space. */
export function oneLine(s) {
  return s.replace(/\s+/g, ' ').trim();
}

/** At most `max` UTF-16 units, cut at a space when one is near, with "…" when cut. */
export function clip(s, max) {
  if (s.length <= max) return s;
  let cut = s.lastIndexOf(' ', max - 1);
  if (cut < max * 0.7) cut = max - 1;
  if (/[\uD800-\uDBFF]/.test(s.charAt(cut - 1))) cut--; // never split a surrogate pair
  return `${s.slice(0, cut).trimEnd()}…`;
}
