// Brings a database to a usable state: migrations applied, demo data seeded when the database is
// empty or the seed data changed since it was applied (a revised seed reaches an existing
// database on its next start), every article's source kind known. Shared by the launcher and the
// test setup so both start from exactly what a user gets.
import { createPrismaClient } from "@/lib/database/client";
import { migrateDatabase, type MigrationResult } from "@/lib/database/migrate";
import { applySeedPlan, type SeedCounts } from "@/prisma/seed/apply";
import { loadSeedInput } from "@/prisma/seed/load";
import { planSeed } from "@/prisma/seed/plan";
import { classifyUnclassifiedSources } from "@/lib/sources/classify-stored";

export type PrepareResult = { migrations: MigrationResult; seeded: SeedCounts | null };

export async function prepareDatabase(url: string, options: { seed: "if-new" | "always" | "never" }): Promise<PrepareResult> {
  const migrations = await migrateDatabase(url);
  const client = createPrismaClient(url, 1);
  try {
    let seeded: SeedCounts | null = null;
    // A synthetic benchmark database (npm run db:synth marks its facts table) is never given the
    // demo data: the two would mix, and the synthesizer refuses a database with real articles.
    const [{ note } = { note: null }] = await client.$queryRaw<{ note: string | null }[]>`SELECT obj_description('facts'::regclass, 'pg_class') AS note`;
    const synthetic = note?.startsWith("chipwatch-synth ") ?? false;
    if (options.seed === "always" || (options.seed === "if-new" && !synthetic)) {
      const plan = planSeed(await loadSeedInput());
      const applied = await client.seedState.findUnique({ where: { id: 1 } });
      const current = options.seed === "if-new" && applied?.fingerprint === plan.fingerprint && (await client.event.count()) > 0;
      if (!current) seeded = await applySeedPlan(client, plan);
    }
    await classifyUnclassifiedSources(client);
    return { migrations, seeded };
  } finally {
    await client.$disconnect();
  }
}
