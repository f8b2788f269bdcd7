// Reading at publication grade (issue 15): every timeline mark can be seen and reached, no page
// scrolls sideways, and axe finds no serious or critical violation on any public page in either
// theme. Runs in both the desktop and the phone (390 px) projects.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

type Box = { id: string; x: number; y: number; width: number; height: number };

async function markBoxes(page: Page): Promise<Box[]> {
  const marks = page.getByTestId("timeline-chart").locator("a[data-event-id]");
  await expect(marks.first()).toBeAttached();
  return marks.evaluateAll((links) =>
    links.map((link) => {
      const box = (link.querySelector("path, circle, polygon") ?? link).getBoundingClientRect();
      return { id: link.getAttribute("data-event-id")!, x: box.x, y: box.y, width: box.width, height: box.height };
    }),
  );
}

/** Pairs of marks whose drawn shapes cover each other by more than a pixel each way. */
function overlaps(boxes: Box[]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      const overlapX = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const overlapY = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (overlapX > 1 && overlapY > 1) pairs.push(`${a.id}+${b.id}`);
    }
  return pairs;
}

test("no timeline mark hides another, at 1440 px and on a phone, for all events and for one company", async ({ page, isMobile }) => {
  if (!isMobile) await page.setViewportSize({ width: 1440, height: 900 });
  for (const path of ["/", "/?company=nvidia", "/companies/huawei"]) {
    await page.goto(path);
    const boxes = await markBoxes(page);
    expect(boxes.length, path).toBeGreaterThan(0);
    expect(overlaps(boxes), path).toEqual([]);
  }
});

test("the keyboard reaches the marks in date order and each shows its details on focus", async ({ page, isMobile }) => {
  test.skip(isMobile, "a phone has no Tab key");
  await page.goto("/");
  await expect(page.getByTestId("timeline-chart").locator("a[data-event-id]").first()).toBeAttached();
  const marks = await page
    .getByTestId("timeline-chart")
    .locator("a[data-event-id]")
    .evaluateAll((links) => links.map((link) => ({ label: link.getAttribute("aria-label")!, date: link.getAttribute("data-date")! })));
  const labels = marks.map((mark) => mark.label);
  const dates = marks.map((mark) => mark.date);
  expect(dates.every((date) => /^\d{4}-\d{2}-\d{2}$/.test(date))).toBe(true);
  expect(dates).toEqual([...dates].sort());

  const first = page.getByTestId("timeline-chart").locator("a[data-event-id]").first();
  await first.focus();
  const tooltip = page.getByTestId("timeline-chart").getByRole("tooltip");
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText(labels[0]!.split(": ")[1]!.split(",")[0]!);
  await page.keyboard.press("Tab");
  await expect(tooltip).toContainText(labels[1]!.split(": ")[1]!.split(",")[0]!);
});

test("a skip link is the first Tab stop and lands on the content", async ({ page, isMobile }) => {
  test.skip(isMobile, "a phone has no Tab key");
  await page.goto("/events");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  await expect(page.locator("main")).toBeFocused();
});

test("an unknown address gets the site's own page, with search and a way back", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "No page at this address" })).toBeVisible();
  await page.getByRole("searchbox", { name: "Search events" }).fill("stockpile");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/events\?q=stockpile/);
  expect((await page.request.get("/icon.svg")).headers()["content-type"]).toContain("image/svg+xml");
});

const PAGES = [
  "/",
  "/?company=nvidia&overlay=penalties",
  "/events",
  "/events?q=stockpile",
  "/events/1",
  "/companies",
  "/companies/nvidia",
  "/compare",
  "/articles/1",
  "/sign-in",
  "/no-such-page",
];

