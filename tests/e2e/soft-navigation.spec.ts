// Filters and overlays change the view in place (issue 15, part 1): no document request, the
// page's JavaScript state survives, the reader stays where they were, and each change is one
// history entry. Before the fix the page cache answered Next's RSC requests with the whole HTML
// page (Next strips its RSC markers before proxy.ts runs), so every change reloaded the page.
import { expect, test } from "@playwright/test";

test("choosing a type and an overlay on / updates in place, keeps the scroll position, and Back undoes one step", async ({ page }) => {
  const documents: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "document") documents.push(request.url());
  });
  await page.goto("/");
  await expect(page.getByTestId("timeline-chart").locator("a[data-event-id]").first()).toBeAttached();
  await page.evaluate(() => ((window as unknown as { chipwatchMarker: string }).chipwatchMarker = "same page"));
  const history = await page.evaluate(() => window.history.length);

  // From the keyboard, so nothing scrolls the control into view: the reader is 500 px down.
  await page.getByRole("button", { name: "Penalty", exact: true }).evaluate((button) => (button as HTMLElement).focus({ preventScroll: true }));
  await page.evaluate(() => window.scrollTo(0, 500));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/\?type=penalty$/);
  await expect(page.getByRole("heading", { name: /Timeline of \d+ events?/ })).not.toHaveText(/Timeline of 53 events/);
  // Not back at the top, and the chip just pressed keeps the focus. scrollY itself may move: the
  // timeline is as tall as its lanes, and when it shrinks above what is in view the browser's
  // scroll anchoring moves scrollY by as much, so the content in view stays in view.
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(250);
  await expect(page.getByRole("button", { name: "Penalty", exact: true })).toBeFocused();

  await page.getByRole("combobox", { name: /Overlay/ }).evaluate((select) => (select as HTMLElement).focus({ preventScroll: true }));
  await page.getByRole("combobox", { name: /Overlay/ }).selectOption("penalties");
  await expect(page).toHaveURL(/overlay=penalties/);
  await expect(page.getByTestId("timeline-chart")).toContainText(/Penalties per year/);

  expect(documents).toEqual([documents[0]]); // the first load only
  expect(await page.evaluate(() => (window as unknown as { chipwatchMarker?: string }).chipwatchMarker)).toBe("same page");
  expect(await page.evaluate(() => window.history.length)).toBe(history + 2);
  await page.goBack();
  await expect(page).toHaveURL(/\/\?type=penalty$/);
  expect(documents).toHaveLength(1);
});

test("choosing a company and brushing a date range on / update in place too", async ({ page, isMobile }) => {
  test.skip(isMobile, "the brush is a pointer drag");
  const documents: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "document") documents.push(request.url());
  });
  await page.goto("/");
  await expect(page.getByTestId("timeline-chart").locator("a[data-event-id]").first()).toBeAttached();
  const history = await page.evaluate(() => window.history.length);

  await page.getByRole("combobox", { name: "Company or entity" }).fill("hua");
  await page
    .getByRole("option", { name: /^Huawei/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\?company=huawei$/);
  await expect(page.getByTestId("timeline-chart").getByRole("heading")).not.toHaveText(/Timeline of 53 events/);

  const plot = page.getByTestId("timeline-chart").locator(".recharts-wrapper").first();
  await plot.scrollIntoViewIfNeeded();
  const scrolled = await page.evaluate(() => window.scrollY);
  const box = (await plot.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.4);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.95, box.y + box.height * 0.4, { steps: 8 });
  await page.mouse.up();
  await expect(page).toHaveURL(/company=huawei&from=\d{4}-\d{2}&to=\d{4}-\d{2}/);
  await expect(page.getByLabel("From month")).toHaveValue(new URL(page.url()).searchParams.get("from")!);
  expect(documents).toEqual([documents[0]]);
  // The reader is not sent back to the top: the (now shorter) timeline is still in view.
  expect(scrolled).toBeGreaterThan(200);
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
  await expect(page.getByTestId("timeline-chart").locator(".recharts-wrapper").first()).toBeInViewport();
  expect(await page.evaluate(() => window.history.length)).toBe(history + 2);
});
