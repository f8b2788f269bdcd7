// Who is an editor: the password check, the session cookie's options, and the session check every
// page and action makes (sessions live in the database: lib/auth/sessions.ts). Reading is public;
// every write calls requireEditor() on the server.
import { Unauthorized } from "@/lib/errors";
import { createHash, timingSafeEqual } from "node:crypto";
import { cookies } from "next/headers";
import { editorPassword } from "@/lib/auth/secrets";
import { SESSION_COOKIE, SESSION_HOURS, sessionIsValid } from "@/lib/auth/sessions";

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
  return sessionIsValid((await cookies()).get(SESSION_COOKIE)?.value);
}

/** Every server action and mutating route starts with this. */
export async function requireEditor(): Promise<void> {
  if (!(await isEditor())) throw new Unauthorized("not_signed_in", "Sign in as an editor to change data.");
}

/**
 * The signed-in editor as revisions name them. Chipwatch has one editor account; each sign-in is
 * told apart by its session ("editor · session 3f9a1c2e"), never by the secret cookie itself.
 */
export async function currentEditor(): Promise<string> {
  const cookie = (await cookies()).get(SESSION_COOKIE)?.value;
  return cookie ? `editor · session ${createHash("sha256").update(cookie).digest("hex").slice(0, 8)}` : "editor";
}
