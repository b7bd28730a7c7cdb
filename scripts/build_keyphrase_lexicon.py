#!/usr/bin/env python3
"""Builds src/lexicon/keyphrase_nonnominal.txt: words that are rarely part of a noun phrase.

The key phrase stage uses this list when the tokens carry no part-of-speech tags: such a
word (a verb like "exclude" or "met", an adverb like "soon") ends a candidate phrase, just
as a stop word does. A word is listed when, in the Universal Dependencies English Web
Treebank training file, it occurs at least MIN_COUNT times (lowercased, alphabetic) and
less than MAX_NOMINAL of its occurrences are tagged NOUN, PROPN, ADJ, NUM, SYM or X.
Words already in keyphrase_stopwords.txt are left out. Deterministic (sorted output).

Run from the repository root (standard library only):
    python3 scripts/build_keyphrase_lexicon.py ../shared/data/ud_ewt/en_ewt-ud-train.conllu.gz \
        > src/lexicon/keyphrase_nonnominal.txt
"""
import gzip
import sys
from collections import Counter, defaultdict

MIN_COUNT = 2
MAX_NOMINAL = 0.3
NOMINAL = {"NOUN", "PROPN", "ADJ", "NUM", "SYM", "X"}
STOPWORDS = "src/lexicon/keyphrase_stopwords.txt"

HEADER = f"""\
# Words that are rarely part of a noun phrase (mostly verbs and adverbs), used by the key
# phrase stage as extra phrase boundaries when tokens have no part-of-speech tags.
# Source: derived from the Universal Dependencies English Web Treebank, train split
# (en_ewt-ud-train.conllu, UD 2.x; Silveira et al. 2014): lowercased alphabetic words seen at
# least {MIN_COUNT} times with fewer than {MAX_NOMINAL:.0%} of their tags NOUN/PROPN/ADJ/NUM/SYM/X,
# minus the stop words. Licence: CC BY-SA 4.0 (as the treebank); this list is shared alike.
# Made by: python3 scripts/build_keyphrase_lexicon.py <en_ewt-ud-train.conllu.gz>
# Format: one lowercase word per line; lines starting with '#' are comments."""


def stopwords():
    with open(STOPWORDS, encoding="utf-8") as f:
        return {w for line in f if not line.startswith("#") for w in line.split()}


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    tags = defaultdict(Counter)
    with gzip.open(sys.argv[1], "rt", encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 4 or not cols[0].isdigit():
                continue  # comments, blank lines, multiword ranges (1-2) and empty nodes (1.1)
            tags[cols[1].lower()][cols[3]] += 1
    stop = stopwords()
    words = sorted(
        w for w, c in tags.items()
        if w.isalpha() and w.isascii() and w not in stop
        and sum(c.values()) >= MIN_COUNT
        and sum(c[t] for t in NOMINAL) < MAX_NOMINAL * sum(c.values())
    )
    print(HEADER)
    print("\n".join(words))


if __name__ == "__main__":
    main()
