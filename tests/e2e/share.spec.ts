// Following a view (issue 16, part 4): /feed.xml?<filters> is an Atom feed of exactly the events of
// that view, newest first, and every page links the feed of what it shows.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
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

// Another origin's page: a publisher's article on a server of the test's own (a real one:
// Chromium refuses to let a page it did not load from the network frame a local address).
function publisher(baseURL: string): Promise<{ url: string; close: () => void }> {
  const html = `<!doctype html><html><body><h1>A publisher's article</h1>
<iframe id="embed" src="${baseURL}/embed/timeline?company=huawei" width="800" height="200" style="border:0"></iframe>
<iframe id="page" src="${baseURL}/" width="800" height="200"></iframe>
<script>addEventListener("message", (e) => { if (e.data && e.data.type === "chipwatch:height") document.getElementById("embed").style.height = e.data.height + "px"; });</script>
</body></html>`;
  const server = createServer((_request, response) => {
    response.setHeader("Content-Type", "text/html; charset=utf-8");
    response.end(html);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/article`, close: () => server.close() })),
  );
}

test("/embed/timeline?company=huawei renders inside an iframe of another site and reports its height; / refuses to be framed", async ({ page, baseURL }) => {
  const host = await publisher(baseURL!);
  try {
    await page.goto(host.url);
    const embed = page.frameLocator("#embed");
    await expect(embed.locator("svg").first()).toBeVisible();
    await expect(embed.locator("svg text").first()).toContainText(/Timeline of \d+ US–China AI-chip events?/);
    await expect(embed.getByRole("link", { name: /Explore this view on Chipwatch/ })).toHaveAttribute("href", /\/\?company=huawei$/);
    // Height follows the content (the frame started at 200 px).
    await expect.poll(async () => (await page.locator("#embed").boundingBox())!.height).toBeGreaterThan(400);
    // Every mark of the view is there, each with its tooltip.
    const marks = await embed.locator("svg path title").count();
    expect(marks).toBeGreaterThan(5);

    // The dashboard itself stays unframeable: the browser shows its own error in that frame.
    const framed = await (await page.locator("#page").elementHandle())!.contentFrame();
    const framedText = await framed!.evaluate(() => document.body?.innerText ?? "").catch(() => "");
    expect(framedText).not.toContain("Add article");
    const home = await page.request.get("/");
    expect(home.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(home.headers()["x-frame-options"]).toBe("DENY");
    const embedResponse = await page.request.get("/embed/timeline?company=huawei");
    expect(embedResponse.headers()["content-security-policy"]).toContain("frame-ancestors *");
    expect(embedResponse.headers()["x-frame-options"]).toBeUndefined();
  } finally {
    host.close();
  }
});

test("/oembed answers a pasted view with an iframe of that view's chart", async ({ request, baseURL }) => {
  const view = `${baseURL}/?company=nvidia&type=penalty`;
  const response = await request.get(`/oembed?url=${encodeURIComponent(view)}&maxwidth=640`);
  expect(response.status()).toBe(200);
  const answer = await response.json();
  expect(answer).toMatchObject({ version: "1.0", type: "rich", provider_name: "Chipwatch", width: 640 });
  expect(answer.height).toBeGreaterThan(200);
  const src = /<iframe src="([^"]+)"/.exec(answer.html)?.[1]?.replace(/&amp;/g, "&");
  expect(src).toBe(`${baseURL}/embed/timeline?company=nvidia&type=penalty`);
  expect((await request.get(src!)).status()).toBe(200);
  // Addresses elsewhere and other formats, as the specification says.
  expect((await request.get(`/oembed?url=${encodeURIComponent("https://example.com/?company=nvidia")}`)).status()).toBe(404);
  expect((await request.get(`/oembed?url=${encodeURIComponent(view)}&format=xml`)).status()).toBe(501);
  expect((await request.get("/oembed")).status()).toBe(400);
});
