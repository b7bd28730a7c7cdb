#!/usr/bin/env bash
# Runs the scoring scripts of ../shared/eval on the dev data with each target as --min,
# so a figure that drops below its target fails the test command. Needs a release build.
set -euo pipefail
cd "$(dirname "$0")/.."
EVAL=../shared/eval
DATA=../shared/data
fail=0
run() { # script data-file minimum [extra args]
  local script=$1 data=$2 min=$3; shift 3
  local last
  if last=$(python3 "$EVAL/$script" "$DATA/$data" --min "$min" "$@" | tail -n 1); then
    echo "ok   $last (target $min)"
  else
    echo "FAIL $last (target $min)"; fail=1
  fi
}
run sentences.py ud_ewt/dev.jsonl 0.92
run syllables.py cmudict_syllables/dev.tsv 0.95
# Target 0.98, not yet met (0.9795: one pair short; see README). Guard against regressions:
run readability.py onestopenglish/dev.jsonl 0.975
run sentiment.py vader_ground_truth/dev.jsonl 0.65
run keyphrases.py duc2001_keyphrases/dev.jsonl 0.28
run keyphrases.py kpcrowd_500n/dev.jsonl 0.125
# The summary target is 1.08 × the lead baseline's ROUGE-1 F (0.512 on dev): 0.553.
run summary.py bbc_news_summary/dev.jsonl 0.553
run structure.py news_pages/dev.jsonl.gz 0.92
run langid.py langid_lingua/dev_sentences.tsv.gz 0.90
# langid.py's headline is accuracy over all languages; English has its own target.
english=$(python3 "$EVAL/langid.py" "$DATA/langid_lingua/dev_sentences.tsv.gz" --json | sed -n 's/.*"english_accuracy": \([0-9.]*\).*/\1/p')
if python3 -c "import sys; sys.exit(0 if float('${english:-0}') >= 0.99 else 1)"; then
  echo "ok   langid english_accuracy: $english (target 0.99)"
else
  echo "FAIL langid english_accuracy: ${english:-missing} (target 0.99)"; fail=1
fi
# Entity and POS targets (issue 3) are not met yet; these minimums guard the current figures:
# targets POS 0.95, CoNLL 0.92, wikigold 0.75, UNER 0.70.
run pos.py ud_ewt/dev.jsonl 0.945
run ner.py conll2003/dev.docs.jsonl 0.92
# (wikigold moves by one to two points with the training seed or a small change upstream,
# such as the POS model: 0.638–0.665 measured.)
run ner.py wikigold/dev.docs.jsonl 0.63
run ner.py uner_ewt/dev.docs.jsonl 0.60
run hedging.py conll2010_wiki_hedge/dev_pattern_sample.jsonl 0.62
run quotes.py polnear_attribution/dev.jsonl 0.70
# quotes.py's headline is F1; direct-quote recall and source accuracy have targets too.
quotes=$(python3 "$EVAL/quotes.py" "$DATA/polnear_attribution/dev.jsonl" --json | grep '^{')
for target in direct_recall:0.90 source_accuracy:0.80; do
  name=${target%%:*} min=${target#*:}
  value=$(echo "$quotes" | sed -n "s/.*\"$name\": \([0-9.]*\).*/\1/p")
  if python3 -c "import sys; sys.exit(0 if float('${value:-0}') >= $min else 1)"; then
    echo "ok   quotes $name: $value (target $min)"
  else
    echo "FAIL quotes $name: ${value:-missing} (target $min)"; fail=1
  fi
done
exit $fail
