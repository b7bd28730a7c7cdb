// Turns analysis numbers into short, plain-English strings for the page.
// Input: numbers and codes from the analysis (possibly null). Output: strings; no DOM.

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

/** "relatedHeadlines" → "related headlines". */
export function kindLabel(kind) {
  return String(kind).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
