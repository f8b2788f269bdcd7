// npm run db:migrate — applies pending migrations to DATABASE_URL (Prisma-compatible bookkeeping).
// Without DATABASE_URL: the embedded database of `npm start` (see scripts/support/database.ts).
import { closeScriptDatabase } from "./support/database";
import { requireDatabaseUrl } from "@/lib/database/config";
import { migrateDatabase } from "@/lib/database/migrate";

try {
  const { applied, alreadyApplied } = await migrateDatabase(requireDatabaseUrl());
  for (const name of applied) console.log(`applied ${name}`);
  console.log(
    applied.length === 0
      ? `Database is up to date (${alreadyApplied.length} migrations already applied).`
      : `Applied ${applied.length} migration(s); ${alreadyApplied.length} were already applied.`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeScriptDatabase();
}
