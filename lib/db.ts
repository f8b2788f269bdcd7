// The app's Prisma clients. Every query module reads through `readDb`; every mutation, transaction
// and migration writes through `db` (the primary, DATABASE_URL). With DATABASE_REPLICA_URLS set
// (comma-separated PostgreSQL streaming replicas), each server process reads from one of them,
// chosen by its process id, so several instances spread over the replicas; without it `readDb` is
// the primary too. One replica per process keeps the caches right: the data version a result is
// cached under and the result itself come from the same server, which replays the primary's
// commits in order (two replicas lagging differently could pair a newer version with older rows).
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "@/lib/database/client";
import { queryTimeouts, readDatabaseUrl, replicaUrls } from "@/lib/database/config";

const globalForPrisma = globalThis as unknown as { chipwatchPrisma?: PrismaClient; chipwatchReplica?: PrismaClient | null };

function primary(): PrismaClient {
  // Created on first use, not at import: `next build` imports pages without a database, and the
  // launcher sets DATABASE_URL only once the embedded server is up. Reused across dev reloads.
  globalForPrisma.chipwatchPrisma ??= createPrismaClient(undefined, undefined, queryTimeouts());
  return globalForPrisma.chipwatchPrisma;
}

function replica(): PrismaClient {
  if (globalForPrisma.chipwatchReplica === undefined) {
    const urls = replicaUrls();
    globalForPrisma.chipwatchReplica = urls.length ? createPrismaClient(readDatabaseUrl(), undefined, queryTimeouts()) : null;
  }
  return globalForPrisma.chipwatchReplica ?? primary();
}

function delegateTo(client: () => PrismaClient): PrismaClient {
  return new Proxy({} as PrismaClient, {
    get(_target, property) {
      const instance = client();
      const value: unknown = Reflect.get(instance, property);
      return typeof value === "function" ? value.bind(instance) : value;
    },
  });
}

/** The primary: writes, transactions and reads that must see the latest write. */
export const db = delegateTo(primary);

/** This process's read replica when configured, else the primary: every dashboard read. */
export const readDb = delegateTo(replica);
