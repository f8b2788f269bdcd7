// Signing and checking editor session tokens (HMAC-SHA256). No request APIs here, so the proxy,
// server actions and tests can all use it.
import { createHmac, timingSafeEqual } from "node:crypto";
import { sessionSecret } from "@/lib/auth/secrets";

export const SESSION_COOKIE = "chipwatch_session";
export const SESSION_HOURS = 12;

export function createSessionToken(now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ sub: "editor", exp: now + SESSION_HOURS * 3_600_000 })).toString("base64url");
  return `${payload}.${sign(payload)}`;
}

export function verifySessionToken(token: string | undefined, now = Date.now()): boolean {
  if (!token) return false;
  const [payload, signature] = token.split(".");
  if (!payload || !signature) return false;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
  try {
    const { sub, exp } = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { sub?: string; exp?: number };
    return sub === "editor" && typeof exp === "number" && exp > now;
  } catch {
    return false;
  }
}

function sign(payload: string) {
  return createHmac("sha256", sessionSecret()).update(payload).digest("base64url");
}
