// Fetching an article page for an editor, safely: http(s) only, at most 5 redirects, 10 seconds,
// 5 MB, text/html or text/plain. Server-side request forgery is refused at the socket: every
// address a host name resolves to — on the first request and on every redirect — is checked
// before connecting (the check runs inside the connection's own DNS lookup, so a name cannot
// resolve to one address for the check and another for the connection). Loopback, private,
// link-local, multicast and reserved addresses are refused unless CHIPWATCH_FETCH_ALLOW_PRIVATE=1
// (private deployments), or CHIPWATCH_FETCH_ALLOW_PRIVATE lists the very host:port pairs allowed
// ("127.0.0.1:3199", for a test's page server: the app's own port stays refused); cloud metadata
// endpoints are refused always.
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import ipaddr from "ipaddr.js";
import { InvalidInput } from "@/lib/errors";

export const FETCH_LIMITS = { redirects: 5, timeoutMs: 10_000, maxBytes: 5 * 1024 * 1024 };

/** Why a URL was not fetched: the message names the URL and the reason, for the editor. */
export class FetchRefused extends InvalidInput {
  constructor(url: string, reason: string) {
    super("fetch_refused", `Could not fetch ${url}: ${reason}.`);
  }
}

export type FetchedPage = { url: string; contentType: "text/html" | "text/plain"; body: string };
type Lookup = typeof dns.lookup;
export type FetchOptions = { allowPrivate?: boolean; lookup?: Lookup; limits?: typeof FETCH_LIMITS };

const PAGE_TYPES = ["text/html", "text/plain"];
// RSS, Atom and JSON Feed as servers label them (often as plain XML or JSON).
const FEED_TYPES = ["application/rss+xml", "application/atom+xml", "application/feed+json", "application/json", "application/xml", "text/xml", "application/rdf+xml", "text/plain"];

// The instance metadata services of the big clouds: never fetched, whatever the settings.
const METADATA = new Set(["169.254.169.254", "169.254.170.2", "100.100.100.200", "fd00:ec2::254"]);
const PRIVATE_RANGES = new Set(["loopback", "private", "uniqueLocal", "linkLocal", "carrierGradeNat"]);

/** Null when a connection to this address is allowed, else the reason it is not. */
export function addressRefusal(address: string, allowPrivate: boolean): string | null {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const normal = parsed.toString();
  if (METADATA.has(normal)) return `${normal} is a cloud metadata address`;
  const range = parsed.range();
  if (range === "unicast") return null;
  if (allowPrivate && PRIVATE_RANGES.has(range)) return null;
  return `${normal} is a ${range.replace(/([A-Z])/g, " $1").toLowerCase()} address${PRIVATE_RANGES.has(range) ? " (set CHIPWATCH_FETCH_ALLOW_PRIVATE=1 to allow it)" : ""}`;
}

export async function fetchPage(rawUrl: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const response = await fetchFollowing(rawUrl, options, { types: PAGE_TYPES, headers: { accept: "text/html, text/plain;q=0.9" } });
  return { url: response.url, contentType: response.contentType as FetchedPage["contentType"], body: response.body! };
}

export type FetchedFeed = { url: string; notModified: boolean; body: string | null; etag: string | null; lastModified: string | null };

/** A feed, asked conditionally: with the ETag and Last-Modified of the last poll, a 304 costs nothing. */
export async function fetchFeed(rawUrl: string, conditions: { etag?: string | null; lastModified?: string | null } = {}, options: FetchOptions = {}): Promise<FetchedFeed> {
  const headers: Record<string, string> = { accept: "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5" };
  if (conditions.etag) headers["if-none-match"] = conditions.etag;
  if (conditions.lastModified) headers["if-modified-since"] = conditions.lastModified;
  const response = await fetchFollowing(rawUrl, options, { types: FEED_TYPES, headers });
  return { url: response.url, notModified: response.notModified ?? false, body: response.body ?? null, etag: response.etag ?? null, lastModified: response.lastModified ?? null };
}

async function fetchFollowing(rawUrl: string, options: FetchOptions, accept: { types: string[]; headers: Record<string, string> }) {
  const allowPrivate = options.allowPrivate ?? process.env.CHIPWATCH_FETCH_ALLOW_PRIVATE === "1";
  const limits = options.limits ?? FETCH_LIMITS;
  const deadline = Date.now() + limits.timeoutMs;
  let url = parseUrl(rawUrl, rawUrl);
  for (let hop = 0; ; hop++) {
    const response = await request(url, { allowPrivate, lookup: options.lookup ?? dns.lookup, deadline, limits, original: rawUrl, ...accept });
    if (response.redirect) {
      if (hop >= limits.redirects) throw new FetchRefused(rawUrl, `more than ${limits.redirects} redirects`);
      url = parseUrl(new URL(response.redirect, url).toString(), rawUrl);
      continue;
    }
    return { ...response, url: url.toString() };
  }
}

