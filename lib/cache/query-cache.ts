// Query results kept in process memory under the data version. Every page and image asks the same
// few questions of data that changes only when an editor saves; answering them once per version
// turns a dashboard request from a dozen queries into one primary-key read. Several server
// instances each keep their own copy, and all of them follow the shared version, so nothing here
// has to be coordinated between them.
//
// lru-cache does the keeping: bounded by an estimate of the results' size in bytes (distinct filter
// combinations are unbounded, the process memory is not), least recently used first out, a TTL as
// a backstop, and one in-flight read shared by every caller that asks meanwhile.
import { LRUCache } from "lru-cache";
import { getDataVersion } from "@/lib/data/version";
import { Prisma } from "@/lib/generated/prisma/client";

const MAX_BYTES = Number(process.env.CHIPWATCH_QUERY_CACHE_MB ?? 64) * 1024 * 1024;

type Read = () => Promise<unknown>;
// Values are boxed: lru-cache keeps no `undefined`, and a read may answer null or undefined.
type Box = { value: unknown };

const entries = new LRUCache<string, Box, Read>({
  maxSize: MAX_BYTES,
  sizeCalculation: (box) => estimateBytes(box.value),
  ttl: 15 * 60_000,
  fetchMethod: async (_key, _stale, { context }) => ({ value: await context() }),
});
let entriesVersion: string | null = null;

/** Cache statistics, for the benchmark harness and tests. */
export const queryCacheStats = { hits: 0, misses: 0 };

/**
 * Wraps a read so that equal arguments under the same data version share one result (and one
 * in-flight query). Arguments are keyed by value; SQL fragments by their text and parameters.
 * Results are shared between requests and must be treated as read-only. A failed read is not
 * kept: the next request asks again.
 */
export function cachedByDataVersion<Args extends unknown[], Result>(name: string, read: (...args: Args) => Promise<Result>): (...args: Args) => Promise<Result> {
  return async (...args: Args) => {
    const { version } = await getDataVersion();
    if (version !== entriesVersion) {
      // A write happened: every cached answer is stale at once.
      entries.clear();
      entriesVersion = version;
    }
    const key = `${name}:${cacheKey(args)}`;
    if (entries.has(key)) queryCacheStats.hits++;
    else queryCacheStats.misses++;
    const box = await entries.fetch(key, { context: () => read(...args) });
    return box!.value as Result;
  };
}

/** A stable text key of arguments: plain values as JSON, SQL fragments as their text and values. */
export function cacheKey(args: unknown[]): string {
  return JSON.stringify(args, (_key, value: unknown) => {
    if (value instanceof Prisma.Sql) return { sql: value.sql, values: value.values };
    if (value instanceof Map) return [...value.entries()];
    if (value instanceof Set) return [...value.values()];
    if (typeof value === "bigint") return value.toString();
    return value;
  });
}

/** About how much memory a result holds: its JSON text at two bytes a character, plus overhead. */
export function estimateBytes(value: unknown): number {
  try {
    return Math.max(64, (cacheKey([value])?.length ?? 0) * 2);
  } catch {
    return 64 * 1024;
  }
}

/** Forgets every cached result (tests that write behind the app's back). */
export function clearQueryCache(): void {
  entries.clear();
  entriesVersion = null;
}
