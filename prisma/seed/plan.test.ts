// The seed plan on the real seed files: offsets, bounds and entity links are right before any
// row is written.
import { describe, expect, it } from "vitest";
import { loadSeedInput } from "./load";
import { EXCERPT_SEPARATOR } from "@/lib/articles/excerpts";
import { planSeed } from "./plan";

const plan = planSeed(await loadSeedInput());
const factsOf = (metric: string, qualifiers: Record<string, string> = {}) =>
  plan.facts.filter((fact) => fact.metric === metric && Object.entries(qualifiers).every(([name, value]) => (fact.qualifiers as Record<string, string>)[name] === value));

describe("planSeed on the shipped seed data", () => {
  it("places every quote at its offsets in its article text", () => {
    const texts = new Map(plan.articles.map((a) => [a.url, a.text]));
    for (const fact of plan.facts) expect(texts.get(fact.articleUrl)!.slice(fact.quoteStart, fact.quoteEnd)).toBe(fact.quote);
  });

  it("takes bounds as the curated files state them, hedge words included", () => {
    const curatedCadence = factsOf("penalty_amount", { component: "total" }).find((f) => f.articleUrl.includes("koreaherald"))!;
    expect(curatedCadence.bound).toBe("at_least");
    expect(factsOf("violations").every((f) => f.bound === "at_least")).toBe(true);
    expect(factsOf("prison_sentence")[0]!.bound).toBe("at_most");
    expect(factsOf("units_produced")[0]!.bound).toBe("approx");
    expect(factsOf("revenue").find((f) => f.status === "estimated")).toMatchObject({ bound: "range", value: "12000000000", valueMax: "15000000000", productLabel: "H20" });
  });

  it("maps the curated keys to concepts with their qualifiers, product, period, market and status", () => {
    expect(factsOf("revenue").find((f) => f.periodLabel === "FY2025")).toMatchObject({ market: "CN", status: "actual" });
    expect(factsOf("compute", { precision: "BF16", sparsity: "dense" }).length).toBeGreaterThan(3);
    expect(factsOf("prison_sentence")[0]!.status).toBe("potential");
    expect(factsOf("units_ordered").map((f) => f.subjectSlug)).toContain("baidu");
    expect(factsOf("production_ordered").every((f) => f.subjectSlug === "nvidia")).toBe(true);
  });

  it("keys penalties on the party that pays, not the authority", () => {
    const penalties = factsOf("penalty_amount").filter((f) => f.status === "actual");
    expect(penalties.find((f) => !("component" in f.qualifiers))).toMatchObject({ subjectSlug: "seagate", objectSlug: "us-commerce-bis" });
    expect(factsOf("penalty_amount", { component: "total" }).every((f) => f.subjectSlug === "cadence")).toBe(true);
  });

  it("keeps one fact per statement when a spec row restates an event fact from the same page", () => {
    const racks = factsOf("rack_count").filter((f) => f.articleUrl.includes("capacitymedia"));
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
