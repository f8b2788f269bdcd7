// Security headers on every response, and the app still works under its strict CSP.
import { expect, test } from "@playwright/test";

test("pages and API responses carry CSP with a fresh nonce, nosniff, referrer policy and frame denial", async ({ request }) => {
  const first = await request.get("/");
  const second = await request.get("/");
  for (const response of [first, second, await request.get("/api/charts/timeline.json")]) {
    const headers = response.headers();
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  }
  const nonce = (h: string) => /'nonce-([^']+)'/.exec(h)![1];
  expect(nonce(first.headers()["content-security-policy"]!)).not.toBe(nonce(second.headers()["content-security-policy"]!));
  // HSTS only where it means something: production builds.
  expect(first.headers()["strict-transport-security"]).toContain("max-age=");
});

test("under the CSP the page hydrates without violations, and only nonce-bearing scripts are served", async ({ page, request }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto("/");
  await expect(page.getByTestId("timeline-chart").locator("a[data-event-id]").first()).toBeVisible();
  expect(violations).toEqual([]);

  // An injected inline script has no nonce, so the browser refuses it: every script we serve
  // must carry this response's nonce, or it would be refused too.
  const response = await request.get("/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
  const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"]!)![1];
  const html = await response.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  expect(html).not.toContain("<script>alert(1)</script>");
});

test("pages served from the page cache still carry their own response's nonce, never a reused one", async ({ request }) => {
  // The same URL twice under one data version: the second answer comes from the page cache.
  // A browser's document request (Fetch metadata): only those are answered from the page cache.
  const asDocument = { headers: { "sec-fetch-dest": "document", "sec-fetch-mode": "navigate", accept: "text/html" } };
  const responses = [await request.get("/events?type=penalty", asDocument), await request.get("/events?type=penalty", asDocument)];
  const nonces = [];
  for (const response of responses) {
    expect(response.status()).toBe(200);
    const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"]!)![1]!;
    const html = await response.text();
    const attributes = [...new Set([...html.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]))];
    expect(attributes).toEqual([nonce]);
    nonces.push(nonce);
  }
  expect(nonces[0]).not.toBe(nonces[1]);
  expect(responses[0]!.headers()["x-request-id"]).not.toBe(responses[1]!.headers()["x-request-id"]);
});

test("writes are refused before any code runs: too large (413), anonymous (401), cross-site (403)", async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const big = await request.post("/ingest", { headers: { "content-type": "text/plain" }, data: "x".repeat(6 * 1024 * 1024) });
  expect(big.status()).toBe(413);
  expect((await big.json()).error.code).toBe("body_too_large");
  const anonymous = await request.post("/review", { headers: { origin }, form: { factId: "1", decision: "accepted" } });
  expect(anonymous.status()).toBe(401);
  const crossSite = await request.post("/ingest", { headers: { origin: "https://evil.example" }, form: { text: "x" } });
  expect(crossSite.status()).toBe(403);
  const unsaid = await request.post("/ingest", { form: { text: "x" } });
  expect(unsaid.status()).toBe(403);
  const api = await request.delete("/api/charts/timeline.png", { headers: { origin } });
  expect(api.status()).toBe(401);
});
