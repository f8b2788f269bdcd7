import { describe, expect, it } from "vitest";
import { articleContentHash } from "./content-hash";

describe("articleContentHash", () => {
  it("is the same for the same article re-pasted with other whitespace, quotes or case", () => {
    const original = "Nvidia’s order:  300,000 H20 chips.\n\nMore “news” — here.";
    const repasted = '  nvidia\'s order: 300,000 H20 chips. More "news" - here.\n';
    expect(articleContentHash(repasted)).toBe(articleContentHash(original));
  });

  it("differs when a number changes", () => {
    expect(articleContentHash("ordered 300,000 chips")).not.toBe(articleContentHash("ordered 300,001 chips"));
  });
});
