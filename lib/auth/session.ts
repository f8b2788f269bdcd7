// Editor sessions in a signed cookie (HMAC-SHA256), so any server instance can check them without
// shared state. Reading is public; every write calls requireEditor() on the server.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { cookies } from "next/headers";
import { editorPassword, sessionSecret } from "@/lib/auth/secrets";
import { UserFacingError } from "@/lib/http/errors";

export const SESSION_COOKIE = "chipwatch_session";
const SESSION_HOURS = 12;

export function passwordMatches(candidate: string): boolean {
  // Hash both sides first: timingSafeEqual needs equal lengths, and hashing hides the length.
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(candidate), digest(editorPassword().value));
}

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

export const sessionCookieOptions = () => ({
  httpOnly: true,
  sameSite: "lax" as const,
  secure: process.env.NODE_ENV === "production" && process.env.CHIPWATCH_INSECURE_COOKIES !== "1",
  path: "/",
  maxAge: SESSION_HOURS * 3600,
});

export async function isEditor(): Promise<boolean> {
  return verifySessionToken((await cookies()).get(SESSION_COOKIE)?.value);
}

/** Every server action and mutating route starts with this. */
export async function requireEditor(): Promise<void> {
  if (!(await isEditor())) throw new UserFacingError(401, "not_signed_in", "Sign in as an editor to change data.");
}
