// Constructs Prisma clients on the pg driver adapter. The app uses the singleton in lib/db.ts;
// the launcher, seed and tests call this directly with the database they manage.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databasePoolSize, requireDatabaseUrl } from "@/lib/database/config";

export function createPrismaClient(connectionString = requireDatabaseUrl(), max = databasePoolSize()): PrismaClient {
  const adapter = new PrismaPg({
    connectionString,
    max,
    // Waiting for a pooled connection under load is normal (the embedded database has one); a
    // stopped database is caught sooner by the proxy's availability check (1.5 s).
    connectionTimeoutMillis: max === 1 ? 30_000 : 10_000,
  });
  return new PrismaClient({ adapter });
}
