// Matching a new article to the events it reports on (issue 14), on the seeded database: another
// outlet's report of a known event is suggested with its reasons; an unrelated article is not.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { suggestEvents } from "@/lib/events/matching";
import { candidateEventsFor } from "@/lib/events/queries";
import { buildGazetteer, GAZETTEER_FIELDS } from "@/lib/extract/entities";
import { extractFacts } from "@/lib/extract/extract";

async function suggestionsFor(text: string, publishedAt: string) {
  const gazetteer = buildGazetteer(await db.entity.findMany({ select: GAZETTEER_FIELDS }));
  const extraction = extractFacts(text, { gazetteer, published: new Date(`${publishedAt}T00:00:00Z`) });
  const dates = [publishedAt, ...extraction.events.map((event) => event.date), ...extraction.facts.flatMap((fact) => (fact.date ? [fact.date] : []))];
  const candidates = await candidateEventsFor(dates, [...new Set(extraction.entities.map((entity) => entity.name))]);
  return suggestEvents({ publishedAt, ...extraction }, candidates);
}

describe("suggesting the events an article reports on", () => {
  it("another outlet's report of Cadence's plea: same type, the parties, days apart, the same figure", async () => {
    const [best] = await suggestionsFor(
      "Cadence Design Systems will pay more than $140 million to settle U.S. charges that it sold chip design software to a Chinese military university, NUDT, the Justice Department said.",
      "2025-07-30",
    );
    const cadence = await db.event.findUniqueOrThrow({ where: { slug: "cadence-guilty-plea-2025" } });
    expect(best).toMatchObject({ id: cadence.id });
    expect(best!.reason).toMatch(/same type \(penalty\)/);
    expect(best!.reason).toMatch(/Cadence Design Systems/);
    expect(best!.reason).toMatch(/2 days apart/);
    expect(best!.reason).toMatch(/shares \$140M/);
  });

  it("suggests nothing for a story about other parties at another time", async () => {
    expect(await suggestionsFor("Orion Robotics opened a 40,000 square-metre warehouse in Ohio, the company said on Monday.", "2019-03-04")).toEqual([]);
  });
});
