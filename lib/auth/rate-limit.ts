// Limits failed sign-in attempts per client address (fixed window). In memory: each server
// instance limits on its own, which still caps guessing at (instances × limit) per window.
const WINDOW_MS = 60_000;
const MAX_FAILURES = 5;
const failures = new Map<string, { count: number; resetAt: number }>();

export function signInBlocked(client: string, now = Date.now()): { blocked: boolean; retryAfterSeconds: number } {
  const entry = failures.get(client);
  if (!entry || entry.resetAt <= now) return { blocked: false, retryAfterSeconds: 0 };
  return { blocked: entry.count >= MAX_FAILURES, retryAfterSeconds: Math.ceil((entry.resetAt - now) / 1000) };
}

export function recordSignInFailure(client: string, now = Date.now()): void {
  const entry = failures.get(client);
  if (!entry || entry.resetAt <= now) failures.set(client, { count: 1, resetAt: now + WINDOW_MS });
  else entry.count += 1;
  if (failures.size > 10_000) for (const [key, value] of failures) if (value.resetAt <= now) failures.delete(key);
}
