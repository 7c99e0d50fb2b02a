#!/usr/bin/env bash
# Lints openapi.yaml with Spectral (ruleset: .spectral.yaml). Errors and warnings both fail.
# Usage: scripts/lint-spec.sh [extra spectral options]
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x node_modules/.bin/spectral ]; then
  npm ci --no-audit --no-fund
fi

exec node_modules/.bin/spectral lint openapi.yaml --ruleset .spectral.yaml --fail-severity=warn "$@"
