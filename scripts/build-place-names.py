#!/usr/bin/env python3
"""Builds src/lexicon/place-names.tsv: other names and demonyms of the world's countries, for
the entity stage's alias merging ("Russian Federation" = "Russia") and demonym links
("North Korean" -> North Korea).

Usage (standard library only; the package is fetched with pip, not imported):
    pip download --no-deps countryinfo==1.0.1 -d /tmp/pkgs
    cd /tmp/pkgs && unzip -qo countryinfo-1.0.1-py3-none-any.whl -d ci
    python3 scripts/build-place-names.py /tmp/pkgs/ci/countryinfo/data > src/lexicon/place-names.tsv

Source and licence: PyPI `countryinfo` 1.0.1 (MIT licence, github.com/porimol/countryinfo),
its per-country JSON files: `name`, `altSpellings`, `demonym`, `ISO`. Kept: names in Latin
letters of several words or in capitals ("UK"), with a word of English official names
("Republic", "Federation"), not "<state form> of <country>" (the stage derives those), not
the two- and three-letter ISO codes, not inverted forms ("Korea, Republic of"), not one-word
own-language names ("Rossiya", "Island" for Iceland). A
demonym shared by several countries ("American") goes to the most populous one.
Output: comment lines, then KIND<TAB>country<TAB>text lines (KIND ALIAS or DEMONYM), sorted.
"""

import glob
import json
import os
import re
import sys

# Words of the English official names of states ("Russian Federation", "Republic of Korea").
ENGLISH = {"Republic", "Kingdom", "Federation", "Democratic", "People", "United", "Union", "Islands",
           "Federal", "Commonwealth", "State", "States", "Principality", "Grand", "Duchy", "Sultanate",
           "Emirates", "Socialist", "Islamic", "Arab", "Territory", "Territories", "Region", "Special",
           "Administrative", "Independent", "Plurinational", "Bolivarian", "Co-operative", "Great"}


def latin(text):
    return all(c.isascii() or c in "éèüöäçñãâôí" for c in text)


def main():
    rows = set()
    # A demonym shared by several countries ("American", "French") goes to the most populous.
    demonyms = {}
    for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.json"))):
        with open(path, encoding="utf-8") as f:
            try:
                country = json.load(f)
            except json.JSONDecodeError:
                continue
        name = " ".join(str(country.get("name", "")).split())
        if not name or not latin(name):
            continue
        codes = {str(v) for v in (country.get("ISO") or {}).values()}
        for alias in country.get("altSpellings") or []:
            alias = " ".join(str(alias).split())
            # One-word other names are mostly the country's own-language name, seldom used in
            # English and at times an English word ("Island" for Iceland): left out.
            one_word = " " not in alias and alias != alias.upper()
            # "Republic of Turkey": the entity stage finds "<state form> of <country>" itself.
            state_form = re.search(r"\b" + re.escape(name) + r"$", alias) and " of " in alias
            # Other several-word names in the country's own language ("Kongeriket Norge"):
            # English news writes the English forms, which have one of these words.
            english = alias == alias.upper() or any(w in ENGLISH for w in alias.replace("'s", "").split())
            if (alias and alias != name and alias not in codes and latin(alias) and "," not in alias and not one_word
                    and not state_form and english):
                rows.add(("ALIAS", name, alias))
        demonym = " ".join(str(country.get("demonym") or "").split())
        population = country.get("population") or 0
        if demonym and latin(demonym) and demonym != name and population >= demonyms.get(demonym, ("", -1))[1]:
            demonyms[demonym] = (name, population)
    rows |= {("DEMONYM", name, demonym) for demonym, (name, _) in demonyms.items()}
    print("# Other names and demonyms of countries (entity stage: aliases and demonyms).")
    print("# Built by scripts/build-place-names.py (see its header for the exact commands) from")
    print("# PyPI `countryinfo` 1.0.1 (MIT licence): altSpellings and demonym of each country,")
    print("# English forms only (no own-language, inverted or ISO forms, no '<state form> of <country>',")
    print("# which the stage derives); a demonym shared by")
    print("# several countries goes to the most populous.")
    print("# Format: KIND<TAB>country<TAB>text, KIND ALIAS (another name) or DEMONYM (adjective).")
    for row in sorted(rows):
        if not any("\t" in part for part in row):
            print("\t".join(row))


if __name__ == "__main__":
    main()
