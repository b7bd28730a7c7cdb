#!/usr/bin/env python3
"""Token agreement with UD English EWT: the share of gold tokens whose exact span the
analyzer produces, and the most frequent misses.

usage: cargo build --release && python3 scripts/token-agreement.py [DATA] [--top N]
DATA defaults to ../shared/data/ud_ewt/dev.jsonl (.jsonl or .jsonl.gz, one sentence per item).
Multiword surface tokens ("don't", tagged with '+' in the data) are left out, as in
../shared/eval/pos.py, whose "spans matched" figure is the same number.
"""

import argparse
import collections
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "shared", "eval"))
from common import Offsets, analyze, items_of, read_records  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", nargs="?", default=os.path.join(HERE, "..", "..", "shared", "data", "ud_ewt", "dev.jsonl"))
    parser.add_argument("--top", type=int, default=30, help="misses to list")
    args = parser.parse_args()
    rows = [r for r in read_records(args.data) if r["text"].strip()]
    analyses = analyze([(r["id"], r["text"], {"tokens": True}) for r in rows])
    gold = matched = 0
    misses, examples = collections.Counter(), {}
    for row, analysis in zip(rows, analyses):
        offsets = Offsets(row["id"], row["text"])
        predicted = [offsets.span(t, "tokens[]") for t in items_of(analysis, "tokens")]
        spans = set(predicted)
        for token in row["tokens"]:
            if "+" in token["upos"]:
                continue
            gold += 1
            start, end = token["start"], token["end"]
            if (start, end) in spans:
                matched += 1
                continue
            ours = tuple(row["text"][s:e] for s, e in filter(None, predicted) if s < end and start < e)
            key = (token["form"], ours)
            misses[key] += 1
            examples[key] = row["text"][max(0, start - 25):end + 25]
    for (form, ours), n in misses.most_common(args.top):
        print(f"{n:4d}  gold {form!r}  ours {list(ours)}  in {examples[(form, ours)]!r}")
    print(f"token agreement: {matched}/{gold} = {matched / max(gold, 1):.4f}")


if __name__ == "__main__":
    main()
