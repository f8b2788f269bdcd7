// The one place a Prisma client is created. Everything that reads or writes the database
// imports `db` from here, so the adapter, pool size and logging are decided once.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databasePoolSize, requireDatabaseUrl } from "@/lib/database/config";

function createClient(): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: requireDatabaseUrl(),
    max: databasePoolSize(),
    // A stopped database should fail a request quickly, not hang it.
    connectionTimeoutMillis: 5_000,
  });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { chipwatchPrisma?: PrismaClient };

// Reuse one client across Next.js dev hot reloads; in production each process creates its own.
export const db: PrismaClient = globalForPrisma.chipwatchPrisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.chipwatchPrisma = db;
