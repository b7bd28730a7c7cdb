#!/usr/bin/env python3
"""Trains the language identifier's model, `src/models/langid.bin` (standard library only).

Usage, from the repository root (deterministic; the committed model is exactly its output):

    python3 scripts/train_langid.py [--data ../shared/data/langid_lingua] [--out src/models/langid.bin]

Data: the lingua test sets in `langid_lingua/dev_{sentences,word-pairs,single-words}.tsv.gz`
(code TAB text; Apache-2.0, texts from the Leipzig corpora). Every line whose text has
`zlib.crc32(text) % 10 < 3` is held out (30 %); the model sees only the other lines, and the
accuracy printed at the end is measured on the held-out lines with exactly the decision rule of
`src/stages/language.rs` (the Rust stage gives the same answers; integer scores, same ties).

Model, in short:
1. Every character belongs to a script by the RANGES table below (written into the model, so
   the Rust side reads the same table). Letters of one script in a row form a word, lowercased;
   combining marks stay in the word; ignorable characters are skipped; anything else separates.
2. The script with the largest weighted letter count decides the group of candidate languages
   (a language belongs to the script most of its training letters use). Scripts used by one
   language (Greek, Hebrew, Hangul, Thai…) decide outright; the weights let a non-Latin script
   win with a third of the letters (Latin names and URLs are common in other scripts, the
   reverse is rare), a Han or kana character count like a word, and kana mark Japanese even
   among many Han characters.
3. Within a group of several languages: naive Bayes over the character 1- to 4-grams of
   each word padded with one space on each side. Per language, log P(gram) =
   log((c + ALPHA) / (total_n + ALPHA * V_n)) per n-gram order n, with a count c below
   MIN_COUNT replaced by UNSEEN_COUNT. Kept n-grams: the union of each language's TOP_K most
   frequent (TOP_K_ENGLISH for English, the analyzer's main language). Each log-probability
   is rounded to whole nats; the group median of its row is subtracted (it adds the same to
   every language, so it never changes the answer), and only the weights with |w| >= MIN_WEIGHT
   are kept (|w| >= MIN_WEIGHT_SMALL for scripts of
   at most SMALL_GROUP languages). What remains is a sparse integer weight table: score(lang) = sum of weights.
4. Confidence: the softmax of the scores at temperature TEMPERATURE (fitted here on the
   held-out lines by log-loss), times the share of the letters in the deciding script.

File format (little-endian), after the leading '#' comment lines:
    b"LID1", u16 temperature * 100, u8 MIN_LETTERS, u8 MAX_N,
    u8 scripts, each: u8 name length, name, u8 weight, u8 languages, 2 bytes per code,
    u16 ranges, each: u32 first, u32 last, u8 script index (255: combining mark),
    then for each script with two or more languages:
    u32 n-grams, u32 weights,
    n-grams sorted by UTF-8 bytes, front-coded: u8 bytes shared with the previous, u8 new
    bytes, the new bytes;
    u8 per n-gram: number of weights; u8 per weight: language index minus the previous one
    in the row (the first counted from 0); i8 per weight: the weight in nats.
"""

import argparse
import collections
import gzip
import math
import os
import struct
import zlib

FILES = ["dev_sentences.tsv.gz", "dev_word-pairs.tsv.gz", "dev_single-words.tsv.gz"]
MAX_N = 4
ALPHA = 0.5
MIN_COUNT = 3
UNSEEN_COUNT = 0.3
TOP_K = 500
TOP_K_ENGLISH = 2000
MIN_WEIGHT = 2
MIN_WEIGHT_SMALL = 1  # for scripts of at most SMALL_GROUP languages, whose tables are small
SMALL_GROUP = 3
MIN_LETTERS = 3  # weighted letters of the deciding script below which the answer is "und"
TEMPERATURES = [1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 32]

