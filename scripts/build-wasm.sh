#!/usr/bin/env bash
# Builds the release .wasm and its JS glue into www/pkg (ES module, `--target web`).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --lib --target wasm32-unknown-unknown
wasm-bindgen --target web --out-dir www/pkg target/wasm32-unknown-unknown/release/article_analyzer.wasm
