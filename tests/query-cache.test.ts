// Cached reads follow the data version: the same question is answered once per version, and any
// write — even one made behind the app's back in plain SQL — makes the next answer fresh.
import { describe, expect, it } from "vitest";
import { cachedByDataVersion, queryCacheStats } from "@/lib/cache/query-cache";
import { getDataVersion } from "@/lib/data/version";
import { db } from "@/lib/db";
import { listEntityOptions } from "@/lib/entities/queries";
import { isCacheablePageRequest } from "@/lib/http/page-cache";

describe("query results cached per data version", () => {
  it("answers again from memory until a write bumps the version", async () => {
    let reads = 0;
    const countEntities = cachedByDataVersion("test:countEntities", async (kind: string) => {
      reads++;
      return db.entity.count({ where: { kind: kind as "company" } });
    });
    const before = await countEntities("company");
    expect(await countEntities("company")).toBe(before);
    expect(reads).toBe(1);
    await countEntities("agency");
    expect(reads).toBe(2);

    const versionBefore = (await getDataVersion()).version;
    const [entity] = await db.$queryRaw<{ id: number }[]>`
      INSERT INTO entities (name, slug, kind) VALUES ('Cache Test Co', 'cache-test-co', 'company') RETURNING id`;
    try {
      expect((await getDataVersion()).version).not.toBe(versionBefore);
      expect(await countEntities("company")).toBe(before + 1);
      expect(reads).toBe(3);
    } finally {
      await db.$executeRaw`DELETE FROM entities WHERE id = ${entity!.id}`;
    }
    expect(await countEntities("company")).toBe(before);
    expect(queryCacheStats.hits).toBeGreaterThan(0);
  });
});

describe("company selector choices", () => {
  it("finds an entity by alias, and always carries the chosen ones", async () => {
    const found = await listEntityOptions(12, [], "BIS");
    expect(found.map((option) => option.slug)).toContain("us-commerce-bis");
    const top = await listEntityOptions(2, ["huawei"]);
    expect(top.map((option) => option.slug)).toContain("huawei");
    expect(await listEntityOptions(12, [], "100%_no_such")).toEqual([]);
  });
});

describe("which requests the page cache may answer", () => {
  const DOCUMENT = { "sec-fetch-dest": "document", "sec-fetch-mode": "navigate", accept: "text/html,application/xhtml+xml,*/*;q=0.8" };
  const request = (path: string, headers: Record<string, string> = DOCUMENT, method = "GET") => new Request(`http://localhost${path}`, { method, headers });
  it("anonymous page loads only", () => {
    expect(isCacheablePageRequest(request("/"), "/")).toBe(true);
    expect(isCacheablePageRequest(request("/events"), "/events")).toBe(true);
    expect(isCacheablePageRequest(request("/events/12"), "/events/12")).toBe(true);
    expect(isCacheablePageRequest(request("/", { ...DOCUMENT, cookie: "chipwatch_session=abc" }), "/")).toBe(false);
    expect(isCacheablePageRequest(request("/", { ...DOCUMENT, rsc: "1" }), "/")).toBe(false);
    expect(isCacheablePageRequest(request("/", DOCUMENT, "POST"), "/")).toBe(false);
    expect(isCacheablePageRequest(request("/ingest"), "/ingest")).toBe(false);
    expect(isCacheablePageRequest(request("/api/charts/timeline.png"), "/api/charts/timeline.png")).toBe(false);
  });

  it("never a client navigation or prefetch, even with Next's own markers stripped (as the proxy sees them)", () => {
    // What a browser sends for router.push() or a <Link> prefetch once Next removed RSC and Next-Router-*.
    expect(isCacheablePageRequest(request("/?company=nvidia", { "sec-fetch-dest": "empty", "sec-fetch-mode": "cors", accept: "*/*" }), "/")).toBe(false);
    // A client without Fetch metadata: only when it asks for HTML.
    expect(isCacheablePageRequest(request("/", { accept: "*/*" }), "/")).toBe(false);
    expect(isCacheablePageRequest(request("/", { accept: "text/html" }), "/")).toBe(true);
  });
});