# (first, last, script). "Zinh" = combining marks, which join the word they follow. No range
# holds an IGNORABLE character, so letters can be counted without looking for those.
RANGES = [
    (0x0041, 0x005A, "Latn"), (0x0061, 0x007A, "Latn"), (0x00C0, 0x00D6, "Latn"),
    (0x00D8, 0x00F6, "Latn"), (0x00F8, 0x024F, "Latn"), (0x0300, 0x036F, "Zinh"),
    (0x0370, 0x03FF, "Grek"), (0x0400, 0x052F, "Cyrl"), (0x0531, 0x058F, "Armn"),
    (0x0591, 0x05F4, "Hebr"), (0x0610, 0x061A, "Arab"), (0x0620, 0x065F, "Arab"),
    (0x066E, 0x06D3, "Arab"), (0x06D5, 0x06EF, "Arab"), (0x06FA, 0x06FF, "Arab"),
    (0x0750, 0x077F, "Arab"), (0x0900, 0x0963, "Deva"), (0x0971, 0x097F, "Deva"),
    (0x0980, 0x09E3, "Beng"), (0x09F0, 0x09FF, "Beng"), (0x0A00, 0x0A65, "Guru"),
    (0x0A70, 0x0A7F, "Guru"), (0x0A80, 0x0AE5, "Gujr"), (0x0AF0, 0x0AFF, "Gujr"),
    (0x0B80, 0x0BE5, "Taml"), (0x0BF0, 0x0BFF, "Taml"), (0x0C00, 0x0C65, "Telu"),
    (0x0C70, 0x0C7F, "Telu"), (0x0E01, 0x0E4F, "Thai"), (0x0E5A, 0x0E7F, "Thai"),
    (0x10A0, 0x10FF, "Geor"), (0x1100, 0x11FF, "Hang"), (0x1C90, 0x1CBF, "Geor"),
    (0x1E00, 0x1EFF, "Latn"), (0x1F00, 0x1FFF, "Grek"), (0x3041, 0x30FA, "Kana"),
    (0x30FC, 0x30FF, "Kana"), (0x3130, 0x318F, "Hang"), (0x31F0, 0x31FF, "Kana"),
    (0x3400, 0x4DBF, "Hani"), (0x4E00, 0x9FFF, "Hani"), (0xAC00, 0xD7AF, "Hang"),
    (0xF900, 0xFAFF, "Hani"), (0xFB50, 0xFDFF, "Arab"), (0xFE70, 0xFEFC, "Arab"),
    (0xFF66, 0xFF9F, "Kana"), (0x20000, 0x2FFFF, "Hani"),
]
# Weight of a letter when choosing the script; Latin counts 1.
SCRIPT_WEIGHT = {"Latn": 1, "Hang": 6, "Hani": 6, "Kana": 60}
OTHER_WEIGHT = 2
ENGLISH = "en"
# Skipped inside words, as `text::is_ignorable` in the crate: soft hyphen, zero-width and
# bidi controls, word joiners, BOM.
IGNORABLE = {0xAD, 0xFEFF, *range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x2065)}

STARTS = [r[0] for r in RANGES]


def script_of(c):
    o = ord(c)
    lo, hi = 0, len(RANGES)
    while lo < hi:  # last range starting at or before o
        mid = (lo + hi) // 2
        if STARTS[mid] <= o:
            lo = mid + 1
        else:
            hi = mid
    if lo and RANGES[lo - 1][1] >= o:
        return RANGES[lo - 1][2]
    return None


def words(text):
    """(script, lowercased word, letters) for every run of letters of one script; `letters`
    counts the word's characters other than combining marks, before lowercasing."""
    out, cur, cur_script, letters = [], [], None, 0
    for c in text:
        if ord(c) in IGNORABLE:
            continue
        s = script_of(c)
        if s == "Zinh" and cur:
            cur.append(c)
            continue
        if s != cur_script or s is None or s == "Zinh":
            if cur:
                out.append((cur_script, "".join(cur), letters))
            cur, cur_script, letters = [], None, 0
            if s is None or s == "Zinh":
                continue
        cur_script = s
        cur.append(c.lower())
        letters += 1
    if cur:
        out.append((cur_script, "".join(cur), letters))
    return out


def grams(word):
    padded = " " + word + " "
    for i in range(len(padded)):
        for n in range(1, MAX_N + 1):
            if i + n > len(padded):
                break
            g = padded[i:i + n]
            if g != " ":
                yield g


def held_out(text):
    return zlib.crc32(text.encode("utf-8")) % 10 < 3


