// Who is asking: the client address behind a configured number of trusted proxies. A client can
// write any X-Forwarded-For it likes, so the header only counts as far as proxies we run added to
// it: CHIPWATCH_TRUST_PROXY=N trusts the last N hops (nginx in front: 1); unset or 0 trusts none,
// and the address is the TCP peer's. npm start's server (scripts/serve.ts) computes it per request
// and hands it on in CLIENT_ADDRESS_HEADER, overwriting whatever the client sent under that name.

export const CLIENT_ADDRESS_HEADER = "x-chipwatch-client-address";

export function trustedProxyHops(): number {
  const hops = Number(process.env.CHIPWATCH_TRUST_PROXY ?? 0);
  return Number.isInteger(hops) && hops >= 0 && hops <= 10 ? hops : 0;
}

/**
 * The address `hops` proxies back from the socket: with one trusted proxy, the last address it
 * appended to X-Forwarded-For; with none, the socket's own peer.
 */
export function clientAddressOf(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, hops: number): string {
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwarded, normalise(socketAddress ?? "unknown")];
  return normalise(chain[Math.max(0, chain.length - 1 - hops)]!);
}

/** "::ffff:127.0.0.1" and "127.0.0.1" are one client. */
function normalise(address: string): string {
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "").slice(0, 64);
}
