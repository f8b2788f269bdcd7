"use server";
// Sign-in and sign-out for editors. The password is compared in constant time; attempts are
// rate-limited per client address; the session is a signed, httpOnly cookie.
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { recordSignInFailure, signInBlocked } from "@/lib/auth/rate-limit";
import { passwordMatches, sessionCookieOptions } from "@/lib/auth/session";
import { createSessionToken, SESSION_COOKIE } from "@/lib/auth/session-token";

export type SignInState = { errors?: { password?: string[] }; message?: string };

const signInSchema = z.object({
  password: z.string().min(1, "Enter the editor password.").max(200, "That is not the editor password."),
  next: z
    .string()
    .regex(/^\/(?!\/)[\w\-/?=&%.]*$/, "invalid return path")
    .catch("/ingest"),
});

export async function signIn(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const list = await headers();
  const client = list.get("x-forwarded-for")?.split(",")[0]?.trim() || list.get("x-real-ip") || "local";
  const limit = signInBlocked(client);
  if (limit.blocked) return { message: `Too many failed attempts. Try again in ${limit.retryAfterSeconds} s.` };
  const parsed = signInSchema.safeParse({ password: formData.get("password"), next: formData.get("next") ?? undefined });
  if (!parsed.success) return { errors: { password: parsed.error.flatten().fieldErrors.password } };
  if (!passwordMatches(parsed.data.password)) {
    recordSignInFailure(client);
    return { errors: { password: ["That is not the editor password."] } };
  }
  (await cookies()).set(SESSION_COOKIE, createSessionToken(), sessionCookieOptions());
  redirect(parsed.data.next);
}

export async function signOut(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
  redirect("/");
}
