// Corrections on the record and the data API, as an editor and a reader meet them (issues 15, 16):
// an editor pins an event's timeline label with a reason; the event page then says "Corrected on …"
// with the earlier value, the timeline labels the event, an incremental sync from before the change
// returns the event with its revision, and the revisions endpoint names the reason. The export
// menu says how to cite the view. Leaves the label as it found it (automatic).
import { expect, test, type Page } from "@playwright/test";
import { E2E_EDITOR_PASSWORD } from "../../playwright.config";

type EventPage = { data: { id: number; title: string; revision: number; updated_at: string }[]; meta: { next_url: string | null; citation: { short: string; licence: string } } };

async function signIn(page: Page, next: string) {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Editor password").fill(E2E_EDITOR_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[/?]/g, (c) => `\\${c}`)}$`));
}

async function chooseLabel(page: Page, choice: string, reason: string) {
  const form = page.getByRole("form", { name: "Timeline label" });
  await form.getByLabel("Label on the timeline").selectOption(choice);
  await form.getByLabel("Reason").fill(reason);
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved.");
}

test("an editor pins a label with a reason; the page, the timeline, the sync and the revisions all show it", async ({ page, request }) => {
  const listed = (await (await request.get("/api/v1/events?type=investigation&limit=5")).json()) as EventPage;
  expect(listed.meta.citation.licence).toContain("no licence is granted");
  const event = listed.data[0]!;
  const before = new Date(Date.now() - 1000).toISOString();

  await signIn(page, `/events/${event.id}`);
  // From the automatic choice, whatever an earlier run left.
  await chooseLabel(page, "auto", "Start from the automatic choice");
  await chooseLabel(page, "pinned", "Named in the founding article");
  const note = page.getByTestId("correction").last();
  await expect(note).toContainText("timeline label was automatic, now pinned");
  await expect(note).toContainText("“Named in the founding article”");

  // The pinned event is labelled on the overview's timeline at desktop width (on a phone a label
  // is left out where it would cover another mark; lib/charts/timeline.test.ts covers that rule).
  if (test.info().project.name === "desktop") {
    await page.goto("/?type=investigation");
    await expect(page.locator(`[data-label-for="${event.id}"]`)).toBeVisible();
  }

  const synced = (await (await request.get(`/api/v1/events?updated_since=${encodeURIComponent(before)}`)).json()) as EventPage;
  const record = synced.data.find((e) => e.id === event.id);
  expect(record?.revision).toBeGreaterThan(event.revision);
  const revisions = (await (await request.get(`/api/v1/revisions?record_type=event&record_id=${event.id}`)).json()) as {
    data: { reason: string; editor: string; changes: { field: string }[] }[];
  };
  expect(revisions.data.at(-1)).toMatchObject({ reason: "Named in the founding article", changes: [{ field: "label_pin" }] });
  expect(revisions.data.at(-1)!.editor).toMatch(/^editor · session [0-9a-f]{8}$/);

  await page.goto(`/events/${event.id}`);
  await chooseLabel(page, "auto", "Back to the automatic choice");
});

test("the export menu says how to cite the view, without claiming a licence", async ({ page }) => {
  await page.goto("/?company=nvidia");
  const frame = page.getByTestId("timeline-chart");
  await frame.getByText("Export", { exact: true }).click();
  await frame.getByRole("button", { name: "How to cite" }).click();
  const citation = frame.getByTestId("citation");
  await expect(citation).toContainText("Chipwatch, “Timeline of");
  await expect(citation).toContainText("/?company=nvidia");
  await expect(citation).toContainText("no licence is granted for the Chipwatch compilation");
});

test("the data API refuses bad input with a 400 that says why, and describes itself", async ({ request }) => {
  for (const [query, says] of [
    ["limit=5000", "limit"],
    ["cursor=garbage", "cursor"],
    ["updated_since=yesterday", "updated_since"],
    ["company=no-such-company", "no such company"],
    ["colour=red", "colour: not a parameter"],
  ] as const) {
    const response = await request.get(`/api/v1/facts?${query}`);
    expect(response.status(), query).toBe(400);
    expect((await response.json()).error.message, query).toContain(says);
  }
  const document = await (await request.get("/api/v1/openapi.json")).json();
  expect(document.openapi).toBe("3.1.0");
  expect(Object.keys(document.paths)).toEqual(["/api/v1/facts", "/api/v1/events", "/api/v1/revisions"]);
});

test("an editor's correction on a page with an id in its address goes through (the action belongs to /articles/[id])", async ({ page, request }) => {
  const { data } = (await (await request.get("/api/v1/facts?limit=1")).json()) as { data: { source: { article_id: number; kind: string } }[] };
  const { article_id: articleId, kind } = data[0]!.source;
  await signIn(page, `/articles/${articleId}`);
  const form = page.getByRole("form", { name: "Kind of source" });
  await form.getByLabel("Kind of source").selectOption(kind === "analysis" ? "news" : "analysis");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved: this source stays" })).toBeVisible();
  await page.getByRole("form", { name: "Kind of source" }).getByLabel("Kind of source").selectOption(kind);
  await page.getByRole("form", { name: "Kind of source" }).getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved: this source stays" })).toBeVisible();
});
