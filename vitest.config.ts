import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/**/*.test.ts", "lib/**/*.test.ts", "prisma/**/*.test.ts"],
    exclude: ["tests/e2e/**", "tests/faults/**", "node_modules/**"],
    globalSetup: ["tests/support/global-database.ts"],
    setupFiles: ["tests/support/database-env.ts"],
    // One file at a time: the embedded database serves a single session (see TOOLCHAIN notes),
    // and integration tests share one seeded database.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
