#!/usr/bin/env bash
# Seeds the fuzz corpora from the repository's texts: every text fixture under tests/fixtures
# (golden, structure and quote articles, the XSS payload list) and the page's sample article.
# `analyze` gets each text as it is; `stage` gets each text once per stage, prefixed by the
# byte that selects that stage. Idempotent: file names are content hashes.
# Usage (from the repository root): tests/fuzz/seed.sh
set -euo pipefail
shopt -s nullglob
cd "$(dirname "$0")"
STAGES=$(grep -c '^    \(any_language\|english\)(' ../../src/pipeline.rs)
mkdir -p corpus/analyze corpus/stage
for f in ../fixtures/*.txt ../fixtures/*/*.txt ../../www/sample-article.txt; do
  cp "$f" "corpus/analyze/$(sha1sum < "$f" | cut -c1-40)"
  for ((i = 0; i < STAGES; i++)); do
    tmp=$(mktemp)
    { printf "\\x$(printf %02x "$i")"; cat "$f"; } > "$tmp"
    mv "$tmp" "corpus/stage/$(sha1sum < "$tmp" | cut -c1-40)"
  done
done
echo "seeded $(ls corpus/analyze | wc -l) analyze and $(ls corpus/stage | wc -l) stage inputs ($STAGES stages)"
