// Embedded PostgreSQL (PGlite) served over the Postgres wire protocol, so the app, migrations,
// seed and tests use exactly the same `pg` code path as a real server.
import { mkdir } from "node:fs/promises";
import net from "node:net";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

/** dataDir undefined → in-memory (tests); otherwise persisted on disk. */
export async function startEmbeddedDatabase(options: { dataDir?: string; port?: number } = {}) {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const pglite = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  await pglite.waitReady;
  const port = options.port ?? (await findFreePort());
  // Two connections: the Next.js server's one and one for a migrate/seed/script process.
  const server = new PGLiteSocketServer({ db: pglite, port, host: "127.0.0.1", maxConnections: 2 });
  await server.start();
  const database: EmbeddedDatabase = {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    stop: async () => {
      await server.stop();
      await pglite.close();
    },
  };
  return database;
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
