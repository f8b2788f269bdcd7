// Sources an analyst can trust (issue 18): every source link says what kind of source it is, and
// `source=primary` narrows the dashboard to what primary documents state — its image says so.
import { expect, test, type Page } from "@playwright/test";

const KINDS = ["primary", "news", "trade press", "law firm / analyst", "other"];

/** Every element marked as naming a source is followed by the kind of that source. */
async function expectKindsBesideSources(page: Page, path: string) {
  await page.goto(path);
  const sources = page.locator("[data-source-link]");
  const count = await sources.count();
  expect(count, `${path} names no source`).toBeGreaterThan(0);
  const followers = await sources.evaluateAll((elements) =>
    elements.map((element) => {
      const next = element.nextElementSibling;
      return next?.getAttribute("data-testid") === "source-kind" ? next.textContent : null;
    }),
  );
  expect(
    followers.filter((kind) => !kind || !KINDS.includes(kind)),
    `${path}: a source without its kind`,
  ).toEqual([]);
  return count;
}

test("every source link on every page shows the kind of its source", async ({ page }) => {
  await expectKindsBesideSources(page, "/");
  await expectKindsBesideSources(page, "/events");
  await expectKindsBesideSources(page, "/compare");
  await expectKindsBesideSources(page, "/companies/nvidia");
  // The NUDT listing of 2015 now rests on The Mercury News, not on a personal blog.
  await page.goto("/events?q=NUDT&sort=date&dir=asc");
  await page.getByRole("link", { name: /US adds NUDT and three Chinese supercomputing centres/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("US adds NUDT");
  const eventPath = new URL(page.url()).pathname;
  expect(await expectKindsBesideSources(page, eventPath)).toBeGreaterThanOrEqual(1);
  const source = page.locator('section[aria-labelledby="facts-heading"] [data-source-link]').filter({ hasText: "siliconvalley.com" });
  await expect(source).toHaveCount(1);
  await expect(page.locator('section[aria-labelledby="facts-heading"]')).not.toContainText("blogspot");
  await source.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The Mercury News, 9 Apr 2015");
  await expectKindsBesideSources(page, new URL(page.url()).pathname);
  await expect(page.getByTestId("source-kind").first()).toHaveText("news");
});

test("/?source=primary shows only events a primary source reports, and the exported image says so", async ({ page }) => {
  const health = await (await page.request.get("/api/health")).json();
  await page.goto("/?source=primary");
  const marks = page.getByTestId("timeline-chart").locator("a[data-event-id]");
  await expect(page.getByRole("button", { name: "primary", pressed: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Timeline of \d+ events?/ })).toBeVisible();
  await expect(marks.first()).toBeAttached();
  const shown = await marks.count();
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(health.events);
  // Each of those events lists at least one primary source on its page.
  const ids = await marks.evaluateAll((links) => links.map((link) => link.getAttribute("data-event-id")));
  for (const id of ids) {
    await page.goto(`/events/${id}`);
    await expect(
      page
        .getByTestId("source-kind")
        .filter({ hasText: /^primary$/ })
        .first(),
    ).toBeVisible();
  }
  // The image of the view says, in its footer, that it counts primary sources only.
  const svg = await (await page.request.get("/api/charts/timeline.svg?source=primary")).text();
  const footer = /<g data-role="footer"[^>]*>([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? "";
  expect(footer).toContain("Primary sources only. Sources: ");
  expect(footer).toMatch(/\(primary, \d{1,2} \w{3} \d{4}\)/);
  const png = await page.request.get("/api/charts/timeline.png?source=primary");
  expect(png.headers()["content-type"]).toBe("image/png");
  const size = await page.evaluate(
    async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      return [image.naturalWidth, image.naturalHeight];
    },
    (await png.body()).toString("base64"),
  );
  expect(size[0]).toBeGreaterThan(1000);
});
