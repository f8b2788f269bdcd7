// GET /api/charts/<chart>.<format>: content types, bounds, caching and filters, over HTTP.
import { expect, test } from "@playwright/test";

test("each chart comes as PNG, SVG, CSV and JSON with the right content type", async ({ request }) => {
  for (const chart of ["timeline", "comparison", "compare", "orders", "stockpiles", "penalties"]) {
    for (const [format, type] of [
      ["png", "image/png"],
      ["svg", "image/svg+xml; charset=utf-8"],
      ["csv", "text/csv; charset=utf-8"],
      ["json", "application/json; charset=utf-8"],
    ]) {
      const response = await request.get(`/api/charts/${chart}.${format}`);
      expect(response.status(), `${chart}.${format}`).toBe(200);
      expect(response.headers()["content-type"]).toBe(type);
      expect(response.headers()["content-disposition"]).toMatch(new RegExp(`filename="chipwatch-${chart}-.*\\.${format}"`));
    }
  }
});

test("curl of timeline.png?company=huawei returns a PNG of that view", async ({ request }) => {
  const response = await request.get("/api/charts/timeline.png?company=huawei");
  const png = await response.body();
  expect(png.subarray(1, 4).toString()).toBe("PNG");
  expect(png.readUInt32BE(16)).toBe(2400);
  const svg = await (await request.get("/api/charts/timeline.svg?company=huawei")).text();
  expect(svg).toContain(">Huawei</text>");
  const json = await (await request.get("/api/charts/timeline.json?company=huawei")).json();
  const all = await (await request.get("/api/charts/timeline.json")).json();
  expect(json.rows.length).toBeGreaterThan(0);
  expect(json.rows.length).toBeLessThan(all.rows.length);
});

test("sizes, scale and theme are bounded; out of bounds is a 400 that says why", async ({ request }) => {
  for (const query of [
    "width=99999",
    "width=10",
    "height=5",
    "scale=9",
    "scale=0",
    "theme=neon",
    "type=bogus",
    "company=UPPER",
    "overlay=weather",
    "width=4000&height=4000&scale=4",
  ]) {
    const response = await request.get(`/api/charts/timeline.png?${query}`);
    expect(response.status(), query).toBe(400);
    const body = await response.json();
    expect(body.error.code).toMatch(/^invalid_|image_too_large/);
    expect(body.error.message.length).toBeGreaterThan(5);
  }
  expect((await request.get("/api/charts/nothing.png")).status()).toBe(404);
  const small = await request.get("/api/charts/orders.png?width=600&scale=1&theme=dark");
  expect((await small.body()).readUInt32BE(16)).toBe(600);
});

test("an unchanged view answers If-None-Match with 304; the ETag differs per view", async ({ request }) => {
  const first = await request.get("/api/charts/timeline.png?company=nvidia");
  const etag = first.headers()["etag"]!;
  expect(etag).toMatch(/^".+"$/);
  const again = await request.get("/api/charts/timeline.png?company=nvidia", { headers: { "If-None-Match": etag } });
  expect(again.status()).toBe(304);
  const other = await request.get("/api/charts/timeline.png?company=huawei");
  expect(other.headers()["etag"]).not.toBe(etag);
});
