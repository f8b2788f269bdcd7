import { describe, expect, it } from "vitest";
import { pageActionsFor } from "./write-guard";

describe("pageActionsFor", () => {
  const pages = new Map([
    ["/sign-in", new Set(["a1"])],
    ["/events/[id]", new Set(["e1"])],
    ["/articles/[id]", new Set(["k1"])],
    ["/docs/[...slug]", new Set(["d1"])],
  ]);

  it("finds the actions of a dynamic page by the route it matches, as the build names it", () => {
    expect(pageActionsFor(pages, "/events/16")).toEqual(new Set(["e1"]));
    expect(pageActionsFor(pages, "/articles/12")).toEqual(new Set(["k1"]));
    expect(pageActionsFor(pages, "/docs/a/b")).toEqual(new Set(["d1"]));
    expect(pageActionsFor(pages, "/sign-in")).toEqual(new Set(["a1"]));
  });

  it("gives no actions to an address no page with actions serves", () => {
    expect(pageActionsFor(pages, "/events")).toEqual(new Set());
    expect(pageActionsFor(pages, "/events/16/extra")).toEqual(new Set());
    expect(pageActionsFor(pages, "/eventsX/16")).toEqual(new Set());
  });
});
