#!/usr/bin/env bash
# Installs what the cross-engine end-to-end suite (tests/engines/) needs and is
# missing; skips what is already there, so running it again takes a moment:
#   - Firefox ESR (driven over WebDriver BiDi by the npm package puppeteer-core),
#   - WebKitGTK's WebKitWebDriver and MiniBrowser (driven by webdriverio),
#   - Xvfb (MiniBrowser needs a display),
#   - the node packages (npm ci), when node_modules lacks them or is older than package-lock.json.
# Run it on its own or source it (it only defines names starting with engines_).
# Then: node --test tests/engines/*.test.mjs
set -euo pipefail

engines_repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
engines_minibrowser_glob='/usr/lib/*/webkit2gtk-4.1/MiniBrowser'

engines_say() { printf '\033[1m[setup-engines]\033[0m %s\n' "$*"; }
engines_as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
engines_minibrowser() { compgen -G "$engines_minibrowser_glob" | head -n 1 || true; }

engines_missing=()
command -v firefox-esr >/dev/null || engines_missing+=(firefox-esr)
command -v WebKitWebDriver >/dev/null || engines_missing+=(webkit2gtk-driver)
[ -n "$(engines_minibrowser)" ] || engines_missing+=(libwebkit2gtk-4.1-0) # MiniBrowser; webkit2gtk-driver depends on it
command -v xvfb-run >/dev/null || engines_missing+=(xvfb)

if [ "${#engines_missing[@]}" -gt 0 ]; then
  engines_say "installing from Debian: ${engines_missing[*]}"
  engines_as_root apt-get update
  engines_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${engines_missing[@]}"
fi

command -v firefox-esr >/dev/null || { echo "[setup-engines] firefox-esr is still missing" >&2; exit 1; }
command -v WebKitWebDriver >/dev/null || { echo "[setup-engines] WebKitWebDriver is still missing" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "[setup-engines] xvfb-run is still missing" >&2; exit 1; }
[ -n "$(engines_minibrowser)" ] || { echo "[setup-engines] no MiniBrowser at $engines_minibrowser_glob" >&2; exit 1; }

if [ ! -d "$engines_repo_root/node_modules/puppeteer-core" ] || [ ! -d "$engines_repo_root/node_modules/webdriverio" ] \
  || [ ! -f "$engines_repo_root/node_modules/.package-lock.json" ] \
  || [ "$engines_repo_root/package-lock.json" -nt "$engines_repo_root/node_modules/.package-lock.json" ]; then
  engines_say "installing node packages (npm ci)"
  # puppeteer-core never downloads a browser; the variable keeps anything else from trying.
  (cd "$engines_repo_root" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund)
fi

engines_say "ready: $(firefox-esr --version 2>/dev/null), WebKitGTK $(dpkg-query -W -f='${Version}' webkit2gtk-driver 2>/dev/null || echo '?'), $(engines_minibrowser)"
