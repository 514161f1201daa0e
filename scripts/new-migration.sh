#!/usr/bin/env bash
# Authors a migration from the change to prisma/schema.prisma since the last commit:
#   npm run db:migration -- <name>
# Prisma's `migrate diff` between the committed schema and the working one writes
# prisma/migrations/<timestamp>_<name>/migration.sql (Prisma's own format). This path needs no
# shadow database, which the offline schema engine handles poorly. The schema-drift test then
# proves the migrations and schema.prisma agree.
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: npm run db:migration -- <name>}"
base="${BASE_REF:-HEAD}"
old="$(mktemp --suffix=.prisma)"
git show "$base:prisma/schema.prisma" > "$old"
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
mkdir -p "$dir"
bash scripts/prisma-dev.sh migrate diff --from-schema "$old" --to-schema prisma/schema.prisma --script -o "$dir/migration.sql"
rm -f "$old"
if ! grep -q '[A-Za-z]' "$dir/migration.sql"; then rm -r "$dir"; echo "no schema change since $base"; exit 1; fi
echo "wrote $dir/migration.sql"
