#!/usr/bin/env python3
"""Builds the two word lists the key phrase stage uses when tokens have no POS tags.

- src/lexicon/keyphrase_nonnominal.txt: words that are rarely part of a noun phrase (a
  verb like "met", an adverb like "soon"); such a word ends a candidate phrase, as a stop
  word does. Listed: words seen at least MIN_COUNT times (lowercased, alphabetic) in the
  Universal Dependencies English Web Treebank training file with less than MAX_NOMINAL of
  their occurrences tagged NOUN, PROPN, ADJ, NUM, SYM or X, stop words left out.
- src/lexicon/keyphrase_nominal_suffixed.txt: words ending in -ing, -ed or -ly that are
  mostly nouns or adjectives there ("training", "red", "family"). Other -ing/-ed words
  are taken for verb forms, which may start a phrase ("crumpled airplane") but not end it
  ("airplane crashed"), and other -ly words for adverbs, which end it. Listed: at least
  MIN_COUNT occurrences, at least half of them nominal.

Deterministic (sorted output). Run from the repository root (standard library only):
    python3 scripts/build_keyphrase_lexicon.py ../shared/data/ud_ewt/en_ewt-ud-train.conllu.gz
"""
import gzip
import sys
from collections import Counter, defaultdict

MIN_COUNT = 2
MAX_NOMINAL = 0.3
NOMINAL = {"NOUN", "PROPN", "ADJ", "NUM", "SYM", "X"}
STOPWORDS = "src/lexicon/keyphrase_stopwords.txt"
NONNOMINAL = "src/lexicon/keyphrase_nonnominal.txt"
SUFFIXED = "src/lexicon/keyphrase_nominal_suffixed.txt"

SOURCE = f"""\
# Source: derived from the Universal Dependencies English Web Treebank, train split
# (en_ewt-ud-train.conllu, UD 2.x; Silveira et al. 2014), lowercased alphabetic words seen at
# least {MIN_COUNT} times. Licence: CC BY-SA 4.0 (as the treebank); this list is shared alike.
# Made by: python3 scripts/build_keyphrase_lexicon.py <en_ewt-ud-train.conllu.gz>
# Format: one lowercase word per line; lines starting with '#' are comments."""

NONNOMINAL_HEADER = f"""\
# Words that are rarely part of a noun phrase (mostly verbs and adverbs): fewer than
# {MAX_NOMINAL:.0%} of their tags are NOUN/PROPN/ADJ/NUM/SYM/X; stop words left out. The key
# phrase stage treats them as phrase boundaries when tokens have no part-of-speech tags.
""" + SOURCE

SUFFIXED_HEADER = """\
# Words ending in -ing, -ed or -ly that are mostly nouns or adjectives (at least half of
# their tags NOUN/PROPN/ADJ/NUM/SYM/X). Without part-of-speech tags, the key phrase stage
# takes other -ing/-ed words for verb forms, which never end a phrase, and other -ly words
# for adverbs, which are phrase boundaries.
""" + SOURCE


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
    counted = {w: (sum(c.values()), sum(c[t] for t in NOMINAL)) for w, c in tags.items()
               if w.isalpha() and w.isascii() and w not in stop and sum(c.values()) >= MIN_COUNT}
    write(NONNOMINAL, NONNOMINAL_HEADER, (w for w, (n, nom) in counted.items() if nom < MAX_NOMINAL * n))
    write(SUFFIXED, SUFFIXED_HEADER,
          (w for w, (n, nom) in counted.items() if w.endswith(("ing", "ed", "ly")) and 2 * nom >= n))


def write(path, header, words):
    with open(path, "w", encoding="utf-8") as f:
        f.write(header + "\n" + "\n".join(sorted(words)) + "\n")


if __name__ == "__main__":
    main()
