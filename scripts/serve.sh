#!/usr/bin/env bash
# Installs what is missing, then serves the app with live reload at http://127.0.0.1:8080/
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh
exec trunk serve "$@"
