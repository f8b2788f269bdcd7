// The site's public origin, for every link Chipwatch writes into images, files and pages ("the
// URL that reproduces this view", event links in exports). CHIPWATCH_PUBLIC_URL decides when it
// is set (https://chipwatch.example.org); otherwise the request's Host header, and the
// X-Forwarded-Host / X-Forwarded-Proto headers only behind a proxy we were told to trust
// (CHIPWATCH_TRUST_PROXY) — a client cannot make the site print its own domain.
import { headers } from "next/headers";
import { trustedProxyHops } from "@/lib/http/client-address";

type HeaderReader = { get(name: string): string | null };

/** CHIPWATCH_PUBLIC_URL as an origin, or null when it is unset or not an http(s) address. */
export function configuredPublicOrigin(setting = process.env.CHIPWATCH_PUBLIC_URL): string | null {
  if (!setting) return null;
  try {
    const url = new URL(setting);
    return url.protocol === "https:" || url.protocol === "http:" ? url.origin : null;
  } catch {
    return null;
  }
}

export function publicOrigin(requestHeaders: HeaderReader): string {
  const configured = configuredPublicOrigin();
  if (configured) return configured;
  const trusted = trustedProxyHops() > 0;
  const first = (value: string | null) => value?.split(",")[0]?.trim() || null;
  const host = (trusted ? first(requestHeaders.get("x-forwarded-host")) : null) ?? requestHeaders.get("host") ?? "localhost:3000";
  // A Host header is the client's to write: keep only what a host name can be.
  const safeHost = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i.test(host) ? host : "localhost:3000";
  const forwardedProto = trusted ? first(requestHeaders.get("x-forwarded-proto")) : null;
  const proto = forwardedProto === "http" || forwardedProto === "https" ? forwardedProto : /^(localhost|127\.|\[::1\])/.test(safeHost) ? "http" : "https";
  return `${proto}://${safeHost}`;
}

/** The public origin of the request being rendered (server components). */
export async function requestOrigin(): Promise<string> {
  return publicOrigin(await headers());
}
