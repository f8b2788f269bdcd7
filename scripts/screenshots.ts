// npm run screenshots [-- --base http://localhost:3000] — the README's pictures, taken from a
// running Chipwatch in Debian's Chromium: the overview comparing Nvidia and Huawei at 1440 px, and
// that view's timeline on a 390 px phone. Writes public/readme/dashboard.png and public/readme/phone.png.
import { chromium } from "@playwright/test";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { base: { type: "string", default: "http://localhost:3000" } } });
const VIEW = "/?company=nvidia&company=huawei&overlay=orders";

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
try {
  for (const shot of [
    { file: "public/readme/dashboard.png", viewport: { width: 1440, height: 1500 }, isMobile: false, timelineOnly: false },
    { file: "public/readme/phone.png", viewport: { width: 390, height: 844 }, isMobile: true, timelineOnly: true },
  ]) {
    const page = await browser.newPage({ viewport: shot.viewport, isMobile: shot.isMobile, deviceScaleFactor: 1, colorScheme: "light" });
    await page.goto(`${values.base}${VIEW}`);
    await page.getByTestId("timeline-chart").locator("a[data-event-id]").first().waitFor();
    await page.waitForLoadState("networkidle");
    if (shot.timelineOnly) await page.getByTestId("timeline-chart").screenshot({ path: shot.file });
    else await page.screenshot({ path: shot.file });
    console.log(`${shot.file}: ${shot.viewport.width} px wide${shot.timelineOnly ? ", the timeline" : ""}`);
    await page.close();
  }
} finally {
  await browser.close();
}