def load(data):
    train, test = [], []
    for name in FILES:
        with gzip.open(os.path.join(data, name), "rt", encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                code, text = line.rstrip("\n").split("\t", 1)
                (test if held_out(text) else train).append((name, code, text))
    return train, test


def letter_counts(ws):
    counts = collections.Counter()
    for s, _, letters in ws:
        counts[s] += letters
    return counts


def script_order(groups):
    """Latin first, then the others by name: the order of scripts in the model file."""
    return sorted(groups, key=lambda s: (s != "Latn", s))


def train_model(train):
    by_script = collections.defaultdict(collections.Counter)
    for _, code, text in train:
        by_script[code].update(letter_counts(words(text)))
    home = {code: c.most_common(1)[0][0] for code, c in sorted(by_script.items())}
    groups = collections.defaultdict(list)
    for code, s in sorted(home.items()):
        groups[s].append(code)
    counts = {code: collections.Counter() for code in home}
    for _, code, text in train:
        for s, w, _ in words(text):
            if s == home[code]:
                counts[code].update(grams(w))
    tables = {}
    for s, langs in groups.items():
        if len(langs) > 1:
            tables[s] = weight_table(langs, counts)
    return groups, tables


def weight_table(langs, counts):
    """{n-gram: {language index: weight}} for one script's languages."""
    total = {lang: [0] * (MAX_N + 1) for lang in langs}
    vocab_size = [0] * (MAX_N + 1)
    seen = set()
    for lang in langs:
        for g, c in counts[lang].items():
            total[lang][len(g)] += c
            seen.add(g)
    for g in seen:
        vocab_size[len(g)] += 1
    min_weight = MIN_WEIGHT_SMALL if len(langs) <= SMALL_GROUP else MIN_WEIGHT
    kept = set()
    for lang in langs:
        k = TOP_K_ENGLISH if lang == ENGLISH else TOP_K
        ranked = sorted(counts[lang].items(), key=lambda gc: (-gc[1], gc[0]))
        kept.update(g for g, _ in ranked[:k])
    table = {}
    for g in sorted(kept):
        n = len(g)
        nats = []
        for lang in langs:
            c = counts[lang].get(g, 0)
            c = c if c >= MIN_COUNT else UNSEEN_COUNT
            nats.append(round(math.log((c + ALPHA) / (total[lang][n] + ALPHA * vocab_size[n]))))
        median = sorted(nats)[len(nats) // 2]
        row = {i: v - median for i, v in enumerate(nats) if abs(v - median) >= min_weight}
        if row:
            table[g] = row
    return table


class Classifier:
    """The decision rule of src/stages/language.rs, for the held-out figures."""

    def __init__(self, groups, tables, temperature):
        self.groups, self.tables, self.temperature = groups, tables, temperature
        self.order = script_order(groups)

    def scores(self, text):
        """(script, its share of the weighted letters, its weighted letters, integer scores or None)."""
        ws = words(text)
        letters = letter_counts(ws)
        weighted = {s: letters[s] * SCRIPT_WEIGHT.get(s, OTHER_WEIGHT) for s in self.order if letters[s]}
        if not weighted:
            return None
        script = max(weighted, key=lambda s: weighted[s])  # the first of equals, in model order
        share = weighted[script] / sum(weighted.values())
        table = self.tables.get(script)
        if table is None:
            return script, share, weighted[script], None
        scores = [0] * len(self.groups[script])
        for s, w, _ in ws:
            if s == script:
                for g in grams(w):
                    for i, v in table.get(g, {}).items():
                        scores[i] += v
        return script, share, weighted[script], scores

    def classify(self, text):
        r = self.scores(text)
        if r is None or r[2] < MIN_LETTERS:
            return "und"
        script, _, _, scores = r
        langs = self.groups[script]
        if scores is None:
            return langs[0]
        if min(scores) == max(scores):
            return "und"
        return langs[max(range(len(langs)), key=lambda i: (scores[i], -i))]


def fit_temperature(clf, items):
    """The softmax temperature with the least log-loss of the right answer."""
    rows = []
    for code, text in items:
        r = clf.scores(text)
        if r and r[3] is not None and code in clf.groups[r[0]]:
            rows.append((r[3], clf.groups[r[0]].index(code)))

    def loss(t):
        total = 0.0
        for scores, right in rows:
            top = max(scores)
            total += math.log(sum(math.exp((s - top) / t) for s in scores)) - (scores[right] - top) / t
        return total / len(rows)

    return min(TEMPERATURES, key=loss)


def front_coded(strings):
    out, prev = bytearray(), b""
    for s in strings:
        b = s.encode("utf-8")
        shared = 0
        while shared < min(len(b), len(prev), 255) and b[shared] == prev[shared]:
            shared += 1
        out += bytes([shared, len(b) - shared]) + b[shared:]
        prev = b
    return out


HEADER = """\
# Language identification model for src/stages/language.rs (binary after these lines).
# Made by: python3 scripts/train_langid.py (deterministic; see its docstring for the method
# and the byte layout). Trained on 70 % of ../shared/data/langid_lingua/dev_*.tsv.gz:
# lingua test data (github.com/pemistahl/lingua-py, Apache-2.0) sampled from the Leipzig
# Wortschatz corpora (wortschatz.uni-leipzig.de). Contents: script ranges, the languages of
# each script, and sparse integer naive-Bayes weights of character 1- to 4-grams.
"""


def encode(groups, tables, temperature):
    scripts = script_order(groups)
    index = {s: i for i, s in enumerate(scripts)}
    out = bytearray(HEADER.encode("ascii"))
    out += b"LID1" + struct.pack("<HBB", round(temperature * 100), MIN_LETTERS, MAX_N)
    out += bytes([len(scripts)])
    for s in scripts:
        weight = SCRIPT_WEIGHT.get(s, OTHER_WEIGHT)
        out += bytes([len(s)]) + s.encode("ascii") + bytes([weight, len(groups[s])])
        out += "".join(groups[s]).encode("ascii")
    ranges = [(lo, hi, 255 if s == "Zinh" else index[s]) for lo, hi, s in RANGES if s == "Zinh" or s in index]
    out += struct.pack("<H", len(ranges))
    for lo, hi, i in ranges:
        out += struct.pack("<IIB", lo, hi, i)
    for s in scripts:
        table = tables.get(s)
        if table is None:
            continue
        keys = sorted(table, key=lambda g: g.encode("utf-8"))
        rows = [sorted(table[g].items()) for g in keys]
        out += struct.pack("<II", len(keys), sum(len(r) for r in rows))
        out += front_coded(keys)
        out += bytes(len(r) for r in rows)
        for r in rows:
            prev = 0
            for i, _ in r:
                out.append(i - prev)
                prev = i
        for r in rows:
            out += struct.pack(f"<{len(r)}b", *(v for _, v in r))
    return bytes(out)


def report(clf, test):
    for name in FILES:
        items = [(code, text) for f, code, text in test if f == name]
        right = collections.Counter()
        seen = collections.Counter()
        for code, text in items:
            seen[code] += 1
            right[code] += clf.classify(text) == code
        acc = sum(right.values()) / len(items)
        en = right[ENGLISH] / seen[ENGLISH]
        print(f"held out {name}: {len(items)} lines, accuracy {acc:.4f}, English {en:.4f}")


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.path.join(root, "..", "shared", "data", "langid_lingua"))
    ap.add_argument("--out", default=os.path.join(root, "src", "models", "langid.bin"))
    args = ap.parse_args()
    train, test = load(args.data)
    groups, tables = train_model(train)
    clf = Classifier(groups, tables, 1.0)
    clf.temperature = fit_temperature(clf, [(c, t) for f, c, t in test if f != "dev_single-words.tsv.gz"])
    data = encode(groups, tables, clf.temperature)
    with open(args.out, "wb") as f:
        f.write(data)
    grams_kept = sum(len(t) for t in tables.values())
    weights = sum(len(r) for t in tables.values() for r in t.values())
    print(f"trained on {len(train)} lines, held out {len(test)}; {grams_kept} n-grams, {weights} weights, "
          f"temperature {clf.temperature}")
    print(f"wrote {args.out}: {len(data)} bytes, {len(gzip.compress(data, 9, mtime=0))} gzipped")
    report(clf, test)


if __name__ == "__main__":
    main()
