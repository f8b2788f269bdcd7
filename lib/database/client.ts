// Constructs Prisma clients on the pg driver adapter. The app uses the singleton in lib/db.ts;
// the launcher, seed and tests call this directly with the database they manage.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databasePoolSize, requireDatabaseUrl } from "@/lib/database/config";

export function createPrismaClient(connectionString = requireDatabaseUrl(), max = databasePoolSize()): PrismaClient {
  const adapter = new PrismaPg({
    connectionString,
    max,
    // A stopped database should fail a request quickly, not hang it.
    connectionTimeoutMillis: 5_000,
  });
  return new PrismaClient({ adapter });
}
