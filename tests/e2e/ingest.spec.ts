// Editors turn a new article into facts; anonymous visitors cannot write anything.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { E2E_EDITOR_PASSWORD } from "../../playwright.config";

const seedArticle = readFileSync("prisma/seed-data/seed-article.txt", "utf8");
// A real passage: the H20 section of the founding article, which as a text of its own is new.
const h20Section = seedArticle.slice(seedArticle.indexOf("Nvidia Resumes H20 Shipments"), seedArticle.indexOf("Huawei Scales Up Domestic AI")).trim();

async function signIn(page: Page) {
  await page.goto("/ingest");
  await expect(page).toHaveURL(/\/sign-in\?next=\/ingest/);
  await page.getByLabel("Editor password").fill(E2E_EDITOR_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/ingest$/);
}

test.describe.configure({ mode: "serial" });

test("a wrong password is refused next to the field", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Editor password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#password-error")).toHaveText("That is not the editor password.");
});

test("pasting the founding article proposes all its facts and saving it again is refused as a duplicate", async ({ page }) => {
  await signIn(page);
  await page.getByLabel("Article text").fill(seedArticle);
  await page.getByRole("button", { name: "Extract facts" }).click();
  await expect(page.getByRole("heading", { name: /^14 proposed facts/ })).toBeVisible();
  const candidates = page.getByTestId("candidate");
  await expect(candidates).toHaveCount(14);
  // The text stays in the form, to edit and extract again; the dated listing is proposed as an event.
  await expect(page.getByLabel("Article text")).toHaveValue(seedArticle.trim());
  await expect(page.getByTestId("proposed-events")).toContainText("2015-02");
  await expect(candidates.filter({ hasText: "300,000 H20 AI chips" }).first().getByLabel("Value")).toHaveValue("300000");
  await expect(candidates.filter({ hasText: "300,000 H20 AI chips" }).first().getByLabel("Subject")).toHaveValue("Nvidia");
  await expect(page.getByRole("alert").filter({ hasText: "already in Chipwatch" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Save article/ })).toBeDisabled();
});

test("a section republished on its own is saved as a further source of its story, with its accepted facts", async ({ page, browser }) => {
  const before = await (await page.request.get("/api/health")).json();
  await signIn(page);
  await page.getByLabel("Article text").fill(h20Section);
  await page.getByLabel("Outlet").fill("Aiwire (section)");
  await page.getByLabel("Published").fill("2025-07-30");
  await page.getByRole("button", { name: "Extract facts" }).click();
  const candidates = page.getByTestId("candidate");
  await expect(candidates.first()).toBeVisible();
  const proposed = await candidates.count();
  // The H20 section is the founding article's story, told again: no new event is proposed for it.
  await expect(page.getByTestId("same-story")).toContainText("The same story as");
  // Reject one, edit one: both choices are kept.
  await candidates.nth(0).getByLabel("Accept").uncheck();
  await candidates.nth(1).getByLabel("Subject").fill("Nvidia");

  const actionRequest = page.waitForRequest((request) => request.method() === "POST" && !!request.headers()["next-action"]);
  await page.getByRole("button", { name: /^Save article with/ }).click();
  await expect(page.getByRole("status").filter({ hasText: /Saved article \d+ with/ })).toContainText(`with ${proposed - 1} facts`);
  const after = await (await page.request.get("/api/health")).json();
  expect(after.facts).toBe(before.facts + proposed - 1);
  expect(after.events).toBe(before.events);
  await expect(page.getByRole("status").filter({ hasText: /Saved article/ })).toContainText("as a further source of the story of article");

  // The very same request without the editor's cookie changes nothing.
  const saved = await actionRequest;
  const anonymous = await browser.newContext();
  const headers = { ...saved.headers() };
  delete headers.cookie;
  const replay = await anonymous.request.post(saved.url(), { headers, data: saved.postDataBuffer() ?? undefined });
  expect(replay.status()).toBe(401);
  expect((await replay.json()).error.code).toBe("not_signed_in");
  // And from another site, even with the cookie, it is refused.
  const crossSite = await page.request.post(saved.url(), { headers: { ...saved.headers(), origin: "https://evil.example" }, data: saved.postDataBuffer() ?? undefined });
  expect(crossSite.status()).toBe(403);
  expect((await (await page.request.get("/api/health")).json()).facts).toBe(after.facts);
  await anonymous.close();

  // Saving the same text again is refused.
  await page.goto("/ingest");
  await page.getByLabel("Article text").fill(h20Section);
  await page.getByRole("button", { name: "Extract facts" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "already in Chipwatch" })).toBeVisible();
});

