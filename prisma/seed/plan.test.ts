// The seed plan on the real seed files: offsets, bounds and entity links are right before any
// row is written.
import { describe, expect, it } from "vitest";
import { loadSeedInput } from "./load";
import { EXCERPT_SEPARATOR } from "@/lib/articles/excerpts";
import { planSeed } from "./plan";

const plan = planSeed(await loadSeedInput());
const factsOf = (metric: string) => plan.facts.filter((fact) => fact.metric === metric);

describe("planSeed on the shipped seed data", () => {
  it("places every quote at its offsets in its article text", () => {
    const texts = new Map(plan.articles.map((a) => [a.url, a.text]));
    for (const fact of plan.facts) expect(texts.get(fact.articleUrl)!.slice(fact.quoteStart, fact.quoteEnd)).toBe(fact.quote);
  });

  it("reads bounds from the hedge words of the evidence, even when the token carries them", () => {
    const curatedCadence = factsOf("total_penalty").find((f) => f.articleUrl.includes("koreaherald"))!;
    expect(curatedCadence.bound).toBe("at_least");
    expect(factsOf("illegal_exports").every((f) => f.bound === "at_least")).toBe(true);
    expect(factsOf("maximum_sentence")[0]!.bound).toBe("at_most");
    expect(factsOf("matching_chips_made")[0]!.bound).toBe("approx");
    expect(factsOf("h20_revenue_2024_estimate")[0]).toMatchObject({ bound: "range", value: "12000000000", valueMax: "15000000000" });
  });

  it("keys penalties on the party that pays, not the authority", () => {
    expect(factsOf("penalty")[0]).toMatchObject({ subjectSlug: "seagate", objectSlug: "us-commerce-bis" });
    expect(factsOf("total_penalty").every((f) => f.subjectSlug === "cadence")).toBe(true);
  });

  it("keeps one fact per statement when a spec row restates an event fact from the same page", () => {
    const racks = factsOf("racks").filter((f) => f.articleUrl.includes("capacitymedia"));
    expect(racks).toHaveLength(1);
    expect(racks[0]!.eventSlug).toBe("cloudmatrix-384-waic-2025");
  });

  it("stores curated sources as excerpts, never as whole articles", () => {
    const excerpts = plan.articles.filter((a) => a.textScope === "excerpts");
    expect(excerpts.length).toBe(plan.articles.length - 1);
    expect(excerpts.find((a) => a.url.includes("capacitymedia"))!.text.split(EXCERPT_SEPARATOR).length).toBeGreaterThan(3);
  });

  it("gives events their entities with roles: authority for agencies, product for chips", () => {
    const cadence = plan.events.find((e) => e.slug === "cadence-guilty-plea-2025")!;
    expect(cadence.entities).toEqual(
      expect.arrayContaining([
        { slug: "cadence", role: "subject" },
        { slug: "us-doj", role: "authority" },
        { slug: "nudt", role: "counterparty" },
      ]),
    );
    const order = plan.events.find((e) => e.slug === "nvidia-tsmc-h20-order-2025")!;
    expect(order.entities).toContainEqual({ slug: "nvidia-h20", role: "product" });
  });
});
