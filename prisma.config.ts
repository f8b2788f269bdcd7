// Prisma CLI configuration. Prisma 7 reads the connection URL from here, not from schema.prisma.
import path from "node:path";
import { defineConfig } from "prisma/config";

// Offline machines cannot download the native schema engine; generate/validate/format only need
// the bundled Wasm, so point the CLI at a stub (see prisma/schema-engine-stub.sh).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("prisma/schema-engine-stub.sh");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" },
});
