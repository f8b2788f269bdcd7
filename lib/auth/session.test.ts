import { describe, expect, it, vi } from "vitest";

vi.stubEnv("CHIPWATCH_SESSION_SECRET", "test-secret-for-signing-sessions");
vi.stubEnv("CHIPWATCH_EDITOR_PASSWORD", "correct horse battery staple");
const { passwordMatches } = await import("./session");
const { issueDeviceToken, recognisedDevice } = await import("./sessions");

describe("editor password and devices", () => {
  it("checks the password", () => {
    expect(passwordMatches("correct horse battery staple")).toBe(true);
    expect(passwordMatches("correct horse battery stapl")).toBe(false);
    expect(passwordMatches("")).toBe(false);
  });

  it("recognises the devices it issued, and nothing forged or altered", () => {
    const token = issueDeviceToken();
    const device = recognisedDevice(token);
    expect(device).toMatch(/^[0-9a-f]{32}$/);
    expect(recognisedDevice(token)).toBe(device);
    expect(recognisedDevice(issueDeviceToken())).not.toBe(device);
    const [id, signature] = token.split(".");
    expect(recognisedDevice(`${id}.${signature!.slice(0, -2)}xx`)).toBeNull();
    expect(recognisedDevice(`${"A".repeat(24)}.${signature}`)).toBeNull();
    expect(recognisedDevice(undefined)).toBeNull();
    expect(recognisedDevice("garbage")).toBeNull();
  });
});
