// A second, empty database of the same kind the run uses, for tests that need a clean slate
// (migrations from scratch). Real PostgreSQL when TEST_DATABASE_URL is set, else in-memory PGlite.
import { startEmbeddedDatabase } from "@/lib/database/embedded";
import { createThrowawayDatabase } from "./throwaway-database";

export async function withFreshDatabase<T>(run: (url: string) => Promise<T>): Promise<T> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const database = serverUrl ? await createThrowawayDatabase(serverUrl) : await startEmbeddedDatabase();
  try {
    return await run(database.url);
  } finally {
    await database.stop();
  }
}
