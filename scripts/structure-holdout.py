#!/usr/bin/env python3
"""Body token F1 of the structure stage on news_pages, split into the part its thresholds
were set on and the deterministic held-out part (standard library only).

The held-out part is every page whose id's SHA-256 (hex, first 8 digits, as an integer)
is 0 or 1 modulo 5: about 40% of the pages. The figure is the one of
`../shared/eval/structure.py` (mean over pages of the F1 of lowercased \\w+ token bags of
the `structure.body[]` text against the gold `article_body`), computed per part.

Usage, from the project root after `cargo build --release`:
    python3 scripts/structure-holdout.py [../shared/data/news_pages/dev.jsonl.gz]
"""

import gzip
import hashlib
import json
import re
import subprocess
import sys
from collections import Counter

ANALYZER = "target/release/article-analyzer"


def held_out(page_id):
    return int(hashlib.sha256(page_id.encode()).hexdigest()[:8], 16) % 5 < 2


def bag(text):
    return Counter(re.findall(r"\w+", text.lower()))


def f1(predicted, gold):
    hits = sum((predicted & gold).values())
    p = hits / sum(predicted.values()) if predicted else 0.0
    r = hits / sum(gold.values()) if gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def body_text(text, analysis):
    units = text.encode("utf-16-le")
    spans = sorted((s["start"], s["end"]) for s in analysis["structure"]["body"])
    return "\n".join(units[2 * a:2 * b].decode("utf-16-le") for a, b in spans)


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/news_pages/dev.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        pages = [json.loads(line) for line in f if line.strip()]
    lines = "".join(json.dumps({"id": p["id"], "text": p["page_text"]}) + "\n" for p in pages)
    out = subprocess.run([ANALYZER, "--jsonl"], input=lines, capture_output=True, text=True, check=True)
    scores = {"all": [], "fit": [], "held-out": []}
    for page, line in zip(pages, out.stdout.splitlines()):
        analysis = json.loads(line)["analysis"]
        score = f1(bag(body_text(page["page_text"], analysis)), bag(page["article_body"]))
        scores["all"].append(score)
        scores["held-out" if held_out(page["id"]) else "fit"].append(score)
    for name, values in scores.items():
        print(f"{name:9} pages={len(values):3}  token_f1={sum(values) / len(values):.4f}")


if __name__ == "__main__":
    main()
