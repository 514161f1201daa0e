#!/usr/bin/env bash
# Runs the Prisma CLI for development (migrate dev/diff/status) with the offline WASM
# schema engine. Needs DATABASE_URL, or the embedded database started by `npm start`.
set -euo pipefail
cd "$(dirname "$0")/.."
export PRISMA_SCHEMA_ENGINE_BINARY="$PWD/scripts/prisma-engine/schema-engine.mjs"
export PRISMA_HIDE_UPDATE_MESSAGE=1
exec npx --no-install prisma "$@"
