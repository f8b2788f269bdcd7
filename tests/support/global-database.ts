// Gives the test run its own seeded database: a throwaway database on the PostgreSQL server in
// TEST_DATABASE_URL when set (dropped afterwards), otherwise an in-memory embedded PostgreSQL.
import type { TestProject } from "vitest/node";
import { startEmbeddedDatabase } from "@/lib/database/embedded";
import { prepareDatabase } from "@/lib/database/prepare";
import { createThrowawayDatabase } from "./throwaway-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: "postgres" | "embedded";
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const database = serverUrl ? await createThrowawayDatabase(serverUrl) : await startEmbeddedDatabase();
  await prepareDatabase(database.url, { seed: "always" });
  project.provide("databaseUrl", database.url);
  project.provide("databaseKind", serverUrl ? "postgres" : "embedded");
  console.log(`[tests] database: ${serverUrl ? "throwaway database on TEST_DATABASE_URL" : "embedded PGlite (in memory)"}`);
  return async () => {
    await database.stop();
  };
}
