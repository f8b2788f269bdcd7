// The page cache cannot be made to hurt (issue 17): 10,000 document requests with random parameters
// no page reads leave the server's memory within 50 MB of where it began, and / is still answered
// from the cache afterwards. Its own server (next start on a throwaway PostgreSQL database), so
// the memory measured is that process group's alone.
import { execFileSync, type ChildProcess } from "node:child_process";
import http from "node:http";
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { prepareDatabase } from "@/lib/database/prepare";
import { createThrowawayDatabase } from "../support/throwaway-database";
import { startNextServer } from "./clusters";

const SERVER = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const PORT = 3404;
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
const DOCUMENT = { "sec-fetch-dest": "document", "sec-fetch-mode": "navigate", accept: "text/html" };

let database: Awaited<ReturnType<typeof createThrowawayDatabase>>;
let app: ChildProcess | undefined;

function get(path: string): Promise<{ status: number; cache: string | undefined; location: string | undefined }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port: PORT, path, agent, headers: DOCUMENT }, (response) => {
        response.resume();
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, cache: response.headers["x-chipwatch-cache"] as string | undefined, location: response.headers.location }),
        );
      })
      .on("error", reject);
  });
}

/** Resident memory of the server's whole process group (npx, tsx, node), in MB. */
function residentMb(): number {
  const out = execFileSync("ps", ["-o", "rss=", "-g", String(app!.pid)], { encoding: "utf8" });
  return out
    .split("\n")
    .filter(Boolean)
    .reduce((sum, line) => sum + Number(line.trim()) / 1024, 0);
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  database = await createThrowawayDatabase(SERVER);
  await prepareDatabase(database.url, { seed: "always" });
  app = await startNextServer(PORT, { DATABASE_URL: database.url });
});

test.afterAll(async () => {
  if (app?.pid) process.kill(-app.pid, "SIGTERM");
  agent.destroy();
  await database?.stop();
});

test("10,000 requests with random parameters neither grow memory nor push / out of the cache", async () => {
  test.setTimeout(300_000);
  expect((await get("/")).cache).toBe("miss");
  expect((await get("/")).cache).toBe("hit");
  // Warm the server's code paths (the redirect included) before taking the baseline.
  for (let i = 0; i < 500; i++) await get(`/?warm=${i}`);
  const before = residentMb();

  let redirected = 0;
  for (let batch = 0; batch < 10_000 / 50; batch++) {
    const answers = await Promise.all(Array.from({ length: 50 }, () => get(`/?${randomBytes(6).toString("hex")}=${randomBytes(64).toString("hex")}&company=nvidia`)));
    for (const answer of answers) {
      expect(answer.status).toBe(307);
      // Next hands a same-origin redirect on as a relative address.
      expect(answer.location).toBe("/?company=nvidia");
      redirected++;
    }
  }
  const after = residentMb();
  console.log(`RSS of the server's process group: ${before.toFixed(0)} MB before, ${after.toFixed(0)} MB after ${redirected} requests`);
  expect(after - before).toBeLessThan(50);
  expect((await get("/")).cache).toBe("hit");
  expect((await get("/?company=nvidia")).status).toBe(200);
});
