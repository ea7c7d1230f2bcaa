#!/usr/bin/env bash
# Installs what is missing, then runs every test: native unit tests, browser
# component tests (wasm-bindgen-test in headless Chromium), the release build,
# and end-to-end tests with accessibility checks and the size budget against dist/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "formatting and lints, core and full builds (cargo fmt --check, cargo clippy)"
cargo fmt --check
cargo clippy --locked --all-targets -- -D warnings
cargo clippy --locked --all-targets --features full -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --all-targets --features full -- -D warnings

# The full build contains all of the core build, so its tests cover both;
# end-to-end tests below run the two builds as a page loads them.
step "native tests: model, scoring, codecs, reducer, fuzzers (cargo test --features full)"
cargo test --locked --features full

step "browser component tests (wasm-bindgen-test, headless Chromium)"
CHROMEDRIVER=$(command -v chromedriver) cargo test --locked --target wasm32-unknown-unknown --features full --test browser --test crash

step "release build (trunk build --release)"
trunk build --release

step "end-to-end tests, accessibility and size budget against dist/ (node --test)"
node --test --test-concurrency=1 tests/e2e/*.test.mjs

# One run of the benchmark, so it keeps working; its figures are printed, not asserted.
step "benchmark, one run (node scripts/bench.mjs 1)"
node scripts/bench.mjs 1

step "all tests passed"
