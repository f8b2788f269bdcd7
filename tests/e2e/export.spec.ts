// Exports as a user gets them: files that open, at the chosen size, with their provenance in them.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function download(page: Page, frame: string, button: string) {
  const chart = page.getByTestId(frame);
  await chart.getByText("Export", { exact: true }).click();
  const [file] = await Promise.all([page.waitForEvent("download"), chart.getByRole("button", { name: button }).click()]);
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

/** Decodes a PNG in the page and counts pixels that are not background. */
async function inkedPixels(page: Page, png: Buffer) {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext("2d")!;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200) inked++;
    return inked;
  }, png.toString("base64"));
}

test.use({ acceptDownloads: true });

test("Download PNG from /?company=nvidia gives a 2× PNG that is not blank, named for what it is", async ({ page }) => {
  await page.goto("/?company=nvidia");
  const { name, bytes } = await download(page, "timeline-chart", "Download PNG");
  expect(name).toMatch(/^chipwatch-timeline-nvidia-\d{4}-\d{2}-\d{2}\.png$/);
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(bytes.readUInt32BE(16)).toBe(2400);
  expect(await inkedPixels(page, bytes)).toBeGreaterThan(20_000);
});

test("the PNG scale choice sets the pixel size", async ({ page }) => {
  await page.goto("/?company=nvidia");
  await page.getByTestId("timeline-chart").getByText("Export", { exact: true }).click();
  await page.getByTestId("timeline-chart").getByLabel("PNG scale").selectOption("4");
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId("timeline-chart").getByRole("button", { name: "Download PNG" }).click()]);
  const bytes = await readFile((await file.path())!);
  expect(bytes.readUInt32BE(16)).toBe(4800);
});

test("Download SVG parses and carries the title, the filter subtitle and the sources footer as text", async ({ page }) => {
  await page.goto("/?company=nvidia");
  const { bytes } = await download(page, "timeline-chart", "Download SVG");
  const texts = await page.evaluate((svg) => {
    const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
    if (doc.querySelector("parsererror")) return null;
    return [...doc.querySelectorAll("text")].map((node) => node.textContent ?? "");
  }, bytes.toString("utf8"));
  expect(texts).not.toBeNull();
  expect(texts!.some((t) => /^Timeline of \d+ US–China AI-chip events$/.test(t))).toBe(true);
  expect(texts).toContain("Nvidia");
  expect(texts!.some((t) => t.startsWith("Sources: "))).toBe(true);
  expect(texts!.some((t) => /facts? shown · Data as of .* · http:\/\/localhost:\d+\/\?company=nvidia/.test(t))).toBe(true);
});

test("Download CSV has exactly the rows of the table view", async ({ page }) => {
  await page.goto("/?company=huawei");
  const { name, bytes } = await download(page, "timeline-chart", "Download CSV");
  expect(name).toMatch(/\.csv$/);
  const [header, ...lines] = parseCsv(bytes.toString("utf8"));
  expect(header).toEqual([
    "date",
    "date_precision",
    "date_label",
    "type",
    "event",
    "key_figure",
    "metric",
    "value",
    "value_max",
    "unit",
    "bound",
    "value_usd",
    "source",
    "source_kind",
    "source_url",
    "quote",
    "event_id",
    "fact_id",
    "article_id",
    "event_url",
  ]);
  const column = (name: string) => header!.indexOf(name);
  await page.getByTestId("timeline-chart").getByRole("button", { name: "table" }).click();
  const tableRows = await page
    .getByTestId("timeline-chart")
    .getByTestId("chart-table")
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll("td")].map((cell) => cell.textContent ?? "")));
  const shown = ["date_label", "type", "event", "key_figure", "source"].map(column);
  expect(lines.map((line) => shown.map((i) => line[i]))).toEqual(tableRows);
  // Sortable in a spreadsheet: ISO dates, with the precision they were reported at.
  expect(lines.every((line) => /^\d{4}-\d{2}-\d{2}$/.test(line[column("date")]!))).toBe(true);
  expect(lines.every((line) => ["day", "month", "quarter", "half", "year"].includes(line[column("date_precision")]!))).toBe(true);
  expect(lines.map((line) => line[column("date")])).toEqual(lines.map((line) => line[column("date")]).sort());
  // Numbers as numbers: a key figure's value parses, in the unit the source used.
  const withFigure = lines.filter((line) => line[column("value")] !== "");
  expect(withFigure.length).toBeGreaterThan(0);
  expect(withFigure.every((line) => Number.isFinite(Number(line[column("value")])) && line[column("unit")] !== "")).toBe(true);
  expect(lines.every((line) => Number.isInteger(Number(line[column("event_id")])))).toBe(true);
  expect(lines.every((line) => ["primary", "news", "trade", "analysis", "other"].includes(line[column("source_kind")]!))).toBe(true);
  expect(lines.every((line) => /^https?:\/\//.test(line[column("source_url")]!))).toBe(true);
});

test("Download JSON and the totals chart's CSV carry source URLs and quotes", async ({ page }) => {
  await page.goto("/");
  const json = JSON.parse((await download(page, "timeline-chart", "Download JSON")).bytes.toString("utf8"));
  expect(json.chart).toBe("timeline");
  expect(json.rows.length).toBeGreaterThan(40);
  const penalties = parseCsv((await download(page, "totals-penalties", "Download CSV")).bytes.toString("utf8"));
  expect(penalties[0]).toEqual([
    "company",
    "total",
    "low",
    "high",
    "event_figures",
    "unit",
    "converted_from",
    "figures_without_rate",
    "amounts",
    "source_urls",
    "source_kinds",
    "quotes",
  ]);
  const cadence = penalties.find((row) => row[0] === "Cadence Design Systems")!;
  expect(cadence[5]).toBe("USD");
  expect(cadence[8]).toContain("≥ $140M");
  expect(cadence[10]).toContain("news");
  expect(cadence[11]).toContain("140 million");
});

test("Copy image link copies the server image URL of the same view", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/?company=nvidia");
  await page.getByTestId("timeline-chart").getByText("Export", { exact: true }).click();
  await page.getByTestId("timeline-chart").getByRole("button", { name: "Copy image link" }).click();
  await expect(page.getByTestId("timeline-chart").getByRole("status")).toContainText("Copy image link: done");
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\/api\/charts\/timeline\.png\?company=nvidia&scale=2$/);
  const response = await page.request.get(link);
  expect(response.headers()["content-type"]).toBe("image/png");
});

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(cell);
      cell = "";
    } else if (char === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else if (char !== "\r") cell += char;
  }
  return rows;
}
