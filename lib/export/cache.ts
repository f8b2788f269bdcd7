// Rendered chart files kept in memory, keyed by their ETag (data version + request), so a popular
// image URL is rasterised once per data change rather than once per request, and a hundred clients
// opening the same new image cause one rasterisation (lru-cache shares the in-flight render).
// Bounded by bytes, least recently used out first. Per process: instances stay stateless and agree
// on ETags.
import { LRUCache } from "lru-cache";

const MAX_BYTES = 64 * 1024 * 1024;
export type RenderedFile = { body: Uint8Array | string; fileName: string };

const sizeOf = ({ body }: RenderedFile) => (typeof body === "string" ? body.length * 2 : body.byteLength);

const files = new LRUCache<string, RenderedFile, () => Promise<RenderedFile>>({
  maxSize: MAX_BYTES,
  // No single file may take more than an eighth of the space (a 4000 px PNG at scale 4).
  maxEntrySize: MAX_BYTES / 8,
  sizeCalculation: sizeOf,
  ttl: 60 * 60_000,
  fetchMethod: (_key, _stale, { context }) => context(),
});

/** The cached file for a key, or one render shared by every request that asks for it meanwhile. */
export async function renderOnce(key: string, render: () => Promise<RenderedFile>): Promise<RenderedFile> {
  return (await files.fetch(key, { context: render }))!;
}
