// The feed story of issue 14, as an editor lives it: follow a news site's RSS feed, poll it now,
// work the review queue from the keyboard, file one article under the stored event it reports on
// (the event then lists two sources) and record two new events from another. The news site is a
// local server started here, serving real-looking pages; the app may fetch only its host:port.
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { E2E_EDITOR_PASSWORD, E2E_NEWS_SITE } from "../../playwright.config";

// Letters only: a reference that makes each run's pages new to the app, without adding a number.
const ref = Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
const site = `http://${E2E_NEWS_SITE}`;
const pages: Record<string, string> = {
  "/2025/07/29/cadence-plea": readFileSync("tests/fixtures/feeds/cadence-plea.html", "utf8"),
  "/2025/10/03/weekly-brief": readFileSync("tests/fixtures/feeds/two-events.html", "utf8"),
};
const rss = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Tech Policy Wire: chips (${ref})</title><link>${site}/</link><description>Export controls and chips</description>
<item><title>Cadence to pay $140.6 million and plead guilty</title><link>${site}/2025/07/29/cadence-plea?ref=${ref}</link><guid>${ref}-cadence</guid><pubDate>Tue, 29 Jul 2025 14:05:00 GMT</pubDate></item>
<item><title>Weekly chip brief</title><link>${site}/2025/10/03/weekly-brief?ref=${ref}</link><guid>${ref}-brief</guid><pubDate>Fri, 03 Oct 2025 08:00:00 GMT</pubDate></item>
</channel></rss>`;

let server: Server;
test.beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", site);
    if (url.pathname === "/feed.xml") return response.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" }).end(rss);
    const page = pages[url.pathname];
    if (page) return response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page.replaceAll("{{ref}}", ref));
    response.writeHead(404, { "content-type": "text/plain" }).end("not found");
  });
  const [host, port] = E2E_NEWS_SITE.split(":");
  await new Promise<void>((resolve) => server.listen(Number(port), host, resolve));
});
test.afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function signIn(page: Page, next: string) {
  await page.goto(next);
  await expect(page).toHaveURL(new RegExp(`/sign-in\\?next=${next.replace(/[/?]/g, (c) => `\\${c}`)}`));
  await page.getByLabel("Editor password").fill(E2E_EDITOR_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${next}$`));
}

test("an editor follows a feed, reviews it from the keyboard, files one article under its event and records two events from another", async ({ page }) => {
  await signIn(page, "/feeds");
  await page.getByLabel("Feed address").fill(`${site}/feed.xml?ref=${ref}`);
  await page.getByRole("button", { name: "Follow" }).click();
  const feed = page.getByTestId("feed").filter({ hasText: `feed.xml?ref=${ref}` });
  await expect(feed).toBeVisible();
  await feed.getByRole("button", { name: "Poll now" }).click();
  await expect(feed).toContainText(`Tech Policy Wire: chips (${ref})`);
  await expect(feed.locator("td").nth(4)).toHaveText("2"); // items taken

  // The queue, narrowed to this feed.
  await page.goto("/review");
  await page.getByRole("combobox", { name: /^Feed\b/ }).selectOption({ label: `Tech Policy Wire: chips (${ref})` });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/[?&]feed=\d+/);
  const items = page.getByTestId("pending-fact");
  const pending = await items.count();
  expect(pending).toBeGreaterThanOrEqual(4);

  // Keyboard: the queue opens on its first proposal; j moves on, a accepts, u undoes.
  await expect(items.first()).toBeFocused();
  await page.keyboard.press("j");
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press("a");
  await expect(page.getByRole("status")).toContainText("Accepted.");
  await expect(items).toHaveCount(pending - 1);
  await page.keyboard.press("u");
  await expect(page.getByRole("status")).toContainText("Undone: the fact waits for review again.");
  await expect(items).toHaveCount(pending);

  // The Cadence story: the queue suggests the stored event, with its reasons; filing it there.
  const cadence = page.getByTestId("queue-article").filter({ hasText: "Cadence to pay $140.6 million" });
  await cadence.locator("summary").click();
  await expect(cadence.getByRole("list", { name: "Events this article may report on" })).toContainText("Cadence agrees to plead guilty");
  await expect(cadence.getByRole("list", { name: "Events this article may report on" })).toContainText("same type (penalty)");
  const fileUnder = cadence.getByRole("form", { name: /under a stored event/ });
  const eventId = await fileUnder.getByLabel("File under").inputValue();
  expect(eventId).toMatch(/^\d+$/);
  // The sources the event lists before: one more after filing, this feed's outlet among them.
  const queue = page.url();
  await page.goto(`/events/${eventId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Cadence agrees to plead guilty");
  const sources = page.locator('section[aria-labelledby="facts-heading"] h3');
  const before = await sources.count();
  await expect(sources.filter({ hasText: "Tech Policy Wire" })).toHaveCount(0);
  await page.goto(queue);
  await cadence.locator("summary").click();
  // Only the total: the criminal fine and the civil settlement are parts of it, not reports of it.
  for (const part of ["$118M", "$95M"]) await fileUnder.getByRole("checkbox", { name: new RegExp(part.replace("$", "\\$")) }).uncheck();
  await expect(fileUnder.getByRole("checkbox", { checked: true })).toHaveCount(1);
  await fileUnder.getByRole("button", { name: "Accept under this event" }).click();
  await expect(page.getByRole("status")).toContainText("Accepted under the event: the article is now one of its sources.");
  await page.getByRole("link", { name: "Open the event" }).click();
  await expect(page).toHaveURL(new RegExp(`/events/${eventId}$`));
  await expect(sources).toHaveCount(before + 1);
  await expect(sources.filter({ hasText: "Tech Policy Wire" })).toHaveCount(1);

  // The weekly brief reports two things: two new events, each with its own fact.
  for (const [title, type, date, fact] of [
    ["Zhipu AI orders 20,000 Huawei Ascend 910C accelerators", "Chip order", "2025-10", /Ascend|units|20,000/],
    ["Singapore court fines a server distributor S$1.2 million over Nvidia servers", "Penalty", "2025-10-03", /S\$|SGD/],
  ] as const) {
    await page.goto("/review");
    const brief = page.getByTestId("queue-article").filter({ hasText: "Weekly chip brief" });
    await brief.locator("summary").click();
    const form = brief.getByRole("form", { name: /^New event from/ });
    await form.getByLabel("New event title").fill(title);
    await form.getByLabel("Type").selectOption({ label: type });
    await form.getByLabel(/^Date/).fill(date);
    const boxes = form.getByRole("checkbox");
    for (let i = 0; i < (await boxes.count()); i++) {
      const label = (await boxes.nth(i).locator("xpath=..").textContent()) ?? "";
      if (!fact.test(label)) await boxes.nth(i).uncheck();
    }
    await expect(form.getByRole("checkbox", { checked: true })).toHaveCount(1);
    await form.getByRole("button", { name: "Create the event and accept" }).click();
    await expect(page.getByRole("status")).toContainText("Recorded a new event from the article, with its facts accepted. 1 fact accepted.");
    await page.getByRole("link", { name: "Open the event" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.locator('section[aria-labelledby="facts-heading"] h3')).toContainText("Tech Policy Wire");
  }
});
