#!/bin/sh
# Prisma's CLI insists on a native schema engine before every command, and cannot download one
# offline. `generate`, `validate` and `format` never use it, so this stub satisfies the check.
# Migrations are applied by scripts/migrate.ts instead (see README).
if [ "$1" = "--version" ]; then
  echo "schema-engine-cli stub (chipwatch: use npm run db:migrate)"
  exit 0
fi
echo "The native Prisma schema engine is not available here: use npm run db:migrate" >&2
exit 1
