#!/usr/bin/env bash
# `npm test`: every test. Type check, unit + database tests (vitest, real PostgreSQL), then
# end-to-end tests (Playwright + Debian's Chromium against the built app).
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== type check"
npx --no-install tsc --noEmit -p .
echo "== unit and database tests (with coverage: lib/pipeline and lib/kpi must stay at 90% lines and branches)"
npx --no-install vitest run --coverage
echo "== end-to-end tests"
npx --no-install tsx scripts/e2e.ts
