// The overview as a visitor sees it: the seed events on the timeline, both systems compared.
import { expect, test } from "@playwright/test";

test("the dashboard shows every seed event on the timeline, with a tooltip per mark", async ({ page }) => {
  const health = await (await page.request.get("/api/health")).json();
  await page.goto("/");
  await expect(page.getByRole("heading", { name: /Timeline of \d+ events/ })).toHaveText(`Timeline of ${health.events} events`);
  const marks = page.getByTestId("timeline-chart").locator("a[data-event-id]");
  await expect(marks).toHaveCount(health.events);
  await expect(page.getByTestId("timeline-chart")).toContainText("Penalty");

  // Hovering the Cadence plea shows its title and its key figure with honest precision.
  const tooltip = page.getByTestId("timeline-chart").locator(".recharts-tooltip-wrapper");
  await page.getByTestId("timeline-chart").locator('a[aria-label*="Cadence agrees to plead guilty"]').hover({ force: true });
  await expect(tooltip).toContainText("Cadence agrees to plead guilty");
  await expect(tooltip).toContainText("Penalty (total): ≥ $140M");
  await expect(tooltip).toContainText("Source: The Korea Herald (news)");
});

test("the comparison shows CloudMatrix 384 against GB200 NVL72, both power reports with sources", async ({ page }) => {
  await page.goto("/");
  const comparison = page.getByTestId("comparison-chart");
  await expect(comparison.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(comparison).toContainText("GB200 NVL72 = 1×");
  await comparison.getByRole("button", { name: "table" }).click();
  const table = comparison.getByRole("table");
  await expect(table).toContainText("559 kW");
  await expect(table).toContainText("~600 kW");
  await expect(table.getByRole("link", { name: "Aiwire" }).first()).toBeVisible();
});

test("the latest events list their sources", async ({ page }) => {
  await page.goto("/");
  const latest = page.getByRole("list", { name: "Latest events" });
  await expect(latest.getByRole("listitem")).toHaveCount(8);
  await expect(latest.getByRole("link", { name: /^Source:/ }).first()).toHaveAttribute("href", /^https?:\/\//);
});

test("headline numbers say what they count, and a company filter says what it selects", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("headline-chips-ordered")).toContainText("purchase orders (not a vendor's production orders), by buyer");
  await expect(page.getByTestId("headline-penalties")).toContainText("≥ $440M");

  await page.goto("/?company=huawei");
  await expect(page.getByTestId("company-scope")).toContainText("Events involving Huawei.");
  // Seagate's penalty is in an event about Huawei, but it is Seagate's: not summed as Huawei's.
  await expect(page.getByTestId("headline-penalties").locator("dd").first()).toHaveText("—");
  const related = page.getByTestId("related-figures");
  await related.locator("summary").click();
  await expect(related).toContainText("Penalties: Seagate $300M");
  await expect(page.getByTestId("totals-penalties")).not.toContainText("Seagate");
});