test("no page scrolls sideways", async ({ page, isMobile }) => {
  if (!isMobile) await page.setViewportSize({ width: 1440, height: 900 });
  for (const path of PAGES) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

for (const scheme of ["light", "dark"] as const) {
  test(`axe: no serious or critical violation on any page (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const found: string[] = [];
    for (const path of PAGES) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
      for (const violation of results.violations.filter((v) => v.impact === "serious" || v.impact === "critical"))
        found.push(`${path}: ${violation.id} (${violation.impact}) ${violation.nodes.length}× e.g. ${violation.nodes[0]?.target.join(" ")}`);
    }
    expect(found).toEqual([]);
  });
}

test("two companies side by side: marks coloured by company with a legend naming them, and a column of numbers each", async ({ page }) => {
  await page.goto("/?company=nvidia&company=huawei");
  const chart = page.getByTestId("timeline-chart");
  await expect(chart.locator("a[data-event-id]").first()).toBeAttached();
  await expect(chart.getByTestId("timeline-company-legend")).toContainText("Nvidia");
  await expect(chart.getByTestId("timeline-company-legend")).toContainText("Huawei");
  const fills = await chart
    .locator("a[data-event-id]")
    .evaluateAll((links) => links.map((link) => ({ label: link.getAttribute("aria-label")!, fill: link.querySelector("path")?.getAttribute("fill") })));
  const nvidia = fills.filter((mark) => mark.label.includes("(Nvidia)"));
  const huawei = fills.filter((mark) => mark.label.includes("(Huawei)"));
  expect(nvidia.length).toBeGreaterThan(0);
  expect(huawei.length).toBeGreaterThan(0);
  expect(new Set(nvidia.map((mark) => mark.fill)).size).toBe(1);
  expect(new Set(huawei.map((mark) => mark.fill)).size).toBe(1);
  expect(nvidia[0]!.fill).not.toBe(huawei[0]!.fill);

  const table = page.getByTestId("headline-by-company");
  await expect(table.getByRole("columnheader")).toContainText(["", "Nvidia", "Huawei", /Together/]);
  // Each company's own event count, and together no more than their sum.
  const events = (
    await table
      .getByRole("row", { name: /^Events/ })
      .getByRole("cell")
      .allTextContents()
  ).map((text) => Number(text.replace(/,/g, "")));
  expect(events).toHaveLength(3);
  expect(events[2]).toBeLessThanOrEqual(events[0]! + events[1]!);
  expect(events[2]).toBeGreaterThanOrEqual(Math.max(events[0]!, events[1]!));
});

test("the comparison builder updates as you pick, says when the baseline is gone, and colours bars by vendor country", async ({ page }) => {
  const documents: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "document") documents.push(request.url());
  });
  await page.goto("/compare");
  const chart = page.getByTestId("compare-chart");
  await expect(chart.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(chart.getByTestId("compare-legend")).toContainText("Chinese vendor");
  await expect(chart.getByTestId("compare-legend")).toContainText("US vendor");
  // (Recharts draws axis labels in its own layers: the value axis is the one whose ticks end in ×.)
  const ticks = (await chart.locator(".recharts-cartesian-axis-tick-value").allTextContents()).filter((tick) => /^[\d.]+×$/.test(tick));
  expect(ticks.length).toBeGreaterThan(1);
  // Round, evenly spaced values (0.2×, 0.4× … or 0.5×, 1× …), never 0.45× or 1.35×.
  const values = ticks.map((tick) => Number(tick.replace("×", "")));
  for (const value of values) expect(Math.abs(value * 10 - Math.round(value * 10))).toBeLessThan(1e-9);
  const steps = new Set(values.slice(1).map((value, i) => (value - values[i]!).toFixed(6)));
  expect(steps.size).toBe(1);

  // Unticking the baseline updates the view in place, with a notice instead of a silent change.
  await page.getByRole("checkbox", { name: /^GB200 NVL72/ }).uncheck();
  await expect(page).toHaveURL((url) => !url.searchParams.getAll("entity").includes("nvidia-gb200-nvl72"));
  await expect(page.getByTestId("stale-baseline")).toContainText("GB200 NVL72");
  expect(documents).toHaveLength(1);
});

test("every page respects the filters it shows: /companies under a type lists only who is in those events", async ({ page }) => {
  await page.goto("/companies?type=penalty");
  const counts = await page.locator("section[aria-labelledby^=group-] tbody tr td:nth-child(2)").allTextContents();
  expect(counts.length).toBeGreaterThan(0);
  expect(counts.every((count) => Number(count) > 0)).toBe(true);
  await page.goto("/companies");
  expect(await page.locator("section[aria-labelledby^=group-] tbody tr").count()).toBeGreaterThan(counts.length);
});

test("an empty company page does not offer to clear the company it is about", async ({ page }) => {
  await page.goto("/companies/nvidia?q=zzzz-nothing-matches");
  const empty = page.getByText(/^No events for/).first();
  await expect(empty).toBeVisible();
  await expect(page.getByRole("link", { name: "Clear the company filter?" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Clear the search filter?" }).first()).toHaveAttribute("href", "/companies/nvidia");
});
