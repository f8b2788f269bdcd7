// Query results kept in process memory under the data version. Every page and image asks the same
// few questions of data that changes only when an editor saves; answering them once per version
// turns a dashboard request from a dozen queries into one primary-key read. Several server
// instances each keep their own copy, and all of them follow the shared version, so nothing here
// has to be coordinated between them.
import { getDataVersion } from "@/lib/data/version";
import { Prisma } from "@/lib/generated/prisma/client";

// Bounded: distinct filter combinations are unbounded (every company × type × month range), the
// process memory is not.
const MAX_ENTRIES = 2_000;

type Entry = Promise<unknown>;
let entries = new Map<string, Entry>();
let entriesVersion: string | null = null;

/** Cache statistics, for the benchmark harness and tests. */
export const queryCacheStats = { hits: 0, misses: 0 };

/**
 * Wraps a read so that equal arguments under the same data version share one result (and one
 * in-flight query). Arguments are keyed by value; SQL fragments by their text and parameters.
 * Results are shared between requests and must be treated as read-only.
 */
export function cachedByDataVersion<Args extends unknown[], Result>(name: string, read: (...args: Args) => Promise<Result>): (...args: Args) => Promise<Result> {
  return async (...args: Args) => {
    const { version } = await getDataVersion();
    if (version !== entriesVersion) {
      // A write happened: every cached answer is stale at once.
      entries = new Map();
      entriesVersion = version;
    }
    const key = `${name}:${cacheKey(args)}`;
    const cached = entries.get(key);
    if (cached) {
      queryCacheStats.hits++;
      // Refresh its place in the eviction order.
      entries.delete(key);
      entries.set(key, cached);
      return cached as Promise<Result>;
    }
    queryCacheStats.misses++;
    const pending = read(...args);
    const owner = entries;
    owner.set(key, pending);
    if (owner.size > MAX_ENTRIES) owner.delete(owner.keys().next().value!);
    // A failed query is not an answer: the next request asks again.
    pending.catch(() => {
      if (owner.get(key) === pending) owner.delete(key);
    });
    return pending;
  };
}

/** A stable text key of arguments: plain values as JSON, SQL fragments as their text and values. */
export function cacheKey(args: unknown[]): string {
  return JSON.stringify(args, (_key, value: unknown) => {
    if (value instanceof Prisma.Sql) return { sql: value.sql, values: value.values };
    if (value instanceof Map) return [...value.entries()];
    if (value instanceof Set) return [...value.values()];
    return value;
  });
}

/** Forgets every cached result (tests that write behind the app's back). */
export function clearQueryCache(): void {
  entries = new Map();
  entriesVersion = null;
}
