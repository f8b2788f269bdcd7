// The app's one Prisma client. Every query and mutation module imports `db` from here.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "@/lib/database/client";

const globalForPrisma = globalThis as unknown as { chipwatchPrisma?: PrismaClient };

function client(): PrismaClient {
  // Created on first use, not at import: `next build` imports pages without a database, and the
  // launcher sets DATABASE_URL only once the embedded server is up. Reused across dev reloads.
  globalForPrisma.chipwatchPrisma ??= createPrismaClient();
  return globalForPrisma.chipwatchPrisma;
}

export const db = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const instance = client();
    const value: unknown = Reflect.get(instance, property);
    return typeof value === "function" ? value.bind(instance) : value;
  },
});
