// npm start's HTTP server: Next.js behind a thin Node layer that sees what proxy.ts cannot — the
// TCP peer and the raw request body. Per request it settles the client address under the trust
// model of lib/http/client-address.ts and drops forwarded headers no trusted proxy vouched for;
// it bounds what a write may send before Next.js parses it (a length, a size, a nesting depth, an
// action that belongs to the page posted to); and it puts the security headers on every
// response, static files included (proxy.ts adds each page's own CSP).
import { readFileSync } from "node:fs";
import { createServer, IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { CLIENT_ADDRESS_HEADER, clientAddressOf, trustedProxyHops } from "@/lib/http/client-address";
import { checkWrite, MAX_BODY_BYTES, pageActionsFor } from "@/lib/http/write-guard";
import { errorMessage, logger } from "@/lib/log";

const port = Number(process.env.PORT ?? 3000);
const dev = process.argv.includes("--dev");
const app = next({ dev, port, hostname: "localhost" });
const handle = app.getRequestHandler();
const hops = trustedProxyHops();
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const DRAIN_LIMIT = 64 * 1024 * 1024;

await app.prepare();
const actionsByPage = dev ? null : readActionManifest();

createServer((request, response) => {
  const address = clientAddressOf(request.socket.remoteAddress, request.headers["x-forwarded-for"], hops);
  request.headers[CLIENT_ADDRESS_HEADER] = address;
  if (hops === 0) {
    // Nobody we trust stands in front: these describe the client's wishes, not the connection.
    for (const name of ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip"]) delete request.headers[name];
  }
  request.headers["x-forwarded-for"] = address;
  response.setHeader("X-Content-Type-Options", "nosniff");
  response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  // Defaults for what no route answers for itself (proxy.ts sets the full policy on pages); an
  // embed (/embed/<chart>) is the one thing another site may frame.
  const embed = (request.url ?? "").startsWith("/embed/");
  if (!embed) response.setHeader("X-Frame-Options", "DENY");
  response.setHeader("Content-Security-Policy", `default-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors ${embed ? "*" : "'none'"}`);
  if (SAFE_METHODS.has(request.method ?? "GET")) {
    void handle(request, response);
    return;
  }
  void guardedWrite(request, response);
}).listen(port, () => console.log(`[chipwatch] serving on http://localhost:${port}${hops ? ` (trusting ${hops} proxy hop${hops === 1 ? "" : "s"})` : ""}`));

/** Reads a write's body (bounded), checks it, and hands Next.js a request that replays it. */
async function guardedWrite(request: IncomingMessage, response: ServerResponse) {
  const declared = request.headers["content-length"];
  const early = checkWrite({ length: declared === undefined ? null : Number(declared), chunked: /chunked/i.test(request.headers["transfer-encoding"] ?? "") });
  if (early) return refuse(response, early, request);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return refuse(response, { status: 413, code: "body_too_large", message: `Requests are limited to ${MAX_BODY_BYTES / 1024 / 1024} MB.` }, request);
    chunks.push(chunk);
  }
  const body = Buffer.concat(chunks);
  const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
  const action = request.headers["next-action"];
  const problem = checkWrite({
    length: body.length,
    chunked: false,
    body,
    action: typeof action === "string" ? action : null,
    pageActions: actionsByPage ? pageActionsFor(actionsByPage, pathname) : null,
  });
  if (problem) return refuse(response, problem, request);
  const replay = new IncomingMessage(request.socket);
  // `complete`: the whole body is here; an incomplete message would abort (and close the socket) once read.
  Object.assign(replay, {
    complete: true,
    method: request.method,
    url: request.url,
    headers: request.headers,
    rawHeaders: request.rawHeaders,
    httpVersion: request.httpVersion,
    httpVersionMajor: request.httpVersionMajor,
    httpVersionMinor: request.httpVersionMinor,
  });
  replay.push(body);
  replay.push(null);
  handle(replay, response).catch((error: unknown) => logger.error({ component: "serve" }, `replay failed: ${errorMessage(error)}`));
}

/**
 * Answers at once, then reads and discards what the client still sends (never keeping it), so the
 * client reads the answer instead of a reset and the connection stays usable; a client that goes
 * on past DRAIN_LIMIT is cut off.
 */
function refuse(response: ServerResponse, problem: { status: number; code: string; message: string }, request: IncomingMessage) {
  let drained = 0;
  request.on("data", (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > DRAIN_LIMIT) request.destroy();
  });
  request.resume();
  response.writeHead(problem.status, { "Content-Type": "application/json; charset=utf-8" });
  response.end(JSON.stringify({ error: { code: problem.code, message: problem.message } }));
}

/** Which server actions each page hosts ("/sign-in" → its action ids), from the build. */
function readActionManifest(): Map<string, Set<string>> {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { workers: Record<string, unknown> }> };
  const pages = new Map<string, Set<string>>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    for (const worker of Object.keys(entry.workers)) {
      const pathname = worker.replace(/^app/, "").replace(/\/page$/, "") || "/";
      pages.set(pathname, (pages.get(pathname) ?? new Set()).add(id));
    }
  }
  return pages;
}
