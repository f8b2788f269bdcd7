import { describe, expect, it } from "vitest";
import { splitIntoRuns } from "./highlight";

describe("splitIntoRuns", () => {
  const text = "a unit cost of $8.2 million per 16-rack supernode, more";
  const outer = { id: 1, start: 2, end: text.indexOf(",") };
  const inner = { id: 2, start: text.indexOf("16-rack"), end: text.indexOf(",") };

  it("rebuilds the exact text and marks nested quotes", () => {
    const runs = splitIntoRuns(text, [outer, inner]);
    expect(runs.map((r) => r.text).join("")).toBe(text);
    expect(runs.map((r) => [r.text, r.factIds])).toEqual([
      ["a ", []],
      ["unit cost of $8.2 million per ", [1]],
      ["16-rack supernode", [1, 2]],
      [", more", []],
    ]);
    expect(runs.find((r) => r.startsFacts.includes(2))?.text).toBe("16-rack supernode");
  });

  it("ignores spans outside the text instead of throwing", () => {
    expect(splitIntoRuns("short", [{ id: 1, start: 3, end: 99 }])).toEqual([{ text: "short", start: 0, factIds: [], startsFacts: [] }]);
  });
});
