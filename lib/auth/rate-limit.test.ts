import { describe, expect, it } from "vitest";
import { recordSignInFailure, signInBlocked } from "./rate-limit";

describe("sign-in rate limit", () => {
  it("blocks a client after five failures within a minute, and lets it in again after the window", () => {
    const t = 1_000_000;
    for (let i = 0; i < 5; i++) {
      expect(signInBlocked("10.0.0.1", t).blocked).toBe(false);
      recordSignInFailure("10.0.0.1", t);
    }
    expect(signInBlocked("10.0.0.1", t + 1_000)).toEqual({ blocked: true, retryAfterSeconds: 59 });
    expect(signInBlocked("10.0.0.2", t).blocked).toBe(false);
    expect(signInBlocked("10.0.0.1", t + 61_000).blocked).toBe(false);
  });
});
