// npm run db:seed — loads the real, sourced demo data into DATABASE_URL (idempotent).
// Without DATABASE_URL: the embedded database of `npm start` (see scripts/support/database.ts).
import { closeScriptDatabase } from "@/scripts/support/database";
import { db } from "@/lib/db";
import { applySeedPlan } from "./seed/apply";
import { loadSeedInput } from "./seed/load";
import { planSeed } from "./seed/plan";

try {
  const plan = planSeed(await loadSeedInput());
  const created = await applySeedPlan(db, plan);
  console.log(
    `Seeded ${created.entities} entities, ${created.articles} articles, ${created.events} events and ` +
      `${created.facts} facts (of ${plan.entities.length}, ${plan.articles.length}, ${plan.events.length}, ` +
      `${plan.facts.length} in the seed data; the rest were already there); ${created.resourced} events moved to revised sources.`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
  await closeScriptDatabase();
}
