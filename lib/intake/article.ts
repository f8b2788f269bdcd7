// An article from a web address: the page fetched under the intake's limits (fetch.ts), reduced to
// its readable text and metadata (page.ts), as the ingest form and the import CLI take it.
import { fetchPage, type FetchOptions } from "@/lib/intake/fetch";
import { readablePage, type ReadablePage } from "@/lib/intake/page";

export async function fetchArticle(url: string, options: FetchOptions = {}): Promise<ReadablePage> {
  const page = await fetchPage(url, options);
  if (page.contentType === "text/plain") return { text: page.body.trim(), title: null, outlet: new URL(page.url).hostname.replace(/^www\./, ""), publishedAt: null, url: page.url };
  return readablePage(page.body, page.url);
}
