#!/usr/bin/env bash
# Re-runs every training command of the README and checks that the committed model files in
# src/models are exactly what they produce (the training is seeded and deterministic).
# The committed files are put back afterwards whatever happens; a difference is printed
# as a diff and fails the check. Run from anywhere; takes a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/data
saved=$(mktemp -d)
cp -a src/models/. "$saved/"
restore() { cp -a "$saved/." src/models/; rm -rf "$saved"; }
trap restore EXIT

step() { echo "== $*" >&2; }
step sentences
gzip -dc "$data/ud_ewt/en_ewt-ud-train.conllu.gz" | cargo run --quiet --release --locked --bin train-sentences >/dev/null 2>&1
step syllables
cargo run --quiet --release --locked --bin train-syllables -- "$data/cmudict_syllables/dev.tsv" "$data/polnear_attribution/train.jsonl" src/models/syllables.tsv >/dev/null 2>&1
step language
python3 scripts/train_langid.py >/dev/null 2>&1
for what in clusters pos ner; do
  step "tagger $what"
  cargo run --quiet --release --locked --bin train-tagger -- "$what" 2>/dev/null
done
step sentiment
cargo run --quiet --release --locked --bin train-sentiment -- --write >/dev/null 2>&1
step summary
cargo run --quiet --release --locked --bin train-summary -- "$data/bbc_news_summary/dev.jsonl" > src/models/summary_weights.txt 2>/dev/null
step "quote cues"
cargo run --quiet --release --locked --bin train-quote-cues >/dev/null 2>&1
step hedges
cargo run --quiet --release --locked --bin train-hedges >/dev/null 2>&1

if diff -r "$saved" src/models; then
  echo "models: every committed model file is what its training command writes"
else
  echo "models: the files above differ from what the training commands write" >&2
  exit 1
fi
