// Requests per client and fixed window for the routes that cost CPU or rows (chart images, the
// data API), counted in PostgreSQL so that every instance behind a load balancer shares one count:
// a client cannot multiply its allowance by the number of instances. One upsert per request on
// the primary (an unlogged table, migration 20261204000000_rate_limits); windows are cut by the
// database's clock, so instances with skewed clocks still agree.
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

export type RateLimit = { name: string; requests: number; windowMs: number };

/** Seconds the client must wait (0: go ahead); every call counts as a request. */
export type TakeRequest = (client: string, at?: Date) => Promise<number>;

/** A limiter of `requests` per `windowMs` per client; `requests` ≤ 0 turns it off. */
export function createRateLimiter({ name, requests, windowMs }: RateLimit): TakeRequest {
  if (requests <= 0) return async () => 0;
  const windowSeconds = windowMs / 1000;
  let lastPurge = 0;
  return async function take(client, at) {
    const [row] = await db.$queryRaw<{ count: number; wait: number }[]>(Prisma.sql`
      WITH clock AS (SELECT coalesce(${at ?? null}::timestamptz, clock_timestamp()) AS now)
      INSERT INTO rate_limits AS limits (key, window_start, count)
      SELECT ${`${name}:${client}`}, to_timestamp(floor(extract(epoch FROM now) / ${windowSeconds}) * ${windowSeconds}), 1 FROM clock
      ON CONFLICT (key) DO UPDATE SET
        count = CASE WHEN limits.window_start = EXCLUDED.window_start THEN limits.count + 1 ELSE 1 END,
        window_start = EXCLUDED.window_start
      RETURNING count, ceil(extract(epoch FROM window_start - (SELECT now FROM clock)) + ${windowSeconds})::int AS wait`);
    // Forget finished windows now and then, so that rotating addresses cannot grow the table.
    if (Date.now() - lastPurge > windowMs) {
      lastPurge = Date.now();
      await db.$executeRaw(Prisma.sql`DELETE FROM rate_limits WHERE window_start < clock_timestamp() - make_interval(secs => ${2 * windowSeconds})`);
    }
    return row!.count > requests ? Math.max(1, row!.wait) : 0;
  };
}
