// Points lib/db at the database global setup prepared, before any test imports it.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
if (inject("databaseKind") === "embedded") process.env.CHIPWATCH_EMBEDDED_DB = "1";
