// Editor sessions in a signed cookie (HMAC-SHA256), so any server instance can check them without
// shared state. Reading is public; every write calls requireEditor() on the server.
import { createHash, timingSafeEqual } from "node:crypto";
import { cookies } from "next/headers";
import { editorPassword } from "@/lib/auth/secrets";
import { SESSION_COOKIE, SESSION_HOURS, verifySessionToken } from "@/lib/auth/session-token";
import { UserFacingError } from "@/lib/http/errors";

export function passwordMatches(candidate: string): boolean {
  // Hash both sides first: timingSafeEqual needs equal lengths, and hashing hides the length.
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(candidate), digest(editorPassword().value));
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
