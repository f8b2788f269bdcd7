// What kind of source an article is, so an analyst can weigh it (ACLED keeps a "source scale" for
// the same reason): a primary document, a news organisation, the trade press, a law-firm or analyst
// note, or something else (a blog, an aggregator, a content farm). The one place that decides it:
// a short list of outlets and domains, then the public-sector top-level domains. An outlet that is
// not listed is "other" until an editor says otherwise on its article page (an editor's choice is
// kept on the article and never re-derived). Pure: no I/O.
import type { SourceKind } from "@/lib/generated/prisma/enums";

export const SOURCE_KINDS = ["primary", "news", "trade", "analysis", "other"] as const satisfies readonly SourceKind[];

export const SOURCE_KIND_LABELS: Record<SourceKind, { short: string; long: string }> = {
  primary: { short: "primary", long: "Primary document (government, court, regulator, company filing or release)" },
  news: { short: "news", long: "News organisation" },
  trade: { short: "trade press", long: "Trade press" },
  analysis: { short: "law firm / analyst", long: "Law-firm or analyst note" },
  other: { short: "other", long: "Other (blog, aggregator, unknown site)" },
};

type Listed = { kind: SourceKind; name?: string };

/**
 * Domains (a listed domain covers its subdomains) with their kind and, where the domain does not
 * say it, the outlet's name. Wire copy republished by another site counts as that site's kind.
 */
const DOMAINS: Record<string, Listed> = {
  // Primary: government, courts, regulators, and companies' own releases and filings.
  "federalregister.gov": { kind: "primary", name: "Federal Register" },
  "bis.gov": { kind: "primary", name: "BIS" },
  "bis.doc.gov": { kind: "primary", name: "BIS" },
  "commerce.gov": { kind: "primary", name: "US Commerce Department" },
  "justice.gov": { kind: "primary", name: "US Justice Department" },
  "sec.gov": { kind: "primary", name: "SEC" },
  "mofcom.gov.cn": { kind: "primary", name: "MOFCOM" },
  "samr.gov.cn": { kind: "primary", name: "SAMR" },
  "nvidianews.nvidia.com": { kind: "primary", name: "Nvidia" },
  "investor.nvidia.com": { kind: "primary", name: "Nvidia" },
  "nvidia.com": { kind: "primary", name: "Nvidia" },
  "huawei.com": { kind: "primary", name: "Huawei" },
  "amd.com": { kind: "primary", name: "AMD" },
  "tsmc.com": { kind: "primary", name: "TSMC" },
  "cadence.com": { kind: "primary", name: "Cadence" },
  "seagate.com": { kind: "primary", name: "Seagate" },
  "intel.com": { kind: "primary", name: "Intel" },
  // News organisations (wires, newspapers, broadcasters, and sites that carry their copy).
  "reuters.com": { kind: "news", name: "Reuters" },
  "bloomberg.com": { kind: "news", name: "Bloomberg" },
  "bnnbloomberg.ca": { kind: "news", name: "BNN Bloomberg" },
  "apnews.com": { kind: "news", name: "AP" },
  "ft.com": { kind: "news", name: "Financial Times" },
  "wsj.com": { kind: "news", name: "The Wall Street Journal" },
  "nytimes.com": { kind: "news", name: "The New York Times" },
  "washingtonpost.com": { kind: "news", name: "The Washington Post" },
  "cnbc.com": { kind: "news", name: "CNBC" },
  "cbsnews.com": { kind: "news", name: "CBS News" },
  "nbcsandiego.com": { kind: "news", name: "NBC San Diego" },
  "kesq.com": { kind: "news", name: "KESQ" },
  "aljazeera.com": { kind: "news", name: "Al Jazeera" },
  "asia.nikkei.com": { kind: "news", name: "Nikkei Asia" },
  "scmp.com": { kind: "news", name: "South China Morning Post" },
  "straitstimes.com": { kind: "news", name: "The Straits Times" },
  "koreaherald.com": { kind: "news", name: "The Korea Herald" },
  "japannews.yomiuri.co.jp": { kind: "news", name: "The Japan News (Yomiuri)" },
  "hindustantimes.com": { kind: "news", name: "Hindustan Times" },
  "livemint.com": { kind: "news", name: "Mint" },
  "tribune.com.pk": { kind: "news", name: "The Express Tribune" },
  "brecorder.com": { kind: "news", name: "Business Recorder" },
  "israelhayom.com": { kind: "news", name: "Israel Hayom" },
  "wionews.com": { kind: "news", name: "WION" },
  "globaltimes.cn": { kind: "news", name: "Global Times" },
  "xinhuanet.com": { kind: "news", name: "Xinhua" },
  "chinadaily.com.cn": { kind: "news", name: "China Daily" },
  "caixinglobal.com": { kind: "news", name: "Caixin" },
  "thesun.my": { kind: "news", name: "The Sun (Malaysia)" },
  "taiwannews.com.tw": { kind: "news", name: "Taiwan News" },
  "siliconvalley.com": { kind: "news", name: "The Mercury News" },
  "republicworld.com": { kind: "news", name: "Republic World" },
  "asiafinancial.com": { kind: "news", name: "Asia Financial" },
  "theregister.com": { kind: "news", name: "The Register" },
  "news.yahoo.com": { kind: "news", name: "Yahoo News" },
  "finance.yahoo.com": { kind: "news", name: "Yahoo Finance" },
  "investing.com": { kind: "news", name: "Investing.com" },
  "trading.hk": { kind: "news", name: "trading.hk (Bloomberg)" },
  // Trade press: the chip, hardware, data-centre and trade-law press.
  "trendforce.com": { kind: "trade", name: "TrendForce" },
  "rcrwireless.com": { kind: "trade", name: "RCR Wireless News" },
  "evertiq.com": { kind: "trade", name: "Evertiq" },
  "tomshardware.com": { kind: "trade", name: "Tom's Hardware" },
  "techpowerup.com": { kind: "trade", name: "TechPowerUp" },
  "videocardz.com": { kind: "trade", name: "VideoCardz" },
  "datacenterdynamics.com": { kind: "trade", name: "DatacenterDynamics" },
  "capacitymedia.com": { kind: "trade", name: "Capacity Media" },
  "itpro.com": { kind: "trade", name: "ITPro" },
  "siliconangle.com": { kind: "trade", name: "SiliconANGLE" },
  "techspot.com": { kind: "trade", name: "TechSpot" },
  "tweaktown.com": { kind: "trade", name: "TweakTown" },
  "gizmochina.com": { kind: "trade", name: "Gizmochina" },
  "hpcwire.com": { kind: "trade", name: "HPCwire" },
  "aiwire.net": { kind: "trade", name: "AIwire" },
  "digitimes.com": { kind: "trade", name: "DigiTimes" },
  "eetimes.com": { kind: "trade", name: "EE Times" },
  "semiengineering.com": { kind: "trade", name: "Semiconductor Engineering" },
  "servethehome.com": { kind: "trade", name: "ServeTheHome" },
  "kr-asia.com": { kind: "trade", name: "KrASIA" },
  "mezha.media": { kind: "trade", name: "Mezha" },
  "phoneworld.com.pk": { kind: "trade", name: "PhoneWorld" },
  "tradelawdaily.com": { kind: "trade", name: "Trade Law Daily" },
  "communicationslitigationtoday.com": { kind: "trade", name: "Communications Litigation Today" },
  // Law-firm and analyst notes.
  "jdsupra.com": { kind: "analysis", name: "JD Supra" },
  "bclplaw.com": { kind: "analysis", name: "Bryan Cave Leighton Paisner" },
  "thompsonhinesmartrade.com": { kind: "analysis", name: "Thompson Hine" },
  "strtrade.com": { kind: "analysis", name: "Sandler, Travis & Rosenberg" },
  "cmtradelaw.com": { kind: "analysis", name: "Crowell & Moring" },
  "hklaw.com": { kind: "analysis", name: "Holland & Knight" },
  "hugheshubbard.com": { kind: "analysis", name: "Hughes Hubbard & Reed" },
  "alstontrade.com": { kind: "analysis", name: "Alston & Bird" },
  "bakermckenzie.com": { kind: "analysis", name: "Baker McKenzie" },
  "learnexportcompliance.com": { kind: "analysis", name: "Learn Export Compliance" },
  "deloitte.com": { kind: "analysis", name: "Deloitte" },
  "semianalysis.com": { kind: "analysis", name: "SemiAnalysis" },
};

