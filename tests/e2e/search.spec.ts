// Search that ranks (issue 15): a search lists the best match first and shows why it matched.
import { expect, test } from "@playwright/test";

test("/events?q=stockpile lists the stockpile event first, with the matched words highlighted", async ({ page }) => {
  await page.goto("/events?q=stockpile");
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toContainText("ByteDance, Alibaba and Tencent sought about one million H20s");
  await expect(rows.first().getByTestId("search-snippet").locator("mark")).toHaveText("Stockpile");
  await expect(page.getByTestId("events-count")).toContainText("sort by date");
  // Every result says why it matched.
  const count = await rows.count();
  await expect(page.getByTestId("search-snippet")).toHaveCount(count);
  expect(await page.getByTestId("search-snippet").locator("mark").count()).toBeGreaterThanOrEqual(count);
});

test("a page past the end shows the last page and says so", async ({ page }) => {
  await page.goto("/events?page=999");
  await expect(page.getByRole("status").filter({ hasText: "There is no page 999" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Pages" })).toContainText(/Page (\d+) of \1/);
});
