#!/usr/bin/env bash
# Installs what is missing, then runs every test: native unit tests, browser
# component tests (wasm-bindgen-test in headless Chromium), the release build,
# and end-to-end tests with accessibility checks and the size budget against dist/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "formatting and lints, every build (cargo fmt --check, cargo clippy)"
cargo fmt --check
cargo clippy --locked --all-targets -- -D warnings
cargo clippy --locked --all-targets --features full -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --all-targets --features full -- -D warnings
# The German core build is the core build with other data compiled in (its
# tests are the core build's, and expect English); the partner and
# own-questionnaire builds are the core build plus modules the full build's
# tests cover. They are linted here and driven end to end (tests/e2e:
# size-budget, embedding, partner, hardening).
cargo clippy --locked --target wasm32-unknown-unknown --features language-de -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --features partner -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --features own -- -D warnings

# Both builds natively: what differs between them (the edition_*.rs files) is
# tested in each; the code's shape rules (tests/tidy.rs) run with both.
step "native tests, core build: model, scoring, codecs, reducer, structure rules (cargo test)"
cargo test --locked --lib --test tidy

step "native tests, full build: the same and the full build's own, fuzzers (cargo test --features full)"
cargo test --locked --features full

step "browser component tests (wasm-bindgen-test, headless Chromium)"
CHROMEDRIVER=$(command -v chromedriver) cargo test --locked --target wasm32-unknown-unknown --features full --test browser --test crash

step "release build (trunk build --release)"
trunk build --release

step "end-to-end tests, accessibility and size budget against dist/ (node --test)"
node --test --test-concurrency=1 tests/e2e/*.test.mjs

step "the same journeys in Firefox ESR and WebKitGTK (node --test tests/engines)"
node --test --test-concurrency=1 tests/engines/*.test.mjs

# One run of the benchmark, so it keeps working; its figures are printed, not asserted.
step "benchmark, one run (node scripts/bench.mjs 1)"
node scripts/bench.mjs 1

step "all tests passed"
