#!/usr/bin/env bash
# Installs whatever this project needs and is missing; skips what is already there.
# Sourced by scripts/serve.sh and scripts/test.sh (and safe to run on its own).
# Versions: see the README's "Toolchain" table.
set -euo pipefail

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130   # must equal wasm-bindgen in Cargo.lock

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$HOME/.cargo/bin:$repo_root/node_modules/.bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

command -v cargo >/dev/null || { echo "[setup] cargo not found: install Rust with rustup first" >&2; exit 1; }
command -v npm >/dev/null || { echo "[setup] npm not found: install Node.js 20+ first" >&2; exit 1; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

for component in clippy rustfmt; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding the $component component"
    rustup component add "$component"
  fi
done

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 10 minutes on 2 cores)"
  # --locked fails for this version: a locked dependency is no longer on the registry.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 15-20 minutes on 2 cores)"
  # Trunk 0.22 needs a newer rustc than this machine has.
  cargo install --locked trunk --version "$TRUNK_VERSION" --force
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing Chromium and ChromeDriver from Debian"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
fi

# Node packages: wasm-opt (binaryen; Debian's is too old), playwright-core, axe-core.
if [ ! -f "$repo_root/node_modules/.package-lock.json" ] \
  || [ "$repo_root/package-lock.json" -nt "$repo_root/node_modules/.package-lock.json" ]; then
  say "installing node packages (npm ci)"
  (cd "$repo_root" && npm ci --no-audit --no-fund)
fi

# Firefox ESR and WebKitGTK for the cross-engine suite (tests/engines/).
source "$repo_root/scripts/setup-engines.sh"

say "ready: $(trunk --version), $(wasm-bindgen --version), wasm-opt $(wasm-opt --version | awk '{print $3}'), $(chromium --version)"
