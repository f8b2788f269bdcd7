import { describe, expect, it } from "vitest";
import { pageKey } from "./page-key";

const key = (address: string) => {
  const url = new URL(address, "http://localhost");
  return pageKey(url.pathname, url.searchParams);
};

describe("pageKey", () => {
  it("keys a page on its own parameters in a stable order", () => {
    expect(key("/?type=penalty&company=nvidia")).toEqual({ key: "/?company=nvidia&type=penalty" });
    expect(key("/?company=nvidia&type=penalty")).toEqual(key("/?type=penalty&company=nvidia"));
    // Repeated values keep their order: the page shows them in that order.
    expect(key("/?company=nvidia&company=huawei")).toEqual({ key: "/?company=nvidia&company=huawei" });
    expect(key("/events?page=2&sort=title&q=h20")).toEqual({ key: "/events?page=2&q=h20&sort=title" });
    expect(key("/compare?entity=a&entity=b&metric=all&baseline=b")).toEqual({ key: "/compare?baseline=b&entity=a&entity=b&metric=all" });
    expect(key("/events/12")).toEqual({ key: "/events/12" });
  });

  it("sends a reader with parameters no page reads to the same address without them", () => {
    expect(key("/?utm_source=newsletter&company=nvidia")).toEqual({ redirect: "/?company=nvidia" });
    expect(key("/?x=1")).toEqual({ redirect: "/" });
    expect(key("/events/12?notice=label-saved")).toEqual({ redirect: "/events/12" });
    expect(key("/compare?company=nvidia")).toEqual({ redirect: "/compare" });
  });

  it("leaves pages it does not cache alone", () => {
    expect(key("/ingest")).toBeNull();
    expect(key("/api/v1/facts?x=1")).toBeNull();
    expect(key("/events/12/more")).toBeNull();
  });
});
