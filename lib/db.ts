// The app's Prisma clients. Every query module reads through `readDb`; every mutation, transaction
// and migration writes through `db` (the primary, DATABASE_URL). With DATABASE_REPLICA_URLS set
// (comma-separated PostgreSQL streaming replicas), reads are spread over the replicas; without it
// `readDb` is the primary too. A replica lags its primary by the replication delay (milliseconds on
// a local network): reads stay consistent with themselves because caches are keyed on the data
// version read from the same replica.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "@/lib/database/client";
import { replicaUrls } from "@/lib/database/config";

const globalForPrisma = globalThis as unknown as { chipwatchPrisma?: PrismaClient; chipwatchReplicas?: PrismaClient[]; chipwatchNextReplica?: number };

function primary(): PrismaClient {
  // Created on first use, not at import: `next build` imports pages without a database, and the
  // launcher sets DATABASE_URL only once the embedded server is up. Reused across dev reloads.
  globalForPrisma.chipwatchPrisma ??= createPrismaClient();
  return globalForPrisma.chipwatchPrisma;
}

function replica(): PrismaClient {
  const replicas = (globalForPrisma.chipwatchReplicas ??= replicaUrls().map((url) => createPrismaClient(url)));
  if (replicas.length === 0) return primary();
  // Round robin: each read goes to the next replica.
  const next = ((globalForPrisma.chipwatchNextReplica ?? -1) + 1) % replicas.length;
  globalForPrisma.chipwatchNextReplica = next;
  return replicas[next]!;
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

/** A read replica when configured (round robin), else the primary: every dashboard read. */
export const readDb = delegateTo(replica);
