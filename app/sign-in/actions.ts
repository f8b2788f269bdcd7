"use server";
// Sign-in and sign-out for editors. The password is compared in constant time; failures are
// limited per client address, per account and per recognised device (lib/auth/sign-in-limits.ts);
// the session lives in the database and the cookie holds only its random id.
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction } from "@/lib/auth/editor-action";
import { passwordMatches, sessionCookieOptions } from "@/lib/auth/session";
import { DEVICE_COOKIE, DEVICE_DAYS, issueDeviceToken, openSession, recognisedDevice, revokeAllSessions, revokeSession, SESSION_COOKIE } from "@/lib/auth/sessions";
import { ACCOUNT_KEY, clearSignInFailures, recordSignInFailure, signInWait, type LimitKey } from "@/lib/auth/sign-in-limits";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/client-address";

export type SignInState = { errors?: { password?: string[] }; message?: string };

const signInSchema = z.object({
  password: z.string().min(1, "Enter the editor password.").max(200, "That is not the editor password."),
  next: z
    .string()
    .regex(/^\/(?!\/)[\w\-/?=&%.]*$/, "invalid return path")
    .catch("/ingest"),
});

export const signIn = publicAction("signing in is what makes an editor", async function signIn(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const jar = await cookies();
  const deviceToken = jar.get(DEVICE_COOKIE)?.value;
  const device = recognisedDevice(deviceToken);
  // A device that signed in before answers for itself; anyone else for their address and the account.
  const address = (await headers()).get(CLIENT_ADDRESS_HEADER) ?? "unknown";
  const keys: LimitKey[] = device ? [{ kind: "device", id: device }] : [{ kind: "address", id: address }, ACCOUNT_KEY];
  const wait = await signInWait(keys);
  if (wait > 0) return { message: `Too many failed attempts. Try again in ${wait} s.` };
  const parsed = signInSchema.safeParse({ password: formData.get("password"), next: formData.get("next") ?? undefined });
  if (!parsed.success) return { errors: { password: parsed.error.flatten().fieldErrors.password } };
  if (!passwordMatches(parsed.data.password)) {
    await recordSignInFailure(keys);
    return { errors: { password: ["That is not the editor password."] } };
  }
  await clearSignInFailures(keys.filter((key) => key.kind !== "account"));
  const token = device ? deviceToken! : issueDeviceToken();
  const deviceId = recognisedDevice(token)!;
  jar.set(SESSION_COOKIE, await openSession(deviceId), sessionCookieOptions());
  jar.set(DEVICE_COOKIE, token, { ...sessionCookieOptions(), maxAge: DEVICE_DAYS * 86_400 });
  redirect(parsed.data.next);
});

export const signOut = publicAction("signing out must work for an expired session too", async function signOut(formData: FormData): Promise<void> {
  const jar = await cookies();
  if (formData.get("everywhere") === "1") await revokeAllSessions();
  else await revokeSession(jar.get(SESSION_COOKIE)?.value);
  jar.delete(SESSION_COOKIE);
  redirect("/");
});
