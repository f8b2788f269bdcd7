// Constructs Prisma clients on the pg driver adapter. The app uses the singleton in lib/db.ts;
// the launcher, seed and tests call this directly with the database they manage.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databasePoolSize, requireDatabaseUrl, type QueryTimeouts } from "@/lib/database/config";

/**
 * `timeouts`: the app's own clients (lib/db.ts) pass queryTimeouts(), so a locked table or a
 * runaway query fails in seconds instead of holding a request (and a pooled connection) for as
 * long as the lock lasts. Migrations, seeding and bulk loads run without them.
 */
export function createPrismaClient(connectionString = requireDatabaseUrl(), max = databasePoolSize(), timeouts: QueryTimeouts | null = null): PrismaClient {
  const adapter = new PrismaPg({
    connectionString,
    max,
    ...(timeouts ? { statement_timeout: timeouts.statementMs, lock_timeout: timeouts.lockMs } : {}),
    // Waiting for a pooled connection under load is normal (the embedded database has one); a
    // stopped database is caught sooner by the proxy's availability check (1.5 s).
    connectionTimeoutMillis: max === 1 ? 30_000 : 10_000,
  });
  return new PrismaClient({ adapter });
}
