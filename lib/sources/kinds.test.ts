import { describe, expect, it } from "vitest";
import { classifySource, sourceLabel } from "./kinds";

describe("classifySource", () => {
  it("knows the outlets of the demo data and their subdomains", () => {
    expect(classifySource({ url: "https://www.siliconvalley.com/2015/04/09/feds-block", outlet: "siliconvalley.com" })).toEqual({ kind: "news", name: "The Mercury News" });
    expect(classifySource({ url: "https://ca.finance.yahoo.com/news/x", outlet: "ca.finance.yahoo.com" }).kind).toBe("news");
    expect(classifySource({ url: "https://sanctionsnews.bakermckenzie.com/x", outlet: null }).kind).toBe("analysis");
    expect(classifySource({ url: "https://www.trendforce.com/news/x", outlet: "trendforce.com" }).kind).toBe("trade");
  });

  it("takes government and military domains as primary documents", () => {
    expect(classifySource({ url: "https://www.bis.gov/press-release/x", outlet: null })).toEqual({ kind: "primary", name: "BIS" });
    expect(classifySource({ url: "https://www.justice.gov/opa/pr/x", outlet: null }).kind).toBe("primary");
    expect(classifySource({ url: "https://english.mofcom.gov.cn/x", outlet: null }).kind).toBe("primary");
    expect(classifySource({ url: "https://www.meti.go.jp/english/x", outlet: null }).kind).toBe("primary");
  });

  it("does not trust what it does not know, nor a look-alike domain", () => {
    expect(classifySource({ url: "http://galazxynews.blogspot.com/2015/04/x.html", outlet: "galazxynews.blogspot.com" }).kind).toBe("other");
    expect(classifySource({ url: "https://reuters.com.example.net/x", outlet: null }).kind).toBe("other");
    expect(classifySource({ url: "https://notreuters.com/x", outlet: null }).kind).toBe("other");
    expect(classifySource({ url: "https://gov.example.com/x", outlet: null }).kind).toBe("other");
    expect(classifySource({ url: "not a url", outlet: null }).kind).toBe("other");
  });

  it("names a republished article by its author when the outlet says who wrote it", () => {
    expect(classifySource({ url: "https://news.omeganext.com/en/article/x", outlet: "Aiwire" })).toEqual({ kind: "trade", name: "AIwire" });
    expect(sourceLabel({ url: "https://www.koreaherald.com/article/1", outlet: "koreaherald.com", sourceKind: "news" })).toBe("The Korea Herald (news)");
  });
});
