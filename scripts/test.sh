#!/usr/bin/env bash
# Installs what is missing, then runs every test: native unit tests, browser
# component tests (wasm-bindgen-test in headless Chromium), the release build,
# and end-to-end tests with accessibility checks and the size budget against dist/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "formatting and lints (cargo fmt --check, cargo clippy)"
cargo fmt --check
cargo clippy --locked --all-targets -- -D warnings

step "native tests: model, scoring, codecs, reducer (cargo test)"
cargo test --locked

step "browser component tests (wasm-bindgen-test, headless Chromium)"
CHROMEDRIVER=$(command -v chromedriver) cargo test --locked --target wasm32-unknown-unknown --test browser --test crash

step "release build (trunk build --release)"
trunk build --release

step "end-to-end tests, accessibility and size budget against dist/ (node --test)"
node --test --test-concurrency=1 tests/e2e/*.test.mjs

step "all tests passed"
