// Rendered chart files kept in memory, keyed by their ETag (data version + request), so a popular
// image URL is rasterised once per data change rather than once per request. Bounded by bytes;
// least recently used entries go first. Per process: instances stay stateless and agree on ETags.
const MAX_BYTES = 64 * 1024 * 1024;
export type RenderedFile = { body: Uint8Array | string; fileName: string };

const entries = new Map<string, RenderedFile>();
let bytes = 0;

const sizeOf = ({ body }: RenderedFile) => (typeof body === "string" ? body.length * 2 : body.byteLength);

export function cachedRender(key: string): RenderedFile | undefined {
  const value = entries.get(key);
  if (value !== undefined) {
    entries.delete(key);
    entries.set(key, value);
  }
  return value;
}

export function storeRender(key: string, value: RenderedFile) {
  const size = sizeOf(value);
  if (size > MAX_BYTES / 8) return;
  entries.set(key, value);
  bytes += size;
  for (const [oldest, old] of entries) {
    if (bytes <= MAX_BYTES) break;
    entries.delete(oldest);
    bytes -= sizeOf(old);
  }
}

const inFlight = new Map<string, Promise<RenderedFile>>();

/**
 * The cached file for a key, or one render shared by every request that asks for it meanwhile:
 * a hundred clients opening the same new image cause one rasterisation, not a hundred.
 */
export function renderOnce(key: string, render: () => Promise<RenderedFile>): Promise<RenderedFile> {
  const cached = cachedRender(key);
  if (cached) return Promise.resolve(cached);
  let pending = inFlight.get(key);
  if (!pending) {
    pending = render()
      .then((file) => {
        storeRender(key, file);
        return file;
      })
      .finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}
