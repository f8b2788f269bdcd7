"use server";
// Ingestion: analyse a pasted or uploaded article (extraction, duplicate check), then save what
// the editor reviewed. Both check the editor session on the server first.
import { DomainError } from "@/lib/errors";
import { errorMessage, requestLogger } from "@/lib/log";
import { z } from "zod";
import { HtmlTooComplexError } from "@/lib/articles/html";
import { DuplicateArticleError, findDuplicateArticle, saveSubmission } from "@/lib/articles/mutations";
import { articleInputSchema, MAX_ARTICLE_CHARS, submissionSchema, type ArticleInput } from "@/lib/articles/schema";
import { editorAction } from "@/lib/auth/editor-action";
import { buildGazetteer, GAZETTEER_FIELDS } from "@/lib/extract/entities";
import { extractFacts, type Extraction } from "@/lib/extract/extract";
import { findStory, type StoryMatch } from "@/lib/articles/stories";
import { db } from "@/lib/db";
import { suggestEvents, type EventSuggestion } from "@/lib/events/matching";
import { candidateEventsFor } from "@/lib/events/queries";
import { prismaQueryable } from "@/lib/database/reference-data";
import { fetchArticle } from "@/lib/intake/article";
import { FetchRefused } from "@/lib/intake/fetch";
import { readablePage } from "@/lib/intake/page";

/** `story`: a stored article this text republishes; its facts then default to that story's event. */
export type Analysis = {
  article: ArticleInput;
  extraction: Extraction;
  duplicate: { id: number; title: string } | null;
  events: { id: number; title: string; date: string }[];
  story: (StoryMatch & { eventIds: number[] }) | null;
  /** Stored events this article may report on, best first, each with why. */
  suggestions: EventSuggestion[];
};
/** `fields`: what the form held (or what a fetched page filled in), shown again after the action. */
export type Fields = { text: string; url: string; title: string; outlet: string; publishedAt: string };
export type AnalyseState = { errors?: Partial<Record<keyof ArticleInput | "file", string[]>>; message?: string; analysis?: Analysis; fields?: Fields };
export type SaveState = { message: string; articleId?: number; ok: boolean };

const SIGN_IN_FIRST = "Sign in as an editor to change data.";

