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
run sentiment.py vader_ground_truth/dev.jsonl 0.65
run keyphrases.py duc2001_keyphrases/dev.jsonl 0.28
run keyphrases.py kpcrowd_500n/dev.jsonl 0.125
# The summary target is 1.08 × the lead baseline's ROUGE-1 F (0.512 on dev): 0.553.
run summary.py bbc_news_summary/dev.jsonl 0.553
run structure.py news_pages/dev.jsonl.gz 0.92
exit $fail
