// A fetched web page → the article an editor would paste: its readable text (Mozilla's Readability,
// the engine of Firefox's reader view, on linkedom's DOM) and the page's own metadata — title,
// outlet (og:site_name, else the domain), publication date (article:published_time, JSON-LD
// datePublished, <time datetime>) and canonical URL. Pure: no network.
import { Readability } from "@mozilla/readability";
import { DOMParser } from "linkedom";
import { htmlToText } from "@/lib/articles/html";

export type ReadablePage = {
  text: string;
  title: string | null;
  outlet: string | null;
  /** YYYY-MM-DD, when the page states it. */
  publishedAt: string | null;
  /** The page's canonical URL (absolute), else the URL it was fetched from. */
  url: string;
};

/** Readability wants a few hundred characters of prose before it trusts a page's main block. */
const MIN_READABLE_CHARS = 200;

export function readablePage(html: string, fetchedUrl: string): ReadablePage {
  // The streaming reduction first: it refuses a page with more tags than any article, or that takes
  // too long, before a DOM is built for it (HtmlTooComplexError), and is the text if Readability
  // finds no article block.
  const plainText = htmlToText(html);
  const document = new DOMParser().parseFromString(html, "text/html");
  const meta = (selector: string) => document.querySelector(selector)?.getAttribute("content")?.trim() || null;
  const canonical = absoluteWebUrl(document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? meta('meta[property="og:url"]'), fetchedUrl) ?? fetchedUrl;
  const jsonLd = jsonLdArticle(document);
  const title = meta('meta[property="og:title"]') ?? jsonLd.headline ?? (document.querySelector("title")?.textContent?.trim() || null);
  const outlet = meta('meta[property="og:site_name"]') ?? jsonLd.publisher ?? hostOf(canonical);
  const published =
    meta('meta[property="article:published_time"]') ??
    meta('meta[name="article:published_time"]') ??
    jsonLd.datePublished ??
    meta('meta[name="date"]') ??
    meta('meta[name="pubdate"]') ??
    document.querySelector("time[datetime]")?.getAttribute("datetime") ??
    null;

  // Readability changes the document it reads; it gets its own parse.
  const article = new Readability(new DOMParser().parseFromString(html, "text/html") as unknown as Document, { charThreshold: MIN_READABLE_CHARS }).parse();
  const body = article?.content ? htmlToText(article.content) : plainText;
  const heading = title ?? article?.title ?? null;
  // The headline belongs to the article (the extractor reads it; a repeat becomes one fact).
  const text = heading && !body.startsWith(heading) ? `${heading}\n\n${body}` : body;
  return { text: text.trim(), title: heading, outlet, publishedAt: isoDay(published), url: canonical };
}

function jsonLdArticle(document: ReturnType<DOMParser["parseFromString"]>): { headline: string | null; datePublished: string | null; publisher: string | null } {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? "");
    } catch {
      continue; // a broken JSON-LD block is ignored, as browsers and search engines do
    }
    const items = (Array.isArray(data) ? data : [data, ...((data as { "@graph"?: unknown[] })?.["@graph"] ?? [])]) as Record<string, unknown>[];
    const item = items.find((entry) => entry && typeof entry === "object" && (typeof entry.datePublished === "string" || typeof entry.headline === "string"));
    if (item) {
      const publisher = item.publisher as { name?: unknown } | undefined;
      return {
        headline: typeof item.headline === "string" ? item.headline.trim() : null,
        datePublished: typeof item.datePublished === "string" ? item.datePublished : null,
        publisher: typeof publisher?.name === "string" ? publisher.name : null,
      };
    }
  }
  return { headline: null, datePublished: null, publisher: null };
}

function isoDay(value: string | null): string | null {
  if (!value) return null;
  const direct = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim());
  if (direct) return Number.isNaN(Date.parse(`${direct[1]}T00:00:00Z`)) ? null : direct[1]!;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString().slice(0, 10);
}

/** An http(s) address, resolved against the page or feed it appears in; null for anything else. */
export function absoluteWebUrl(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : null;
  } catch {
    return null;
  }
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return null;
  }
}
