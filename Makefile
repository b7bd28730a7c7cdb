# The two Quick-start commands: `make serve` and `make test`. See README.md.
PORT ?= 8000

.PHONY: serve test setup wasm dist eval

# Build the page (and dist/: the npm package, the single-file page) and serve it on http://localhost:$(PORT)/
serve: wasm dist
	@echo "Serving the page on http://localhost:$(PORT)/ (Ctrl-C to stop)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory www

wasm:
	scripts/setup.sh
	scripts/build-wasm.sh

# dist/npm: the npm package; dist/article-analyzer.html: the page in one file, works from file://
dist:
	node scripts/build-package.mjs
	node scripts/build-standalone.mjs

# Every test: native unit, integration and property tests, wasm tests under Node,
# end-to-end tests in headless Chromium, the accuracy targets on dev data, and a check that
# every committed model file is what its training command writes.
test:
	scripts/setup.sh --test
	cargo test --locked
	cargo test --locked --features typescript --bin gen-types
	cargo test --locked --target wasm32-unknown-unknown
	scripts/build-wasm.sh
	$(MAKE) dist
	cargo build --release --locked
	node --test tests/e2e/
	scripts/eval.sh
	scripts/check-models.sh
