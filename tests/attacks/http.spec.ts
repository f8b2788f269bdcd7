// The reported attacks, replayed over HTTP against `npm start` (production build) as an outsider
// would send them: spoofed headers, odd bytes, oversized and malformed bodies. Each must get a
// clear 4xx (or, for sign-in, a refusal), never a 500 and never a way in.
import { readFileSync } from "node:fs";
import net from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { E2E_EDITOR_PASSWORD } from "../../playwright.config";

test.describe.configure({ mode: "serial" });

const actions = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { exportedName?: string }> };
const actionId = (name: string) => Object.entries(actions.node).find(([, entry]) => entry.exportedName === name)![0];

/** Submits the sign-in form; resolves with what it said, or "signed in" once /ingest opens. */
async function tryPassword(page: Page, password: string, forwardedFor: string): Promise<string> {
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": forwardedFor });
  await page.goto("/sign-in?next=/ingest");
  await page.getByLabel("Editor password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  const signedIn = () => new URL(page.url()).pathname === "/ingest";
  // The message element goes away when the sign-in navigates: never wait for it for long.
  const said = () =>
    page
      .locator("#password-error")
      .textContent({ timeout: 500 })
      .catch(() => null);
  await expect(async () => expect(signedIn() || !!(await said())).toBe(true)).toPass({ timeout: 10_000 });
  return signedIn() ? "signed in" : ((await said()) ?? "");
}

test("5. reviewing a fact twice (a double click) or an invalid id: back to the queue with a notice, nothing changed", async ({ browser, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const editor = await browser.newContext();
  const page = await editor.newPage();
  expect(await tryPassword(page, E2E_EDITOR_PASSWORD, "198.51.100.2")).toBe("signed in");
  // An accepted fact of a seeded article: what the second click of a double click finds.
  const article = await (await page.request.get("/articles/1")).text();
  const factId = /id="fact-card-(\d+)"/.exec(article)![1]!;
  // The form as the page posts it without JavaScript (React's progressive enhancement).
  const review = (id: string) =>
    page.request.post("/review", {
      headers: { Origin: origin },
      multipart: { [`$ACTION_ID_${actionId("reviewFact")}`]: "", factId: id, decision: "rejected" },
      maxRedirects: 0,
    });
  for (const [id, notice] of [
    [factId, "not-pending"],
    [factId, "not-pending"],
    ["2147483648", "invalid"],
    ["abc", "invalid"],
  ] as const) {
    const answer = await review(id);
    expect(answer.status(), id).toBe(303);
    expect(answer.headers().location, id).toBe(`/review?notice=${notice}`);
  }
  await page.goto("/review?notice=not-pending");
  await expect(page.getByRole("status")).toHaveText("That fact was already reviewed (or no longer exists); nothing changed.");
  // The accepted fact is still on its article's public page.
  expect(await (await (await browser.newContext()).request.get(`${origin}/articles/1`)).text()).toContain(`id="fact-card-${factId}"`);
  // Another page's action, posted as a form to /review, is refused like its header form.
  const foreign = await page.request.post("/review", { headers: { Origin: origin }, multipart: { [`$ACTION_ID_${actionId("signIn")}`]: "", password: "x" }, maxRedirects: 0 });
  expect(foreign.status()).toBe(400);
  expect((await foreign.json()).error.code).toBe("unknown_action");
  await editor.close();
});

test("2. ten anonymous 3990x2500x2 PNGs at once do not stall the site", async ({ request }) => {
  // As reported: ten concurrent requests for the largest images. Rendering runs in a bounded
  // pool; meanwhile the health check and a page still answer at once.
  const images = Array.from({ length: 10 }, (_, i) => request.get(`/api/charts/timeline.png?width=${3990 + i}&height=2500&scale=2`, { timeout: 120_000 }));
  const probes: number[] = [];
  const probing = (async () => {
    for (let i = 0; i < 10; i++) {
      const started = Date.now();
      expect((await request.get("/api/health")).status()).toBe(200);
      probes.push(Date.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  })();
  const answers = await Promise.all(images);
  await probing;
  const statuses = answers.map((answer) => answer.status());
  // A full queue or the per-client limit refuses on purpose (503/429 with Retry-After); nothing else fails.
  for (const answer of answers) {
    expect([200, 429, 503]).toContain(answer.status());
    if (answer.status() !== 200) expect(answer.headers()["retry-after"]).toMatch(/^\d+$/);
  }
  expect(statuses.filter((status) => status === 200).length, statuses.join(",")).toBeGreaterThanOrEqual(2);
  const png = answers.find((answer) => answer.status() === 200)!;
  expect(png.headers()["content-type"]).toBe("image/png");
  expect(Math.max(...probes), probes.join(",")).toBeLessThan(1000);
});

test("1. X-Forwarded-For does not reset the sign-in limit, and the limit does not lock out a recognised device", async ({ browser }) => {
  // The editor signs in once from this browser: it becomes a recognised device.
  const editor = await browser.newContext();
  const editorPage = await editor.newPage();
  expect(await tryPassword(editorPage, E2E_EDITOR_PASSWORD, "198.51.100.1")).toBe("signed in");
  await editor.clearCookies({ name: "chipwatch_session" });

  // Someone else guesses, rotating the header every time, until the limit answers.
  const attacker = await browser.newContext();
  const page = await attacker.newPage();
  let said = "";
  for (let i = 0; i < 8 && !said.startsWith("Too many failed attempts"); i++) {
    said = await tryPassword(page, `guess ${i}`, `198.51.100.${10 + i}`);
  }
  expect(said).toMatch(/^Too many failed attempts\. Try again in \d+ s\.$/);
  // The right password with yet another header is refused too while the wait lasts.
  expect(await tryPassword(page, E2E_EDITOR_PASSWORD, "198.51.100.99")).toMatch(/^Too many failed attempts/);

  // Meanwhile the editor's recognised device signs in at once.
  expect(await tryPassword(editorPage, E2E_EDITOR_PASSWORD, "198.51.100.1")).toBe("signed in");
  await editor.close();
  await attacker.close();
});

test("5. bad input gets a 4xx with a message", async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  for (const headers of [{ Origin: "null" }, { Origin: "http://[bad" }, {}] as Record<string, string>[]) {
    const response = await request.post("/ingest", { headers: { ...headers, "Content-Type": "text/plain" }, data: "x" });
    expect(response.status(), JSON.stringify(headers)).toBe(403);
    expect((await response.json()).error.code).toBe("cross_site_request");
  }
  expect((await request.get("/articles/2147483648")).status()).toBe(404);
  expect((await request.get("/events/99999999999")).status()).toBe(404);
  const nul = await request.get("/api/charts/timeline.json?q=h20%00");
  expect(nul.status()).toBe(400);
  expect((await request.get("/?q=h20%00")).status()).toBe(200);

  const signIn = { Origin: origin, "Next-Action": actionId("signIn"), "Content-Type": "text/plain;charset=UTF-8" };
  const deep = await request.post("/sign-in", { headers: signIn, data: `${"[".repeat(1_000_000)}${"]".repeat(1_000_000)}` });
  expect(deep.status()).toBe(400);
  expect((await deep.json()).error.code).toBe("too_deeply_nested");
  const foreign = await request.post("/sign-in", { headers: { ...signIn, "Next-Action": actionId("reviewFact") }, data: "[]" });
  expect(foreign.status()).toBe(400);
  expect((await foreign.json()).error.code).toBe("unknown_action");
});

test("5. a chunked body without a length is refused before it is read", async ({ baseURL }) => {
  // Chunked, as the reported attack sent it, over a raw socket: the server answers from the
  // headers, without keeping any of the 6 MB.
  const target = new URL("/sign-in", baseURL);
  const answer = await new Promise<string>((resolve, reject) => {
    const socket = net.connect(Number(target.port), target.hostname, () => {
      const head = [
        `POST ${target.pathname} HTTP/1.1`,
        `Host: ${target.host}`,
        `Origin: ${target.origin}`,
        `Next-Action: ${actionId("signIn")}`,
        "Content-Type: text/plain",
        "Transfer-Encoding: chunked",
        "",
        "",
      ].join("\r\n");
      socket.write(head);
      const chunk = Buffer.alloc(1024 * 1024, 97);
      for (let i = 0; i < 6; i++) socket.write(`${chunk.length.toString(16)}\r\n${chunk.toString()}\r\n`);
    });
    let received = "";
    socket.on("data", (data) => {
      received += data.toString();
      // The answer's head is enough; the server keeps reading (and discarding) what we send.
      if (received.includes("\r\n\r\n")) {
        socket.destroy();
        resolve(received);
      }
    });
    socket.on("close", () => resolve(received));
    socket.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" || error.code === "ECONNRESET" ? resolve(received) : reject(error)));
  });
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
  expect(status).toBe(411);
});

test("7. static files and the 404 page carry nosniff and a CSP", async ({ request }) => {
  const home = await (await request.get("/")).text();
  const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(home)![1]!;
  for (const pathname of [script, "/no-such-page", "/fonts/none.woff2"]) {
    const response = await request.get(pathname);
    expect(response.headers()["x-content-type-options"], pathname).toBe("nosniff");
    expect(response.headers()["content-security-policy"], pathname).toContain("default-src 'self'");
  }
});