test("anonymous visitors are sent to sign in, and the review queue is for editors too", async ({ page }) => {
  for (const path of ["/ingest", "/review"]) {
    await page.goto(path);
    await expect(page).toHaveURL(new RegExp(`/sign-in\\?next=${path}`));
  }
});

test("fetching a URL on the server's own network is refused, naming the URL and the reason", async ({ page, baseURL }) => {
  await signIn(page);
  const target = `${baseURL!.replace("localhost", "127.0.0.1")}/api/health`;
  await page.getByLabel("Article text").fill("A note the editor typed first.");
  await page.getByLabel("URL").fill(target);
  await page.getByRole("button", { name: "Fetch the URL and extract" }).click();
  await expect(page.locator("#url-error")).toContainText(`Could not fetch ${target}: 127.0.0.1 is a loopback address`);
  await expect(page.getByLabel("Article text")).toHaveValue("A note the editor typed first.");
});

test("another outlet's report of a known event is matched to it and filed under it, then reviewed from the keyboard", async ({ page }) => {
  await signIn(page);
  const report =
    "Cadence to pay $140 million over NUDT sales\n\nCadence Design Systems will pay more than $140 million to settle U.S. charges that it sold chip design software to a Chinese military university, NUDT, the Justice Department said. Shares of Cadence fell 1% in early trading.";
  await page.getByLabel("Article text").fill(report);
  await page.getByLabel("Outlet").fill("Keyboard Review Test");
  await page.getByLabel("Published").fill("2025-07-30");
  await page.getByRole("button", { name: "Extract facts" }).click();
  const suggestion = page.getByTestId("event-suggestions");
  await expect(suggestion).toContainText("Cadence agrees to plead guilty");
  await expect(suggestion).toContainText(/same type \(penalty\), Cadence Design Systems.*days? apart, shares \$140M/);
  await suggestion.getByRole("button", { name: "File the facts under this event" }).first().click();
  await expect(page.getByTestId("candidate").first().getByLabel("Event")).not.toHaveValue(/^new:/);
  await page.getByRole("button", { name: "Save for the review queue" }).click();
  await expect(page.getByRole("status").filter({ hasText: /waiting in the review queue/ })).toBeVisible();

  // The queue, filtered to this outlet, from the keyboard: accept the first, reject the next, undo.
  await page.goto("/review?outlet=Keyboard%20Review%20Test");
  const items = page.getByTestId("pending-fact");
  const before = await items.count();
  expect(before).toBeGreaterThanOrEqual(2);
  await expect(items.first()).toBeFocused();
  await expect(page.getByTestId("pending-context").first().locator("mark")).not.toBeEmpty();
  await page.keyboard.press("a");
  await expect(page.getByRole("status")).toContainText("Accepted.");
  await expect(items).toHaveCount(before - 1);
  await page.keyboard.press("j");
  await page.keyboard.press("r");
  await expect(page.getByRole("status")).toContainText("Rejected.");
  await expect(items).toHaveCount(before - 2);
  await page.keyboard.press("u");
  await expect(page.getByRole("status")).toContainText("Undone");
  await expect(items).toHaveCount(before - 1);
});
