// The defects an independent test of the running app reported (issue 12), replayed against the
// code that now refuses them. tests/attacks/http.spec.ts replays the same against `npm start`.
import { describe, expect, it } from "vitest";
import { HtmlTooComplexError, htmlToText } from "@/lib/articles/html";
import { openSession, revokeAllSessions, revokeSession, sessionIsValid } from "@/lib/auth/sessions";
import { ACCOUNT_KEY, clearSignInFailures, recordSignInFailure, signInWait, type LimitKey } from "@/lib/auth/sign-in-limits";
import { getArticleWithFacts } from "@/lib/articles/queries";
import { rowIdSchema } from "@/lib/database/ids";
import { db } from "@/lib/db";
import { parseFilters } from "@/lib/filters/schema";
import { clientAddressOf } from "@/lib/http/client-address";
import { checkWrite, MAX_BODY_BYTES } from "@/lib/http/write-guard";
import { createRateLimiter } from "@/lib/http/rate-limit";
import { RENDER_CONCURRENCY, RENDER_QUEUE_LIMIT, rasterizerStats, rasterizeSvgOffThread, RenderQueueFullError } from "@/lib/export/rasterize";

describe("1. sign-in limit bypass and lockout", () => {
  it("a client cannot choose its address with X-Forwarded-For unless a trusted proxy added it", () => {
    expect(clientAddressOf("203.0.113.9", "198.51.100.7", 0)).toBe("203.0.113.9");
    expect(clientAddressOf("203.0.113.9", "198.51.100.8", 0)).toBe("203.0.113.9");
    // Behind one proxy (nginx appends the peer it saw): the client's own entries are ignored.
    expect(clientAddressOf("10.0.0.2", "198.51.100.7, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(clientAddressOf("::ffff:127.0.0.1", undefined, 0)).toBe("127.0.0.1");
  });

  it("five failures block the address; the right password from it then waits too", async () => {
    const address: LimitKey[] = [{ kind: "address", id: "198.51.100.7" }];
    await clearSignInFailures([...address, ACCOUNT_KEY]);
    for (let i = 0; i < 5; i++) await recordSignInFailure(address);
    expect(await signInWait(address)).toBeGreaterThan(0);
    await clearSignInFailures(address);
  });

  it("rotating addresses still runs into the account limit, but a recognised device is never blocked by others", async () => {
    const device: LimitKey[] = [{ kind: "device", id: "f".repeat(32) }];
    await clearSignInFailures([ACCOUNT_KEY, ...device]);
    for (let i = 0; i < 20; i++) await recordSignInFailure([{ kind: "address", id: `198.51.100.${i}` }, ACCOUNT_KEY]);
    expect(await signInWait([{ kind: "address", id: "198.51.100.200" }, ACCOUNT_KEY])).toBeGreaterThan(0);
    expect(await signInWait(device)).toBe(0);
    await clearSignInFailures([ACCOUNT_KEY, ...Array.from({ length: 20 }, (_, i): LimitKey => ({ kind: "address", id: `198.51.100.${i}` }))]);
  });

  it("waits double with every further failure", async () => {
    const key: LimitKey[] = [{ kind: "address", id: "192.0.2.77" }];
    await clearSignInFailures(key);
    for (let i = 0; i < 5; i++) await recordSignInFailure(key);
    const first = await signInWait(key);
    for (let i = 0; i < 3; i++) await recordSignInFailure(key);
    expect(await signInWait(key)).toBeGreaterThanOrEqual(first * 7);
    await clearSignInFailures(key);
  });
});

describe("2. anonymous CPU exhaustion via images", () => {
  it("renders off the event loop, at most two at a time, and refuses a burst beyond the queue", async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="1250">${Array.from({ length: 400 }, (_, i) => `<circle cx="${(i * 37) % 2000}" cy="${(i * 53) % 1250}" r="${40 + (i % 60)}" fill="#${(i * 2654435).toString(16).slice(-6).padStart(6, "0")}" opacity="0.5"/>`).join("")}</svg>`;
    const before = rasterizerStats().completed;
    const burst = RENDER_CONCURRENCY + RENDER_QUEUE_LIMIT + 3;
    // While the burst renders, this thread is free: a timer set now fires before the first PNG is done.
    let firstTimerBeforeFirstPng: boolean | null = null;
    setTimeout(() => (firstTimerBeforeFirstPng ??= true), 0);
    const results = await Promise.allSettled(Array.from({ length: burst }, () => rasterizeSvgOffThread(svg, 2000, 2).then((png) => ((firstTimerBeforeFirstPng ??= false), png))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(RENDER_CONCURRENCY + RENDER_QUEUE_LIMIT);
    expect(results.filter((r) => r.status === "rejected").every((r) => (r as PromiseRejectedResult).reason instanceof RenderQueueFullError)).toBe(true);
    expect(firstTimerBeforeFirstPng).toBe(true);
    const stats = rasterizerStats();
    expect(stats.threads).toBeGreaterThan(0);
    expect(stats.threads).toBeLessThanOrEqual(RENDER_CONCURRENCY);
    expect(stats.completed - before).toBe(RENDER_CONCURRENCY + RENDER_QUEUE_LIMIT);
    const png = (results[0] as PromiseFulfilledResult<Buffer>).value;
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(4000);
  }, 120_000);

  it("limits images per client, and two instances share one count", async () => {
    // Two limiters of one name are what two app processes hold: the count lives in PostgreSQL.
    const instanceA = createRateLimiter({ name: "images-test", requests: 60, windowMs: 60_000 });
    const instanceB = createRateLimiter({ name: "images-test", requests: 60, windowMs: 60_000 });
    // 10 s into a minute that has not begun yet (so no purge of finished windows touches it).
    const minute = (Math.floor(Date.now() / 60_000) + 2) * 60_000;
    const at = new Date(minute + 10_000);
    for (let i = 0; i < 60; i++) expect(await (i % 2 ? instanceA : instanceB)("198.51.100.7", at)).toBe(0);
    expect(await instanceA("198.51.100.7", at)).toBe(50);
    expect(await instanceB("198.51.100.7", at)).toBe(50);
    expect(await instanceA("198.51.100.8", at)).toBe(0);
    expect(await instanceB("198.51.100.7", new Date(minute + 60_000))).toBe(0);
    const rows = await db.rateLimit.findMany({ where: { key: { startsWith: "images-test:" } }, orderBy: { key: "asc" } });
    expect(rows.map((row) => [row.key, row.count])).toEqual([
      ["images-test:198.51.100.7", 1],
      ["images-test:198.51.100.8", 1],
    ]);
  });

  it("a limit of 0 is off and writes nothing", async () => {
    const take = createRateLimiter({ name: "off-test", requests: 0, windowMs: 60_000 });
    for (let i = 0; i < 5; i++) expect(await take("198.51.100.9")).toBe(0);
    expect(await db.rateLimit.count({ where: { key: { startsWith: "off-test:" } } })).toBe(0);
  });
});

describe("3. HTML that used to block the server", () => {
  it("156 kB of '<!--' reads in well under a second", () => {
    const started = performance.now();
    expect(htmlToText("<!--".repeat(39_000))).toBe("");
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("a page of more tags than any article is refused with a message", () => {
    expect(() => htmlToText("<div>".repeat(200_000))).toThrow(HtmlTooComplexError);
  });

  it("an out-of-range character reference becomes U+FFFD instead of an exception", () => {
    expect(htmlToText("<p>a &#x110000; b &#xD800; c</p>")).toBe("a \uFFFD b \uFFFD c");
  });
});

describe("5. bad input answered with 4xx, never 500", () => {
  it("an id beyond PostgreSQL's integer is no row", () => {
    expect(rowIdSchema.safeParse("2147483648").success).toBe(false);
    expect(rowIdSchema.safeParse("2147483647").success).toBe(true);
  });

  it("a search with U+0000 is dropped with a notice", () => {
    const { filters, notices } = parseFilters(new URLSearchParams("q=h20%00"));
    expect(filters.q).toBeNull();
    expect(notices[0]).toMatchObject({ key: "q", message: "search text with control characters" });
  });

  it("chunked bodies, bodies over 5 MB, a million brackets and another page's action are refused", () => {
    expect(checkWrite({ length: null, chunked: true })).toMatchObject({ status: 411 });
    expect(checkWrite({ length: null, chunked: false })).toBeNull(); // no body at all (a bare DELETE)
    expect(checkWrite({ length: MAX_BODY_BYTES + 1, chunked: false })).toMatchObject({ status: 413 });
    const deep = new TextEncoder().encode(`${"[".repeat(1_000_000)}${"]".repeat(1_000_000)}`);
    expect(checkWrite({ length: deep.length, chunked: false, body: deep })).toMatchObject({ status: 400, code: "too_deeply_nested" });
    expect(checkWrite({ length: 2, chunked: false, body: new TextEncoder().encode("[]"), action: "review-action", pageActions: new Set(["sign-in-action"]) })).toMatchObject({
      status: 400,
      code: "unknown_action",
    });
    expect(checkWrite({ length: 2, chunked: false, body: new TextEncoder().encode("[]"), action: "sign-in-action", pageActions: new Set(["sign-in-action"]) })).toBeNull();
    // The same action posted as a form without JavaScript names itself in a field.
    const form = (name: string, value = "") => new TextEncoder().encode(`--b\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n--b--\r\n`);
    const pageActions = new Set(["abc123"]);
    expect(checkWrite({ length: 99, chunked: false, body: form("$ACTION_ID_def456"), pageActions })).toMatchObject({ code: "unknown_action" });
    expect(checkWrite({ length: 99, chunked: false, body: form("$ACTION_1:0", '{"id":"def456","bound":null}'), pageActions })).toMatchObject({ code: "unknown_action" });
    expect(checkWrite({ length: 99, chunked: false, body: form("$ACTION_ID_abc123"), pageActions })).toBeNull();
  });
});

describe("6. sessions can be revoked", () => {
  it("a copied cookie stops working after sign-out, and after sign-out everywhere", async () => {
    const one = await openSession("device-a");
    const two = await openSession("device-b");
    expect(await sessionIsValid(one)).toBe(true);
    await revokeSession(one);
    expect(await sessionIsValid(one)).toBe(false);
    expect(await sessionIsValid(two)).toBe(true);
    await revokeAllSessions();
    expect(await sessionIsValid(two)).toBe(false);
    expect(await sessionIsValid("not-a-session")).toBe(false);
  });
});

describe("7. readers see accepted facts only", () => {
  it("pending and rejected proposals of an article are for editors", async () => {
    const fact = await db.fact.findFirstOrThrow({ where: { reviewStatus: "accepted" }, select: { id: true, articleId: true } });
    await db.fact.update({ where: { id: fact.id }, data: { reviewStatus: "pending" } });
    try {
      const reader = await getArticleWithFacts(fact.articleId, false);
      const editor = await getArticleWithFacts(fact.articleId, true);
      expect(reader!.facts.some((f) => f.id === fact.id)).toBe(false);
      expect(editor!.facts.some((f) => f.id === fact.id && f.reviewStatus === "pending")).toBe(true);
    } finally {
      await db.fact.update({ where: { id: fact.id }, data: { reviewStatus: "accepted" } });
    }
  });
});
