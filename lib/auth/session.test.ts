import { describe, expect, it, vi } from "vitest";

vi.stubEnv("CHIPWATCH_SESSION_SECRET", "test-secret-for-signing-sessions");
vi.stubEnv("CHIPWATCH_EDITOR_PASSWORD", "correct horse battery staple");
const { passwordMatches } = await import("./session");
const { createSessionToken, verifySessionToken } = await import("./session-token");

describe("editor sessions", () => {
  it("accepts its own signed token until it expires, and nothing forged or altered", () => {
    const now = Date.UTC(2026, 0, 1);
    const token = createSessionToken(now);
    expect(verifySessionToken(token, now + 1000)).toBe(true);
    expect(verifySessionToken(token, now + 13 * 3_600_000)).toBe(false);
    const [payload, signature] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ sub: "editor", exp: now + 1e12 })).toString("base64url");
    expect(verifySessionToken(`${forged}.${signature}`, now)).toBe(false);
    expect(verifySessionToken(`${payload}.${signature!.slice(0, -2)}xx`, now)).toBe(false);
    expect(verifySessionToken(undefined, now)).toBe(false);
    expect(verifySessionToken("garbage", now)).toBe(false);
  });

  it("checks the password", () => {
    expect(passwordMatches("correct horse battery staple")).toBe(true);
    expect(passwordMatches("correct horse battery stapl")).toBe(false);
    expect(passwordMatches("")).toBe(false);
  });
});
