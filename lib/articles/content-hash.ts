// The identity of an article's text: the same article pasted again, re-typed quotes or extra
// blank lines included, hashes the same, and a unique index on the hash refuses the duplicate.
import { createHash } from "node:crypto";

export function normaliseArticleText(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

export function articleContentHash(text: string): string {
  return createHash("sha256").update(normaliseArticleText(text)).digest("hex");
}
