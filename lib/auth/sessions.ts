// Editor sessions kept in PostgreSQL: the cookie holds a random id and the table its SHA-256, so
// any instance can check a session, and signing out revokes it everywhere at once (a copied
// cookie stops working). Devices that once signed in carry a signed device cookie, which the
// sign-in limits use to tell the real editor from someone guessing (lib/auth/sign-in-limits.ts).
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { sessionSecret } from "@/lib/auth/secrets";
import { db } from "@/lib/db";

export const SESSION_COOKIE = "chipwatch_session";
export const DEVICE_COOKIE = "chipwatch_device";
export const SESSION_HOURS = 12;
export const DEVICE_DAYS = 180;

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Opens a session for a device; returns the cookie value (never stored as such). */
export async function openSession(device: string, now = new Date()): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await db.editorSession.create({ data: { idHash: digest(id), device, expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000) } });
  // Expired sessions are of no use to anyone; clearing them here keeps the table small.
  await db.editorSession.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 24 * 3_600_000) } } });
  return id;
}

export async function sessionIsValid(cookie: string | undefined, now = new Date()): Promise<boolean> {
  if (!cookie || !TOKEN.test(cookie)) return false;
  const session = await db.editorSession.findUnique({ where: { idHash: digest(cookie) }, select: { expiresAt: true, revokedAt: true } });
  return !!session && !session.revokedAt && session.expiresAt > now;
}

export async function revokeSession(cookie: string | undefined): Promise<void> {
  if (!cookie || !TOKEN.test(cookie)) return;
  await db.editorSession.updateMany({ where: { idHash: digest(cookie), revokedAt: null }, data: { revokedAt: new Date() } });
}

/** "Sign out everywhere": every open session, on every device. */
export async function revokeAllSessions(): Promise<number> {
  return (await db.editorSession.updateMany({ where: { revokedAt: null }, data: { revokedAt: new Date() } })).count;
}

/** A new device token: a random id and its signature. */
export function issueDeviceToken(): string {
  const id = randomBytes(18).toString("base64url");
  return `${id}.${sign(id)}`;
}

/** The device a token names, when we issued it (after a successful sign-in); else null. */
export function recognisedDevice(token: string | undefined): string | null {
  const [id, signature] = (token ?? "").split(".");
  if (!id || !signature || !/^[A-Za-z0-9_-]{24}$/.test(id)) return null;
  const expected = Buffer.from(sign(id));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? digest(id).slice(0, 32) : null;
}

function digest(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

function sign(value: string): string {
  return createHmac("sha256", sessionSecret()).update(`device:${value}`).digest("base64url");
}
