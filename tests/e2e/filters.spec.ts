// Exploring as an analyst does: filter by company, follow a mark to its sentence, share the URL.
import { expect, test } from "@playwright/test";

test("choosing a company rewrites the URL and narrows the timeline and the numbers to its events", async ({ page }) => {
  await page.goto("/");
  const allEvents = Number(await page.getByTestId("headline-events").locator("dd").first().textContent());
  const picker = page.getByRole("combobox", { name: "Company or entity" });
  await picker.fill("hua");
  await page.getByRole("option", { name: /^Huawei/ }).click();
  await expect(page).toHaveURL(/[?&]company=huawei(&|$)/);

  const huaweiEvents = Number(await page.getByTestId("headline-events").locator("dd").first().textContent());
  expect(huaweiEvents).toBeGreaterThan(0);
  expect(huaweiEvents).toBeLessThan(allEvents);
  await expect(page.getByTestId("timeline-chart").getByRole("heading")).toHaveText(`Timeline of ${huaweiEvents} events`);
  await expect(page.getByTestId("timeline-chart").locator("a[data-event-id]")).toHaveCount(huaweiEvents);

  // Every event in the table view involves Huawei.
  await page.getByTestId("timeline-chart").getByRole("button", { name: "table" }).click();
  const titles = await page.getByTestId("timeline-chart").locator("tbody tr td:nth-child(3)").allTextContents();
  expect(titles).toHaveLength(huaweiEvents);

  // Back returns to the unfiltered view.
  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("headline-events").locator("dd").first()).toHaveText(String(allEvents));
});

test("aliases find entities: typing BIS offers the Commerce Department", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("combobox", { name: "Company or entity" }).fill("BIS");
  await expect(page.getByRole("option", { name: /US Commerce Department \(BIS\)/ })).toBeVisible();
});

test("a timeline mark leads to its event, and its quote to the highlighted sentence in the article", async ({ page }) => {
  await page.goto("/?company=cadence");
  const mark = page.getByTestId("timeline-chart").locator("a[data-event-id]").first();
  await expect(mark).toHaveAttribute("aria-label", /Cadence agrees to plead guilty/);
  await mark.click();
  await expect(page).toHaveURL(/\/events\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Cadence");

  const quote = page.getByTestId("event-fact").filter({ hasText: "Penalty (total)" }).getByRole("link").first();
  const quoteText = (await quote.textContent())!.replace(/[“”]/g, "");
  await quote.click();
  await expect(page).toHaveURL(/\/articles\/\d+#fact-\d+$/);
  await expect(page.locator("[data-targeted]")).toHaveCount(1);
  const target = await page.evaluate(() => {
    const element = document.querySelector("[data-targeted]");
    return element ? { id: element.id, text: element.textContent } : null;
  });
  expect(target?.id).toMatch(/^fact-\d+$/);
  expect(quoteText).toContain(target!.text!.trim().slice(0, 20));
  // The targeted quote is drawn differently from the other highlighted quotes.
  const background = (selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(await background("[data-targeted]")).not.toBe(await background(`[data-fact-ids]:not([data-targeted])`));
});

test("a pasted filtered URL reproduces the view exactly, and invalid values are ignored with a notice", async ({ page }) => {
  const url = "/?company=nvidia&type=chip_order&type=stockpile&from=2025-01&to=2025-12&type=bogus";
  await page.goto(url);
  const marks = page.getByTestId("timeline-chart").locator("a[data-event-id]");
  await expect(marks.first()).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Some filter values were ignored" })).toContainText("type=bogus");
  const first = await page
    .getByTestId("timeline-chart")
    .locator("a[data-event-id]")
    .evaluateAll((marks) => marks.map((m) => m.getAttribute("data-event-id")));
  const numbers = await page.getByLabel("Headline numbers").textContent();
  await page.reload();
  await expect(marks.first()).toBeVisible();
  expect(
    await page
      .getByTestId("timeline-chart")
      .locator("a[data-event-id]")
      .evaluateAll((marks) => marks.map((m) => m.getAttribute("data-event-id"))),
  ).toEqual(first);
  expect(await page.getByLabel("Headline numbers").textContent()).toBe(numbers);
  await expect(page.getByRole("button", { name: "Chip order" })).toHaveAttribute("aria-pressed", "true");

  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("the comparison shows both CloudMatrix 384 power figures with their sources", async ({ page }) => {
  await page.goto("/");
  const comparison = page.getByTestId("comparison-chart");
  // The chart draws once the page is hydrated; a click before that would go unanswered.
  await expect(comparison.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await comparison.getByRole("button", { name: "table" }).click();
  const table = comparison.getByRole("table");
  await expect(table.getByRole("row").filter({ hasText: "559 kW" })).toContainText("capacitymedia.com");
  await expect(table.getByRole("row").filter({ hasText: "~600 kW" })).toContainText("Aiwire");
});

test("the comparison builder derives performance per kW and shows how", async ({ page }) => {
  await page.goto("/compare?entity=huawei-cloudmatrix-384&entity=nvidia-gb200-nvl72&metric=bf16_per_kw&baseline=nvidia-gb200-nvl72");
  await page.getByTestId("compare-chart").getByRole("button", { name: "table" }).click();
  await expect(page.getByTestId("compare-chart").getByRole("table")).toContainText("300 PFLOPS ÷ 559 kW");
});

test("the events table sorts and pages through the filtered events", async ({ page }) => {
  await page.goto("/events?type=entity_listing");
  await expect(page.getByTestId("events-count")).toContainText("9 events");
  await page.getByRole("link", { name: "Event", exact: true }).click();
  await expect(page).toHaveURL(/sort=title/);
  await expect(page.getByRole("columnheader", { name: "Event ▼" })).toBeVisible();
  const titles = await page.locator("tbody tr td:nth-child(2)").allTextContents();
  const byLowercase = (a: string, b: string) => (a.toLowerCase() < b.toLowerCase() ? 1 : a.toLowerCase() > b.toLowerCase() ? -1 : 0);
  expect(titles).toEqual([...titles].sort(byLowercase));
  expect(titles.length).toBe(9);
});

test("the overview fits a 390 px wide screen without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  await expect(page.getByTestId("timeline-chart").locator("a[data-event-id]").first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("dragging across the timeline sets the date filter", async ({ page }) => {
  await page.goto("/");
  const chart = page.getByTestId("timeline-chart").locator(".recharts-wrapper").first();
  await expect(page.getByTestId("timeline-chart").locator("a[data-event-id]").first()).toBeVisible();
  await chart.scrollIntoViewIfNeeded();
  const box = (await chart.boundingBox())!;
  // From about 70% to 95% of the plot width: the 2020s.
  const y = box.y + box.height * 0.55;
  await page.mouse.move(box.x + box.width * 0.7, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.8, y, { steps: 5 });
  await page.mouse.move(box.x + box.width * 0.95, y, { steps: 5 });
  await page.mouse.up();
  await expect(page).toHaveURL(/from=20\d\d-\d\d&to=20\d\d-\d\d/);
  const url = new URL(page.url());
  expect(url.searchParams.get("from")! < url.searchParams.get("to")!).toBe(true);
  await expect(page.getByLabel("From month")).toHaveValue(url.searchParams.get("from")!);
});

test("a bar in the comparison opens the sentence that states its value", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("comparison-chart").locator(".recharts-bar-rectangle").first().click();
  await expect(page).toHaveURL(/\/articles\/\d+#fact-\d+$/);
  await expect(page.locator("[data-targeted]")).toHaveCount(1);
});
