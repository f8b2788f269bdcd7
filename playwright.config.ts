// Browser tests on Debian's Chromium (Playwright cannot download browsers offline).
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
export const E2E_EDITOR_PASSWORD = "e2e-editor-password-not-a-secret";
// The news site the feed story serves from the test (tests/e2e/feeds.spec.ts): the app may fetch
// this one loopback host:port, nothing else private (its own port stays refused).
export const E2E_NEWS_SITE = `127.0.0.1:${Number(process.env.E2E_NEWS_PORT ?? 3199)}`;

export default defineConfig({
  testDir: "tests",
  testMatch: ["e2e/**/*.spec.ts", "faults/**/*.spec.ts", "attacks/**/*.spec.ts"],
  timeout: 60_000,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: process.env.CI ? "line" : "list",
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "desktop", testMatch: "e2e/**/*.spec.ts", testIgnore: "e2e/feeds.spec.ts", use: { ...devices["Desktop Chrome"], channel: undefined } },
    // Writes are tested once, on desktop: a second run would find its article already saved.
    {
      name: "phone",
      testMatch: "e2e/**/*.spec.ts",
      testIgnore: ["e2e/ingest.spec.ts", "e2e/feeds.spec.ts"],
      use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
    },
    // The feed story files articles under events and records new ones: after the pages that count
    // the seed data's events and penalties.
    { name: "feeds", testMatch: "e2e/feeds.spec.ts", use: { ...devices["Desktop Chrome"], channel: undefined } },
    // Fault injection: starts and stops its own PostgreSQL cluster (needs Debian's PostgreSQL tools).
    { name: "faults", testMatch: "faults/**/*.spec.ts" },
    // The reported attacks over HTTP, last: they leave this address's sign-in failures counted.
    { name: "attacks", testMatch: "attacks/**/*.spec.ts", use: { ...devices["Desktop Chrome"], channel: undefined } },
  ],
  webServer: {
    // Exactly what a user runs. Without DATABASE_URL it serves the embedded database in .data/.
    command: "npm start",
    // Its own embedded database and a known editor password, so tests never touch your .data/pglite.
    env: { PORT: String(port), CHIPWATCH_DATA_DIR: ".data/e2e", CHIPWATCH_EDITOR_PASSWORD: E2E_EDITOR_PASSWORD, CHIPWATCH_FETCH_ALLOW_PRIVATE: E2E_NEWS_SITE },
    url: `http://localhost:${port}/api/health`,
    timeout: 180_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
  },
});
