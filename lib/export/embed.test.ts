import { describe, expect, it } from "vitest";
import { chartOfUrl, embedCode, embedPage, embedUrl } from "./embed";
import { CHART_NAMES } from "./spec";

const ORIGIN = "https://chipwatch.example.org";

describe("chartOfUrl", () => {
  it("finds the chart of a pasted view on this site, with the view's filters", () => {
    const of = (address: string) => {
      const found = chartOfUrl(new URL(address), ORIGIN, CHART_NAMES);
      return found && `${found.chart}?${found.query}`;
    };
    expect(of(`${ORIGIN}/?company=nvidia&type=penalty`)).toBe("timeline?company=nvidia&type=penalty");
    expect(of(`${ORIGIN}/companies/huawei?from=2024-01`)).toBe("timeline?from=2024-01&company=huawei");
    expect(of(`${ORIGIN}/compare?entity=a&entity=b`)).toBe("compare?entity=a&entity=b");
    expect(of(`${ORIGIN}/embed/penalties?country=CN`)).toBe("penalties?country=CN");
  });

  it("refuses other sites, look-alike hosts and pages without a chart", () => {
    for (const address of [`https://evil.example/?company=nvidia`, `https://chipwatch.example.org.evil.example/`, `${ORIGIN}/events/3`, `${ORIGIN}/embed/nothing`])
      expect(chartOfUrl(new URL(address), ORIGIN, CHART_NAMES), address).toBeNull();
  });
});

describe("embed code and page", () => {
  it("writes an iframe of the public address that follows the reported height, escaping what it quotes", () => {
    const src = embedUrl(ORIGIN, "timeline", new URLSearchParams([["company", "nvidia"]]));
    const code = embedCode({ src, title: 'Nvidia "events" <2025>', height: 620 });
    expect(code).toContain(`<iframe src="${ORIGIN}/embed/timeline?company=nvidia"`);
    expect(code).toContain('title="Nvidia &quot;events&quot; &lt;2025>"');
    expect(code).toContain(`e.origin!=="${ORIGIN}"`);
    expect(code).toContain('"chipwatch:height"');
  });

  it("puts the chart, a link back and the height script with this request's nonce in the page", () => {
    const html = embedPage({ svg: "<svg viewBox='0 0 10 10'></svg>", title: "Timeline <of> events", viewUrl: `${ORIGIN}/?company=huawei`, nonce: "abc123" });
    expect(html).toContain("<title>Timeline &lt;of&gt; events · Chipwatch</title>");
    expect(html).toContain(`<a href="${ORIGIN}/?company=huawei"`);
    expect(html).toContain('<script nonce="abc123">');
    expect(html).toContain("postMessage");
  });
});
