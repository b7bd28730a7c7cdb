# The two Quick-start commands: `make serve` and `make test`. See README.md.
PORT ?= 8000

.PHONY: serve test setup wasm eval

# Build the page and serve it on http://localhost:$(PORT)/
serve: wasm
	@echo "Serving the page on http://localhost:$(PORT)/ (Ctrl-C to stop)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory www

wasm:
	scripts/setup.sh
	scripts/build-wasm.sh

# Every test: native unit, integration and property tests, wasm tests under Node,
# end-to-end tests in headless Chromium, the accuracy targets on dev data, and a check that
# every committed model file is what its training command writes.
test:
	scripts/setup.sh --test
	cargo test --locked
	cargo test --locked --target wasm32-unknown-unknown
	scripts/build-wasm.sh
	cargo build --release --locked
	node --test tests/e2e/
	scripts/eval.sh
	scripts/check-models.sh
