// npm run bench:filters [-- --base http://localhost:3000] — how long a reader waits after changing a
// filter on / until the timeline shows the new view, in Debian's Chromium on the demo data.
// Without --base it starts `npm start` on its own embedded database (.data/bench-filters).
//
// Each sample clicks a filter chip in the page and stops the clock when the new view's timeline is
// drawn with its marks: the soft navigation, the server's render of the new view, React's update
// and the chart's first paint. "First visit" views (each type, each country, each type with a country)
// are asked for once each: no cache on the server can answer them. "Back to all" samples return to
// the unfiltered view, which the server has rendered before (warm).
import { chromium, type Page } from "@playwright/test";
import { parseArgs } from "node:util";
import { startProductionServer } from "./server";
import { summarize } from "./stats";

const { values } = parseArgs({ options: { base: { type: "string" }, port: { type: "string", default: "3197" } } });

// The in-page part is a string: tsx names every function it compiles (esbuild's __name), and the
// page has no __name to call.
const CLICK_AND_WAIT = `async (name) => {
  // The timeline's frame names the view it draws (data-view, its image route): the new view is
  // drawn when that changes with its marks in place; a view without events shows its empty state.
  const chart = () => document.querySelector('[data-testid="timeline-chart"]');
  const before = chart()?.dataset.view ?? null;
  const target = [...document.querySelectorAll("button[aria-pressed]")].find((b) => b.textContent.trim() === name);
  if (!target) throw new Error("no filter chip named " + name);
  const started = performance.now();
  target.click();
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error("the timeline did not change after " + name)), 15000);
    const observer = new MutationObserver(() => {
      const now = chart();
      const empty = !now && [...document.querySelectorAll("main p")].some((p) => (p.textContent || "").startsWith("No events for"));
      if ((now && now.dataset.view !== before && now.querySelector("a[data-event-id]")) || empty) {
        clearTimeout(timeout);
        observer.disconnect();
        resolve(performance.now() - started);
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-view"] });
  });
}`;

async function timedClick(page: Page, button: string): Promise<number> {
  return page.evaluate(`(${CLICK_AND_WAIT})(${JSON.stringify(button)})`) as Promise<number>;
}

const server = values.base ? null : await startProductionServer(Number(values.port), { CHIPWATCH_DATA_DIR: ".data/bench-filters", CHIPWATCH_FEEDS: "off" });
const base = values.base ?? server!.base;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${base}/`);
  await page.getByTestId("timeline-chart").locator("a[data-event-id]").first().waitFor();
  const types = await page.locator('fieldset:has(legend:text("Event type")) button[aria-pressed]').allTextContents();
  const countries = await page.locator('fieldset:has(legend:text("Country")) button[aria-pressed]').allTextContents();
  const first: number[] = [];
  const back: number[] = [];
  const sample = async (chip: string, into: number[]) => {
    into.push(await timedClick(page, chip.trim()));
    // Let the page settle (prefetches, the chart's first paint) before the next click.
    await page.waitForLoadState("networkidle");
  };
  for (const type of types) {
    await sample(type, first); // {type}
    await sample(type, back); // {} again
  }
  for (const country of countries) {
    await sample(country, first); // {country}
    for (const type of types.slice(0, 3)) {
      await sample(type, first); // {country, type}
      await sample(type, back); // {country} again
    }
    await sample(country, back); // {} again
  }
  const row = (label: string, samples: number[]) => {
    const { median, p95 } = summarize(samples);
    return `| ${label} | ${samples.length} | ${median.toFixed(0)} ms | ${samples.length >= 20 ? `${p95.toFixed(0)} ms` : `max ${Math.max(...samples).toFixed(0)} ms`} | ${Math.max(...samples).toFixed(0)} ms |`;
  };
  console.log("Filter chip clicked → the timeline shows the new view (Chromium, 1440 px, demo data)\n");
  console.log("| views | samples | median | p95 | max |");
  console.log("|---|---|---|---|---|");
  console.log(row("first visit of the view (cold on the server)", first));
  console.log(row("back to a view seen before (warm)", back));
  console.log(row("all", [...first, ...back]));
  console.log("\nTarget: p95 ≤ 300 ms (issue 15).");
} finally {
  await browser.close();
  server?.stop();
}
