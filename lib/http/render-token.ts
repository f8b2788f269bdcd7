// The page cache's own render requests (lib/http/page-cache.ts) carry a secret made at start-up:
// only they may pass the reader's public origin on in X-Forwarded-* without a trusted proxy.
import { randomBytes } from "node:crypto";

export const RENDER_HEADER = "x-chipwatch-render";
// On globalThis: Next bundles proxy.ts and the pages apart, and both must know the same secret.
const holder = globalThis as unknown as { chipwatchRenderToken?: string };
export const RENDER_TOKEN = (holder.chipwatchRenderToken ??= randomBytes(16).toString("hex"));

export function isInternalRender(headers: { get(name: string): string | null }): boolean {
  return headers.get(RENDER_HEADER) === RENDER_TOKEN;
}