/** Outlets named by the article rather than its host (a republished copy names its author). */
const OUTLETS: Record<string, Listed> = {
  aiwire: { kind: "trade", name: "AIwire" },
  reuters: { kind: "news", name: "Reuters" },
  bloomberg: { kind: "news", name: "Bloomberg" },
};

// Public-sector top-level domains: government, military and EU institutions.
const PUBLIC_SECTOR = /\.(?:gov|mil|gov\.cn|gov\.uk|gov\.tw|go\.jp|go\.kr|gc\.ca|europa\.eu)$/;

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, "");
  } catch {
    return null;
  }
}

function listedDomain(host: string): Listed | undefined {
  for (let at = host; at.includes("."); at = at.slice(at.indexOf(".") + 1)) {
    const listed = DOMAINS[at];
    if (listed) return listed;
  }
  return undefined;
}

/** The kind (and display name) of a source, from its outlet and address. */
export function classifySource(source: { url: string | null; outlet: string | null }): { kind: SourceKind; name: string | null } {
  const byOutlet = source.outlet ? OUTLETS[source.outlet.trim().toLowerCase()] : undefined;
  if (byOutlet) return { kind: byOutlet.kind, name: byOutlet.name ?? null };
  const host = hostOf(source.url) ?? (source.outlet && /^[a-z0-9.-]+\.[a-z]{2,}$/i.test(source.outlet) ? source.outlet.toLowerCase().replace(/^www\./, "") : null);
  if (!host) return { kind: "other", name: null };
  const listed = listedDomain(host);
  if (listed) return { kind: listed.kind, name: listed.name ?? null };
  if (PUBLIC_SECTOR.test(host)) return { kind: "primary", name: null };
  return { kind: "other", name: null };
}

/** The outlet's name where the list knows it ("The Mercury News" for siliconvalley.com), else as stored. */
export function sourceName(source: { url: string | null; outlet: string | null }): string {
  return classifySource(source).name ?? source.outlet ?? hostOf(source.url) ?? "unknown source";
}

/** "The Mercury News (news)": how a source is named in tooltips. */
export function sourceLabel(source: { url: string | null; outlet: string | null; sourceKind: SourceKind | null }): string {
  return `${sourceName(source)} (${SOURCE_KIND_LABELS[source.sourceKind ?? "other"].short})`;
}
