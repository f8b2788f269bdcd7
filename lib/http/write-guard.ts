// What a write (POST and friends) may send before Next.js parses it: a declared length (a chunked
// upload cannot be bounded before it is read), at most 5 MB, JSON-like nesting at most 256 deep
// (React's action decoder recurses: a million brackets overflowed its stack), and a server
// action that belongs to the page it is posted to (another page's action id posted to /sign-in
// skipped the editor check in front of it). Pure, so tests/attacks can hold it to each case.

// Articles are at most 400,000 characters; uploads at most 4 MB (see lib/articles/schema.ts).
export const MAX_BODY_BYTES = 5 * 1024 * 1024;
export const MAX_NESTING = 256;

export type WriteProblem = { status: 400 | 411 | 413; code: string; message: string };

export function checkWrite(request: {
  length: number | null;
  chunked: boolean;
  body?: Uint8Array;
  action?: string | null;
  /** The action ids the posted-to page hosts; null when unknown (development). */
  pageActions?: Set<string> | null;
}): WriteProblem | null {
  // A chunked upload cannot be bounded before it is read; no length and no chunks is no body.
  if (request.chunked && (request.length === null || Number.isNaN(request.length))) {
    return { status: 411, code: "length_required", message: "Send a Content-Length with request bodies." };
  }
  if (request.length === null || Number.isNaN(request.length)) return null;
  if (request.length > MAX_BODY_BYTES) return { status: 413, code: "body_too_large", message: `Requests are limited to ${MAX_BODY_BYTES / 1024 / 1024} MB.` };
  // The action is named in a header (posted by script) or in the form's fields (posted without
  // JavaScript, React's progressive enhancement); either way it must be this page's.
  const actions = [...(request.action ? [request.action] : []), ...(request.body ? formActionIds(request.body) : [])];
  if (request.pageActions && actions.some((action) => !request.pageActions!.has(action))) {
    return { status: 400, code: "unknown_action", message: "That action does not belong to this page." };
  }
  if (request.body && nestingDepth(request.body) > MAX_NESTING) {
    return { status: 400, code: "too_deeply_nested", message: `Request bodies may nest at most ${MAX_NESTING} levels deep.` };
  }
  return null;
}

/** The deepest run of unclosed [ and { in the bytes (brackets inside text count too: harmless). */
export function nestingDepth(body: Uint8Array): number {
  let depth = 0;
  let deepest = 0;
  for (const byte of body) {
    if (byte === 0x5b || byte === 0x7b) deepest = Math.max(deepest, ++depth);
    else if ((byte === 0x5d || byte === 0x7d) && depth > 0) depth--;
  }
  return deepest;
}

/**
 * Action ids a form names in its fields: `$ACTION_ID_<id>` for a plain action, or a
 * `$ACTION_<n>:0` field holding `{"id":"<id>",…}` for one with bound arguments.
 */
export function formActionIds(body: Uint8Array): string[] {
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("latin1");
  if (!text.includes("$ACTION_")) return [];
  const plain = [...text.matchAll(/\$ACTION_ID_([0-9a-f]+)/g)].map((match) => match[1]!);
  const bound = [...text.matchAll(/name="\$ACTION_\d+:0"\r?\n\r?\n\{"id":"([0-9a-f]+)"/g)].map((match) => match[1]!);
  return [...plain, ...bound];
}

/**
 * The action ids the page at `pathname` hosts, from the build's pages (route patterns such as
 * /events/[id]) and their actions: an exact route first, else the dynamic route it matches.
 */
export function pageActionsFor(pages: Map<string, Set<string>>, pathname: string): Set<string> {
  const exact = pages.get(pathname);
  if (exact) return exact;
  for (const [pattern, actions] of pages) {
    if (!pattern.includes("[")) continue;
    const source = pattern
      .split("/")
      .filter((segment) => !/^\(.+\)$/.test(segment)) // route groups are not in the URL
      .map((segment) =>
        /^\[\[\.\.\..+\]\]$/.test(segment)
          ? "(?:/.*)?"
          : /^\[\.\.\..+\]$/.test(segment)
            ? "/.+"
            : /^\[.+\]$/.test(segment)
              ? "/[^/]+"
              : segment
                ? `/${segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`
                : "",
      )
      .join("");
    if (new RegExp(`^${source}/?$`).test(pathname)) return actions;
  }
  return new Set();
}
