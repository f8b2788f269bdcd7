// Reduces an uploaded HTML page to its article text with a real HTML parser (htmlparser2, a
// streaming tokenizer: one pass, no backtracking, whatever the markup — unclosed tags and
// comments included): scripts, styles, navigation and chrome go; block elements become line
// breaks; entities are decoded as browsers decode them (an out-of-range &#x110000; becomes
// U+FFFD). A page with more tags than any article has, or that takes longer than a second, is
// refused with a message instead of holding the server. Pure.
import { Parser } from "htmlparser2";

const CHROME = new Set(["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "svg", "iframe", "template", "head"]);
const BLOCKS = new Set([
  "p",
  "div",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "li",
  "ul",
  "ol",
  "br",
  "tr",
  "section",
  "blockquote",
  "figure",
  "figcaption",
  "table",
  "article",
  "main",
  "pre",
  "hr",
]);

/** Real article pages have a few thousand tags; far more is markup, not an article. */
export const MAX_HTML_TAGS = 50_000;
export const HTML_TIME_BUDGET_MS = 1_000;

export class HtmlTooComplexError extends Error {}

export function htmlToText(html: string, now: () => number = Date.now): string {
  const tags = html.match(/</g)?.length ?? 0;
  if (tags > MAX_HTML_TAGS)
    throw new HtmlTooComplexError(
      `The page has ${tags.toLocaleString("en-US")} tags; Chipwatch reads pages of up to ${MAX_HTML_TAGS.toLocaleString("en-US")}. Paste its text instead.`,
    );
  const started = now();
  const all: string[] = [];
  const inArticle: string[] = [];
  let chrome = 0; // depth inside elements whose text is not the article's
  let article = 0; // depth inside <article>
  let tokens = 0;
  const emit = (text: string) => {
    if (chrome > 0) return;
    all.push(text);
    if (article > 0) inArticle.push(text);
  };
  const tick = () => {
    if (++tokens % 1_000 === 0 && now() - started > HTML_TIME_BUDGET_MS)
      throw new HtmlTooComplexError(`The page took more than ${HTML_TIME_BUDGET_MS / 1000} s to read. Paste its text instead.`);
  };
  const parser = new Parser(
    {
      onopentagname(name) {
        tick();
        if (CHROME.has(name)) chrome++;
        if (name === "article") article++;
        if (BLOCKS.has(name)) emit("\n");
      },
      onclosetag(name) {
        tick();
        if (BLOCKS.has(name)) emit("\n");
        if (CHROME.has(name)) chrome = Math.max(0, chrome - 1);
        if (name === "article") article = Math.max(0, article - 1);
      },
      ontext(text) {
        tick();
        emit(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return tidy((inArticle.join("").trim() ? inArticle : all).join(""));
}

function tidy(text: string): string {
  return text
    .replace(/[ \t\f\v\u00a0]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
