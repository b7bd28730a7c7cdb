#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already there.
# Usage: scripts/setup.sh [--test]   (--test adds Chromium, the Vite example's Node packages
# and the Python packages of the scoring scripts). Every step is idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

rustup target add wasm32-unknown-unknown >/dev/null

# The wasm-bindgen CLI must match the wasm-bindgen crate version locked in Cargo.lock.
WB=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p')
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WB" ]; then
  echo "setup: installing wasm-bindgen-cli $WB (takes 2-4 minutes once)"
  cargo install wasm-bindgen-cli --version "$WB" --locked
fi

# Node packages: esbuild (the single-file build) and playwright-core (end-to-end tests).
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

if [ "${1:-}" = "--test" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    echo "setup: installing Chromium and ChromeDriver from Debian"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  # The Vite example's own packages (vite, typescript), for its end-to-end test.
  if [ ! -d examples/vite/node_modules ] || [ examples/vite/package-lock.json -nt examples/vite/node_modules/.package-lock.json ]; then
    npm ci --prefix examples/vite --no-audit --no-fund
  fi
  python3 -c 'import nltk, rouge_score' 2>/dev/null \
    || python3 -m pip install --quiet -r ../shared/eval/requirements.txt 2>/dev/null \
    || python3 -m pip install --quiet "nltk==3.10.4" "rouge-score==0.1.2"
fi
