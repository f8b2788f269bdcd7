// Requests per client and window, in memory, for the routes that cost CPU (chart images and
// exports): each instance limits on its own, which bounds what one client can make one instance
// do. Bounded by lru-cache: 50,000 clients at most, each forgotten when its window ends.
import { LRUCache } from "lru-cache";

export type RateLimit = { requests: number; windowMs: number };

export function createRateLimiter({ requests, windowMs }: RateLimit) {
  const windows = new LRUCache<string, { count: number; resetAt: number }>({ max: 50_000, ttl: windowMs });
  /** Seconds the client must wait (0: go ahead); counts the request when it may go ahead. */
  return function take(client: string, now = Date.now()): number {
    const window = windows.get(client);
    if (!window || window.resetAt <= now) {
      windows.set(client, { count: 1, resetAt: now + windowMs });
      return 0;
    }
    if (window.count >= requests) return Math.ceil((window.resetAt - now) / 1000);
    window.count++;
    return 0;
  };
}
