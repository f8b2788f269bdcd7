// The same story from many outlets (issue 14): a wire story republished with other headlines and
// boilerplate is stored as further sources of one story; a different story on the same day and
// topic is not; the very same text is still refused.
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { DuplicateArticleError, saveSubmission } from "@/lib/articles/mutations";
import { minhash, SAME_STORY, similarity } from "@/lib/articles/near-duplicate";
import { submissionSchema } from "@/lib/articles/schema";
import { db } from "@/lib/db";
import { readablePage } from "@/lib/intake/page";

const OUTLET = "Stories test";
const original = readablePage(readFileSync("tests/fixtures/intake/wire-story.html", "utf8"), "https://gulfwire.example/tech/nvidia-humain-gb300").text;
const copyB = readFileSync("tests/fixtures/intake/story-copy-b.txt", "utf8");
const copyC = readFileSync("tests/fixtures/intake/story-copy-c.txt", "utf8");
const other = readFileSync("tests/fixtures/intake/other-story.txt", "utf8");

const save = (text: string) =>
  saveSubmission(submissionSchema.parse({ article: { text, url: "", title: "", outlet: OUTLET, publishedAt: "2025-05-13" }, events: [], facts: [], reviewStatus: "pending" }));

afterAll(async () => {
  await db.article.deleteMany({ where: { outlet: OUTLET } });
});

describe("one story, many sources", () => {
  it("tells copies from a different story on the same day and topic", () => {
    const [a, b, c, d] = [original, copyB, copyC, other].map(minhash);
    expect(similarity(a!, b!)).toBeGreaterThanOrEqual(SAME_STORY);
    expect(similarity(a!, c!)).toBeGreaterThanOrEqual(SAME_STORY);
    expect(similarity(a!, d!)).toBeLessThan(SAME_STORY);
  });

  it("stores three copies as one story with three sources, the other story apart, and refuses the same text again", async () => {
    const first = await save(original);
    expect(first.story).toBeNull();
    const second = await save(copyB);
    const third = await save(copyC);
    expect(second.story).toMatchObject({ articleId: first.articleId, storyId: first.articleId });
    expect(third.story?.storyId).toBe(first.articleId);
    const apart = await save(other);
    expect(apart.story).toBeNull();
    const story = await db.article.findUniqueOrThrow({ where: { id: first.articleId }, include: { copies: { select: { id: true } } } });
    expect(story.copies.map((copy) => copy.id).sort()).toEqual([second.articleId, third.articleId].sort());
    await expect(save(`  ${copyC}  `)).rejects.toBeInstanceOf(DuplicateArticleError);
  });
});