export const analyseArticle = editorAction(
  async function analyseArticle(_previous: AnalyseState, formData: FormData): Promise<AnalyseState> {
    try {
      const field = (name: keyof Fields) => String(formData.get(name) ?? "");
      const fields: Fields = { text: field("text"), url: field("url"), title: field("title"), outlet: field("outlet"), publishedAt: field("publishedAt") };
      let text = fields.text;
      // "Fetch and extract": the page at the URL gives the text and fills the fields left empty.
      if (formData.get("intent") === "fetch") {
        const url = z.url({ protocol: /^https?$/ }).safeParse(fields.url.trim());
        if (!url.success) return { errors: { url: ["Enter a web address starting with http:// or https:// to fetch."] }, fields };
        try {
          const page = await fetchArticle(url.data);
          text = fields.text = page.text;
          fields.url = page.url;
          fields.title ||= page.title ?? "";
          fields.outlet ||= page.outlet ?? "";
          fields.publishedAt ||= page.publishedAt ?? "";
        } catch (error) {
          if (error instanceof FetchRefused) return { errors: { url: [error.message] }, fields };
          throw error;
        }
      }
      const file = formData.get("file");
      if (file instanceof File && file.size > 0) {
        if (file.size > MAX_ARTICLE_CHARS * 4) return { errors: { file: ["That file is too large (4 MB at most)."] } };
        if (!/\.(txt|html?|md)$/i.test(file.name)) return { errors: { file: ["Upload a .txt or .html file."] } };
        const raw = await file.text();
        try {
          text = /\.html?$/i.test(file.name) ? readablePage(raw, fields.url || "https://upload.invalid/").text : raw;
          fields.text = text;
        } catch (error) {
          if (error instanceof HtmlTooComplexError) return { errors: { file: [error.message] }, fields };
          throw error;
        }
      }
      const parsed = articleInputSchema.safeParse({ ...fields, text });
      if (!parsed.success) return { errors: parsed.error.flatten().fieldErrors, fields };
      const article = parsed.data;
      const [entities, duplicate, events, story] = await Promise.all([
        db.entity.findMany({ select: GAZETTEER_FIELDS }),
        findDuplicateArticle(article.text, article.url),
        db.event.findMany({ orderBy: { date: "desc" }, take: 200, select: { id: true, title: true, date: true } }),
        findStory(prismaQueryable(db), article.text),
      ]);
      // The events the story's sources were filed under: a further source joins them.
      const storyEventIds = story
        ? (
            await db.fact.findMany({
              where: { eventId: { not: null }, article: { OR: [{ id: story.storyId }, { storyId: story.storyId }] } },
              distinct: ["eventId"],
              select: { eventId: true },
            })
          ).map((row) => row.eventId!)
        : [];
      const extraction = extractFacts(article.text, { gazetteer: buildGazetteer(entities), published: article.publishedAt ? new Date(`${article.publishedAt}T00:00:00Z`) : null });
      const names = [...new Set(extraction.entities.map((entity) => entity.name))];
      const dates = [article.publishedAt, ...extraction.events.map((event) => event.date), ...extraction.facts.map((fact) => fact.date)].filter((date): date is string => !!date);
      const suggestions = suggestEvents(
        { publishedAt: article.publishedAt, facts: extraction.facts, events: extraction.events, entities: extraction.entities },
        await candidateEventsFor(dates, names),
      );
      // The per-fact event choice offers the suggested events too, not only the latest 200.
      const listed = new Set(events.map((event) => event.id));
      const choices = [
        ...suggestions
          .filter((suggestion) => !listed.has(suggestion.id))
          .map((suggestion) => ({ id: suggestion.id, title: suggestion.title, date: new Date(`${suggestion.date}T00:00:00Z`) })),
        ...events,
      ];
      return {
        analysis: {
          article,
          extraction,
          duplicate: duplicate ? { id: duplicate.id, title: duplicate.title } : null,
          story: story && !duplicate ? { ...story, eventIds: storyEventIds } : null,
          events: choices.map((event) => ({ id: event.id, title: event.title, date: event.date.toISOString().slice(0, 10) })),
          suggestions,
        },
        fields: { ...fields, text: article.text },
      };
    } catch (error) {
      return { message: messageOf(error) };
    }
  },
  () => ({ message: SIGN_IN_FIRST }),
);

export const saveReviewed = editorAction(
  async function saveReviewed(submission: unknown): Promise<SaveState> {
    try {
      const parsed = submissionSchema.safeParse(submission);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        return { ok: false, message: `Not saved: ${issue.path.join(".")}: ${issue.message}` };
      }
      const result = await saveSubmission(parsed.data);
      const waiting = parsed.data.reviewStatus === "pending" ? " waiting in the review queue" : "";
      const story = result.story ? `, as a further source of the story of article ${result.story.storyId}` : "";
      return {
        ok: true,
        articleId: result.articleId,
        message: `Saved article ${result.articleId} with ${result.facts} facts${waiting} and ${result.events} new event(s)${story}.`,
      };
    } catch (error) {
      if (error instanceof DuplicateArticleError) return { ok: false, articleId: error.articleId, message: error.message };
      return { ok: false, message: messageOf(error) };
    }
  },
  () => ({ ok: false, message: SIGN_IN_FIRST }),
);

function messageOf(error: unknown) {
  if (error instanceof DomainError) return error.message;
  const requestId = crypto.randomUUID();
  requestLogger(requestId, { action: "ingest" }).error(errorMessage(error));
  return `Something went wrong on our side (request ${requestId}). Nothing was saved.`;
}
