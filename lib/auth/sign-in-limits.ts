// Failed sign-ins, counted in PostgreSQL so every instance shares them: per client address, per
// account and per recognised device. A few failures are free; then each further one doubles the
// wait (30 s, 1 min, 2 min … at most 15 minutes); an hour without failures forgets them.
// Who is counted where (app/sign-in/actions.ts): a device that once signed in successfully is
// judged by its own failures alone, so nobody guessing from elsewhere can lock the editor out;
// any other client by its address and by the account, so rotating addresses does not help.
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

const FREE_FAILURES = { address: 5, account: 20, device: 5 } as const;
const FIRST_WAIT_SECONDS = 30;
const MAX_WAIT_SECONDS = 15 * 60;

export type LimitKey = { kind: keyof typeof FREE_FAILURES; id: string };

export const ACCOUNT_KEY: LimitKey = { kind: "account", id: "editor" };

/** Seconds until every key may try again (0: now). */
export async function signInWait(keys: LimitKey[], now = new Date()): Promise<number> {
  const rows = await db.signInLimit.findMany({ where: { key: { in: keys.map(keyOf) }, blockedUntil: { gt: now } }, select: { blockedUntil: true } });
  const until = Math.max(0, ...rows.map((row) => row.blockedUntil!.getTime()));
  return until ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

export async function recordSignInFailure(keys: LimitKey[]): Promise<void> {
  for (const key of keys) {
    await db.$executeRaw(Prisma.sql`
      INSERT INTO sign_in_limits (key, failures, updated_at) VALUES (${keyOf(key)}, 1, now())
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN sign_in_limits.updated_at < now() - interval '1 hour' THEN 1 ELSE sign_in_limits.failures + 1 END,
        updated_at = now()`);
    await db.$executeRaw(Prisma.sql`
      UPDATE sign_in_limits
      SET blocked_until = now() + make_interval(secs => least(${MAX_WAIT_SECONDS}, ${FIRST_WAIT_SECONDS} * power(2, failures - ${FREE_FAILURES[key.kind]})))
      WHERE key = ${keyOf(key)} AND failures >= ${FREE_FAILURES[key.kind]}`);
  }
}

export async function clearSignInFailures(keys: LimitKey[]): Promise<void> {
  await db.signInLimit.deleteMany({ where: { key: { in: keys.map(keyOf) } } });
}

function keyOf(key: LimitKey): string {
  return `${key.kind}:${key.id}`;
}
