// Two app instances behind nginx, over a primary and its streaming replica (issue 17): nothing an
// instance needs lives in its own memory. An editor signs in through instance A and saves through
// instance B; both instances' page caches then serve the new data version; the anonymous API limit
// is one count across both; the feed schedule is one pg-boss schedule in PostgreSQL. Requests are
// pinned to an instance by a test header that nginx maps to an upstream (without it nginx
// balances round robin), and nginx's access log names the instance that answered each one.
// The measured numbers are printed and attached to the test as annotations (README, Scale and deployment).
import { type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { createReplicatedPair, proxyLocation, queryOnce, startNextServer, startNginx } from "./clusters";

const PRIMARY_PORT = 5495;
const REPLICA_PORT = 5496;
const INSTANCES = { a: 3404, b: 3405 } as const;
const BALANCER_PORT = 3406;
const base = `http://localhost:${BALANCER_PORT}`;
const PASSWORD = "several-instances-editor-password";
const API_LIMIT = 6;
const PIN = "x-chipwatch-test-instance";

test.describe.configure({ mode: "serial" });

let pair: Awaited<ReturnType<typeof createReplicatedPair>>;
const apps: ChildProcess[] = [];
let nginx: ChildProcess | undefined;

type Logged = { method: string; uri: string; status: number; instance: keyof typeof INSTANCES | "?" };

/** nginx's access log: which instance answered each request. */
function accessLog(): Logged[] {
  return readFileSync(`${pair.dir}/access.log`, "utf8")
    .trim()
    .split("\n")
    .map((line) => {
      const [method, uri, status, upstream] = line.split(" ");
      const port = Number(upstream?.split(":").at(-1));
      const instance = (Object.entries(INSTANCES).find(([, p]) => p === port)?.[0] ?? "?") as Logged["instance"];
      return { method: method!, uri: uri!, status: Number(status), instance };
    });
}

/** A document request as a browser sends it, through nginx to one instance. */
async function readAs(request: APIRequestContext, instance: keyof typeof INSTANCES, pathname: string) {
  const response = await request.get(`${base}${pathname}`, { headers: { [PIN]: instance, "sec-fetch-dest": "document", accept: "text/html" } });
  return { status: response.status(), cache: response.headers()["x-chipwatch-cache"], body: await response.text() };
}

test.beforeAll(async () => {
  test.setTimeout(300_000);
  pair = await createReplicatedPair("instances", PRIMARY_PORT, REPLICA_PORT);
  const env = {
    DATABASE_URL: pair.primaryUrl,
    DATABASE_REPLICA_URLS: pair.replicaUrl,
    CHIPWATCH_SESSION_SECRET: "several-instances-session-secret-0123456789abcdef",
    CHIPWATCH_EDITOR_PASSWORD: PASSWORD,
    CHIPWATCH_TRUST_PROXY: "1",
    CHIPWATCH_API_RATE_LIMIT: String(API_LIMIT),
  };
  for (const port of Object.values(INSTANCES)) apps.push(await startNextServer(port, env));
  nginx = await startNginx(
    pair.dir,
    `  log_format upstreams '$request_method $request_uri $status $upstream_addr';
  access_log ${pair.dir}/access.log upstreams;
  upstream both {
    server 127.0.0.1:${INSTANCES.a};
    server 127.0.0.1:${INSTANCES.b};
  }
  map $http_${PIN.replaceAll("-", "_")} $instance {
    a 127.0.0.1:${INSTANCES.a};
    b 127.0.0.1:${INSTANCES.b};
    default both;
  }
  server {
    listen 127.0.0.1:${BALANCER_PORT};
${proxyLocation("$instance", "$http_host")}
  }`,
    `http://127.0.0.1:${BALANCER_PORT}/api/health`,
  );
});

test.afterAll(() => {
  nginx?.kill("SIGTERM");
  for (const app of apps) if (app.pid) process.kill(-app.pid, "SIGTERM");
  pair?.remove();
});

test("an editor signs in on one instance and saves through the other; both serve the new version", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const [{ id: eventId } = { id: 0 }] = await queryOnce<{ id: number }>(pair.primaryUrl, "SELECT id FROM events WHERE label_pin IS NULL ORDER BY id LIMIT 1");
  const eventPage = `/events/${eventId}`;

  // Readers have the event page in both instances' page caches.
  for (const instance of ["a", "b"] as const) {
    expect((await readAs(request, instance, eventPage)).status).toBe(200);
    const again = await readAs(request, instance, eventPage);
    expect(again.cache, instance).toBe("hit");
    expect(again.body).not.toContain("now pinned");
  }

  const context = await browser.newContext({ baseURL: base, extraHTTPHeaders: { [PIN]: "a" } });
  const page = await context.newPage();
  await page.goto(`/sign-in?next=${encodeURIComponent(eventPage)}`);
  await page.getByLabel("Editor password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${eventPage}$`));

  // The same browser, its session cookie from A, now talks to B.
  await context.setExtraHTTPHeaders({ [PIN]: "b" });
  await page.goto(eventPage);
  const form = page.getByRole("form", { name: "Timeline label" });
  await form.getByLabel("Label on the timeline").selectOption("pinned");
  await form.getByLabel("Reason").fill("Saved through the other instance");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved.");
  const savedAt = performance.now();
  await context.close();

  const log = accessLog();
  expect(log.filter((r) => r.method === "POST" && r.uri.startsWith("/sign-in")).map((r) => r.instance)).toEqual(["a"]);
  expect(log.filter((r) => r.method === "POST" && r.uri === eventPage).map((r) => r.instance)).toEqual(["b"]);
  const [pinned] = await queryOnce<{ label_pin: boolean | null }>(pair.primaryUrl, "SELECT label_pin FROM events WHERE id = $1", [eventId]);
  expect(pinned!.label_pin).toBe(true);

  // Each instance notices the new data version (read from the replica) on its next request:
  // the cached page is not served again; the new one is rendered, then cached.
  const visibleAfter: Record<string, number> = {};
  for (const instance of ["a", "b"] as const) {
    await expect.poll(async () => (await readAs(request, instance, eventPage)).body.includes("now pinned"), { timeout: 15_000, intervals: [50] }).toBe(true);
    visibleAfter[instance] = Math.round(performance.now() - savedAt);
    const cached = await readAs(request, instance, eventPage);
    expect(cached.cache, instance).toBe("hit");
    expect(cached.body).toContain("Saved through the other instance");
  }
  const measured = `the save through B was shown by A after ${visibleAfter.a} ms and by B after ${visibleAfter.b} ms (replica lag, a new data version, a fresh render)`;
  console.log(measured);
  test.info().annotations.push({ type: "measured", description: measured });
});

test("the anonymous API limit is one count across both instances", async ({ request }) => {
  const before = accessLog().length;
  const statuses: number[] = [];
  for (let i = 0; i < API_LIMIT + 4; i++) statuses.push((await request.get(`${base}/api/v1/events?limit=1`)).status());
  expect(statuses).toEqual([...Array<number>(API_LIMIT).fill(200), ...Array<number>(4).fill(429)]);
  const served = accessLog().slice(before);
  // Round robin: each instance answered half, so a per-instance limit would have let all through.
  expect(served.filter((r) => r.instance === "a")).toHaveLength((API_LIMIT + 4) / 2);
  expect(served.filter((r) => r.instance === "b")).toHaveLength((API_LIMIT + 4) / 2);
  expect(
    served
      .filter((r) => r.status === 429)
      .map((r) => r.instance)
      .sort(),
  ).toEqual(["a", "a", "b", "b"]);
  const measured = `${API_LIMIT} API requests a minute per client: requests 1–${API_LIMIT} answered 200 by A and B in turn, the next 4 got 429 from both`;
  console.log(measured);
  test.info().annotations.push({ type: "measured", description: measured });
});

test("both instances share one sign-in limit and one feed schedule in PostgreSQL", async ({ browser }) => {
  test.setTimeout(90_000);
  // Wrong passwords from one address, alternating between the instances, are counted together:
  // five are free, the sixth is refused whichever instance it reaches.
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  const answers: string[] = [];
  for (let attempt = 0; attempt < 6; attempt++) {
    await context.setExtraHTTPHeaders({ [PIN]: attempt % 2 ? "b" : "a" });
    await page.goto("/sign-in");
    await page.getByLabel("Editor password").fill(`wrong password ${attempt}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    const answer = page.getByText(/That is not the editor password\.|Too many failed attempts/);
    await expect(answer).toBeVisible();
    answers.push((await answer.textContent()) ?? "");
  }
  await context.close();
  expect(answers.slice(0, 5).every((a) => a.includes("not the editor password"))).toBe(true);
  expect(answers[5]).toMatch(/Too many failed attempts\. Try again in \d+ s\./);
  const posts = accessLog().filter((r) => r.method === "POST" && r.uri.startsWith("/sign-in"));
  expect(posts.slice(-6).map((r) => r.instance)).toEqual(["a", "b", "a", "b", "a", "b"]);

  // The feed schedule: pg-boss keeps it in the primary, one schedule however many instances joined.
  const schedules = await queryOnce<{ name: string }>(pair.primaryUrl, "SELECT name FROM pgboss.schedule");
  expect(schedules.map((s) => s.name)).toEqual(["feeds-due"]);
});
