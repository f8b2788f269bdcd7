import { afterEach, describe, expect, it } from "vitest";
import { publicOrigin } from "./origin";

const headers = (values: Record<string, string>) => new Headers(values);
const saved = { url: process.env.CHIPWATCH_PUBLIC_URL, proxy: process.env.CHIPWATCH_TRUST_PROXY };
afterEach(() => {
  for (const [name, value] of [
    ["CHIPWATCH_PUBLIC_URL", saved.url],
    ["CHIPWATCH_TRUST_PROXY", saved.proxy],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe("publicOrigin", () => {
  it("CHIPWATCH_PUBLIC_URL decides, whatever the request says", () => {
    process.env.CHIPWATCH_PUBLIC_URL = "https://chipwatch.example.org/some/path";
    expect(publicOrigin(headers({ host: "127.0.0.1:3000", "x-forwarded-host": "evil.example" }))).toBe("https://chipwatch.example.org");
  });

  it("without it, the Host header; forwarded headers only behind a trusted proxy", () => {
    delete process.env.CHIPWATCH_PUBLIC_URL;
    delete process.env.CHIPWATCH_TRUST_PROXY;
    const spoofed = headers({ host: "chipwatch.example.org", "x-forwarded-host": "evil.example", "x-forwarded-proto": "http" });
    expect(publicOrigin(spoofed)).toBe("https://chipwatch.example.org");
    process.env.CHIPWATCH_TRUST_PROXY = "1";
    expect(publicOrigin(spoofed)).toBe("http://evil.example");
    expect(publicOrigin(headers({ host: "127.0.0.1:3100" }))).toBe("http://127.0.0.1:3100");
  });

  it("a Host header that is not a host name is not printed", () => {
    delete process.env.CHIPWATCH_PUBLIC_URL;
    expect(publicOrigin(headers({ host: "evil.example/<script>" }))).toBe("http://localhost:3000");
  });
});
