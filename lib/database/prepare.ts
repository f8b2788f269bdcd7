// Brings a database to a usable state: migrations applied, demo data seeded when it is empty.
// Shared by the launcher and the test setup so both start from exactly what a user gets.
import { createPrismaClient } from "@/lib/database/client";
import { migrateDatabase, type MigrationResult } from "@/lib/database/migrate";
import { applySeedPlan, type SeedCounts } from "@/prisma/seed/apply";
import { loadSeedInput } from "@/prisma/seed/load";
import { planSeed } from "@/prisma/seed/plan";

export type PrepareResult = { migrations: MigrationResult; seeded: SeedCounts | null };

export async function prepareDatabase(url: string, options: { seed: "if-empty" | "always" | "never" }): Promise<PrepareResult> {
  const migrations = await migrateDatabase(url);
  if (options.seed === "never") return { migrations, seeded: null };
  const client = createPrismaClient(url, 1);
  try {
    if (options.seed === "if-empty" && (await client.event.count()) > 0) return { migrations, seeded: null };
    return { migrations, seeded: await applySeedPlan(client, planSeed(await loadSeedInput())) };
  } finally {
    await client.$disconnect();
  }
}
