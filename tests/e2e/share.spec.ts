// Following a view (issue 16, part 4): /feed.xml?<filters> is an Atom feed of exactly the events of
// that view, newest first, and every page links the feed of what it shows.
import { expect, test } from "@playwright/test";

test("/feed.xml?company=nvidia parses as Atom, with one entry per event of that view, newest first", async ({ page, request }) => {
  const response = await request.get("/feed.xml?company=nvidia");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/atom+xml");
  const xml = await response.text();

  await page.goto("/?company=nvidia");
  const heading = await page.getByTestId("timeline-chart").getByRole("heading").first().textContent();
  const events = Number(/Timeline of (\d+) events?/.exec(heading ?? "")?.[1]);
  expect(events).toBeGreaterThan(5);

  // The browser's own XML parser: a feed reader would refuse what it refuses.
  const feed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "application/xml");
    const ns = "http://www.w3.org/2005/Atom";
    const entries = [...doc.getElementsByTagNameNS(ns, "entry")];
    return {
      parseError: doc.getElementsByTagName("parsererror").length > 0,
      root: doc.documentElement.namespaceURI + " " + doc.documentElement.localName,
      title: doc.getElementsByTagNameNS(ns, "title")[0]?.textContent,
      entries: entries.map((entry) => ({
        id: entry.getElementsByTagNameNS(ns, "id")[0]?.textContent ?? "",
        title: entry.getElementsByTagNameNS(ns, "title")[0]?.textContent ?? "",
        updated: entry.getElementsByTagNameNS(ns, "updated")[0]?.textContent ?? "",
        link: entry.getElementsByTagNameNS(ns, "link")[0]?.getAttribute("href") ?? "",
        summary: entry.getElementsByTagNameNS(ns, "summary")[0]?.textContent ?? "",
      })),
    };
  }, xml);
  expect(feed.parseError).toBe(false);
  expect(feed.root).toBe("http://www.w3.org/2005/Atom feed");
  expect(feed.title).toContain("Nvidia");
  expect(feed.entries).toHaveLength(events);
  expect(new Set(feed.entries.map((entry) => entry.id)).size).toBe(events);
  const updated = feed.entries.map((entry) => entry.updated);
  expect(updated).toEqual([...updated].sort().reverse());
  for (const entry of feed.entries) {
    expect(entry.link).toMatch(/^http:\/\/localhost:\d+\/events\/\d+$/);
    expect(entry.summary).toMatch(/ · /);
  }
  // An entry leads to its event.
  await page.goto(new URL(feed.entries[0]!.link).pathname);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(feed.entries[0]!.title);
});

test("every page links the feed of its view", async ({ page }) => {
  for (const [path, feed] of [
    ["/?company=nvidia&type=penalty", "/feed.xml?company=nvidia&type=penalty"],
    ["/events?q=stockpile", "/feed.xml?q=stockpile"],
    ["/companies/huawei", "/feed.xml?company=huawei"],
    ["/compare", "/feed.xml"],
  ]) {
    await page.goto(path!);
    await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]').first(), path).toHaveAttribute("href", new RegExp(`${feed!.replace(/[?]/g, "\\?")}$`));
  }
});

test("a feed of a view with a bad filter is refused with a message that names it", async ({ request }) => {
  const response = await request.get("/feed.xml?company=no-such-company-anywhere");
  expect(response.status()).toBe(400);
  expect((await response.json()).error.message).toContain("no-such-company-anywhere");
});