function parseUrl(value: string, original: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new FetchRefused(original, "it is not a web address");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new FetchRefused(original, `only http and https addresses are fetched, not ${url.protocol.replace(":", "")}`);
  if (url.username || url.password) throw new FetchRefused(original, "addresses with a user name or password are not fetched");
  return url;
}

type Attempt = { allowPrivate: boolean; lookup: Lookup; deadline: number; limits: typeof FETCH_LIMITS; original: string; types: string[]; headers: Record<string, string> };
type Response = { redirect?: string; notModified?: boolean; contentType?: string; body?: string; etag?: string; lastModified?: string };

/** The host:port pairs CHIPWATCH_FETCH_ALLOW_PRIVATE lists (empty when it is "1", unset or blank). */
function allowedPrivateOrigins(): Set<string> {
  const setting = process.env.CHIPWATCH_FETCH_ALLOW_PRIVATE ?? "";
  return new Set(
    setting
      .split(",")
      .map((entry) => entry.trim().toLowerCase())
      .filter((entry) => /^[^\s:]+:\d{1,5}$/.test(entry)),
  );
}

function request(url: URL, attempt: Attempt): Promise<Response> {
  const { original, limits } = attempt;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  const allowPrivate = attempt.allowPrivate || allowedPrivateOrigins().has(`${host.toLowerCase()}:${port}`);
  // An address written in the URL is never looked up: check it here.
  if (ipaddr.isValid(host)) {
    const refusal = addressRefusal(host, allowPrivate);
    if (refusal) return Promise.reject(new FetchRefused(original, refusal));
  }
  const guardedLookup = ((hostname: string, lookupOptions: dns.LookupOptions, callback: (...args: unknown[]) => void) => {
    attempt.lookup(hostname, { ...lookupOptions, all: true }, (error, addresses) => {
      if (error) return callback(new FetchRefused(original, `${hostname} could not be resolved (${error.code ?? error.message})`));
      const list = addresses as dns.LookupAddress[];
      const refusal = list.map((entry) => addressRefusal(entry.address, allowPrivate)).find(Boolean);
      if (refusal || list.length === 0) return callback(new FetchRefused(original, refusal ?? `${hostname} has no address`));
      if (lookupOptions.all) callback(null, list);
      else callback(null, list[0]!.address, list[0]!.family);
    });
  }) as unknown as Lookup;

  return new Promise<Response>((resolve, reject) => {
    const remaining = attempt.deadline - Date.now();
    if (remaining <= 0) return reject(new FetchRefused(original, `no answer within ${limits.timeoutMs / 1000} s`));
    const client = url.protocol === "https:" ? https : http;
    const req = client.get(url, { lookup: guardedLookup, headers: { "user-agent": "Chipwatch/0.2 (+news intake)", ...attempt.headers } }, (res) => {
      const status = res.statusCode ?? 0;
      if (status === 304) {
        res.resume();
        return resolve({ notModified: true });
      }
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        return resolve({ redirect: res.headers.location });
      }
      if (status < 200 || status >= 300) {
        res.resume();
        return reject(new FetchRefused(original, `the server answered HTTP ${status}`));
      }
      const type = (res.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
      if (!attempt.types.includes(type)) {
        res.resume();
        return reject(new FetchRefused(original, `it is ${type || "of no stated type"}, not ${attempt.types === PAGE_TYPES ? "a web page or text" : "a feed"}`));
      }
      const declared = Number(res.headers["content-length"]);
      if (declared > limits.maxBytes) {
        res.destroy();
        return reject(new FetchRefused(original, `it is larger than ${limits.maxBytes / 1024 / 1024} MB`));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > limits.maxBytes) {
          res.destroy();
          reject(new FetchRefused(original, `it is larger than ${limits.maxBytes / 1024 / 1024} MB`));
          return;
        }
        chunks.push(chunk);
      });
      const header = (name: string) => (typeof res.headers[name] === "string" ? (res.headers[name] as string) : undefined);
      res.on("end", () =>
        resolve({ contentType: type, body: decode(Buffer.concat(chunks), res.headers["content-type"] ?? ""), etag: header("etag"), lastModified: header("last-modified") }),
      );
      res.on("error", (error) => reject(new FetchRefused(original, error.message)));
    });
    const timer = setTimeout(() => req.destroy(new FetchRefused(original, `no answer within ${limits.timeoutMs / 1000} s`)), remaining);
    req.on("close", () => clearTimeout(timer));
    req.on("error", (error) => reject(error instanceof FetchRefused ? error : new FetchRefused(original, error.message)));
  });
}

function decode(body: Buffer, contentType: string): string {
  const charset = /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ?? "utf-8";
  try {
    return new TextDecoder(charset).decode(body);
  } catch {
    return new TextDecoder("utf-8").decode(body);
  }
}
