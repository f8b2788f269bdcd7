// Adding an article by its web address (issue 14): readable text and metadata from real-looking
// pages served by a local HTTP server, and every refusal an outsider could provoke — a private or
// metadata address (also behind a redirect), too many redirects, a server that never answers, a
// 6 MB page, a file that is not a page — each a clear message naming the URL and the reason.
import { createServer, type Server } from "node:http";
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchArticle } from "@/lib/intake/article";
import { addressRefusal, FETCH_LIMITS, FetchRefused, fetchPage } from "@/lib/intake/fetch";

const story = readFileSync("tests/fixtures/intake/wire-story.html", "utf8");
const plain = readFileSync("tests/fixtures/intake/plain-page.html", "utf8");
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? "/";
    if (path === "/story") return res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(story);
    if (path === "/plain-page") return res.writeHead(200, { "content-type": "text/html" }).end(plain);
    if (path === "/notes.txt") return res.writeHead(200, { "content-type": "text/plain" }).end("BIS fined Orion Systems $3 million on Monday.");
    if (path === "/moved") return res.writeHead(301, { location: "/hop/1" }).end();
    const hop = /^\/hop\/(\d+)$/.exec(path);
    if (hop) return Number(hop[1]) >= 3 ? res.writeHead(302, { location: "/story" }).end() : res.writeHead(302, { location: `/hop/${Number(hop[1]) + 1}` }).end();
    if (path === "/loop") return res.writeHead(302, { location: "/loop" }).end();
    if (path === "/to-metadata") return res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end();
    if (path === "/silent") return; // never answers
    if (path === "/huge") {
      // 6 MB, chunked: no Content-Length to refuse it early.
      res.writeHead(200, { "content-type": "text/html" });
      const block = `<p>${"x".repeat(1023)}</p>`;
      for (let i = 0; i < 6 * 1024; i++) res.write(block);
      return res.end();
    }
    if (path === "/report.pdf") return res.writeHead(200, { "content-type": "application/pdf" }).end("%PDF-1.7");
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const allowed = { allowPrivate: true };

describe("fetching an article by URL", () => {
  it("keeps the article and its metadata, drops the page's chrome", async () => {
    const article = await fetchArticle(`${base}/story`, allowed);
    expect(article).toMatchObject({
      title: "Nvidia to supply 18,000 GB300 chips to Saudi Arabia's Humain",
      outlet: "Gulf Wire",
      publishedAt: "2025-05-13",
      url: "https://gulfwire.example/tech/nvidia-humain-gb300",
    });
    expect(article.text).toContain("Nvidia will supply 18,000 of its GB300 Grace Blackwell chips to Humain");
    expect(article.text).toContain("Nvidia shares rose 5.6%");
    for (const chrome of ["Subscribe", "Sponsored", "min read", "Phone", "Related"]) expect(article.text).not.toContain(chrome);
  });

  it("reads the date from JSON-LD, the outlet from the domain, and follows redirects", async () => {
    expect(await fetchArticle(`${base}/plain-page`, allowed)).toMatchObject({ publishedAt: "2024-12-02", outlet: "127.0.0.1", title: "Commerce tightens chip rules" }); // JSON-LD's headline, not the <title> with the outlet
    expect((await fetchArticle(`${base}/moved`, allowed)).title).toContain("Humain"); // 4 redirects
    expect((await fetchArticle(`${base}/notes.txt`, allowed)).text).toBe("BIS fined Orion Systems $3 million on Monday.");
  });

  it.each([
    ["/story", {}, /127\.0\.0\.1 is a loopback address \(set CHIPWATCH_FETCH_ALLOW_PRIVATE=1/],
    ["/to-metadata", allowed, /169\.254\.169\.254 is a cloud metadata address/],
    ["/loop", allowed, /more than 5 redirects/],
    ["/huge", allowed, /larger than 5 MB/],
    ["/report.pdf", allowed, /application\/pdf, not a web page or text/],
    ["/missing", allowed, /HTTP 404/],
  ])("refuses %s with the URL and the reason", async (path, options, reason) => {
    const attempt = fetchPage(`${base}${path}`, options);
    await expect(attempt).rejects.toBeInstanceOf(FetchRefused);
    await expect(attempt).rejects.toThrow(new RegExp(`^Could not fetch ${base.replace(/[.]/g, "\\.")}${path.replace(/[.]/g, "\\.")}: .*${reason.source}`));
  });

  it("gives up on a server that never answers (the limit is shortened for the test)", async () => {
    await expect(fetchPage(`${base}/silent`, { ...allowed, limits: { ...FETCH_LIMITS, timeoutMs: 300 } })).rejects.toThrow(/no answer within 0\.3 s/);
  });

  it("refuses other schemes, credentials and names that resolve to private addresses", async () => {
    await expect(fetchPage("ftp://example.org/file")).rejects.toThrow(/only http and https addresses are fetched, not ftp/);
    await expect(fetchPage("http://user:secret@example.org/")).rejects.toThrow(/user name or password/);
    const lookup = ((_host: string, _options: unknown, callback: (error: null, addresses: { address: string; family: number }[]) => void) =>
      callback(null, [{ address: "10.0.0.7", family: 4 }])) as unknown as typeof import("node:dns").lookup;
    await expect(fetchPage("http://intranet.example/", { lookup })).rejects.toThrow(/10\.0\.0\.7 is a private address/);
  });

  it("an allowed host:port opens that one server, not its neighbours on the same address", async () => {
    const port = new URL(base).port;
    const before = process.env.CHIPWATCH_FETCH_ALLOW_PRIVATE;
    process.env.CHIPWATCH_FETCH_ALLOW_PRIVATE = `127.0.0.1:${port}`;
    try {
      expect((await fetchPage(`${base}/story`)).body).toContain("<article");
      await expect(fetchPage(`http://127.0.0.1:${Number(port) === 65535 ? 65534 : Number(port) + 1}/story`)).rejects.toThrow(/127\.0\.0\.1 is a loopback address/);
      await expect(fetchPage(`http://localhost:${port}/story`)).rejects.toThrow(/loopback address/);
    } finally {
      if (before === undefined) delete process.env.CHIPWATCH_FETCH_ALLOW_PRIVATE;
      else process.env.CHIPWATCH_FETCH_ALLOW_PRIVATE = before;
    }
  });

  it("the address policy: only public unicast, private ones behind the flag, metadata never", () => {
    for (const address of ["127.0.0.1", "::1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "fe80::1", "fc00::1", "100.64.0.1", "::ffff:127.0.0.1"]) {
      expect(addressRefusal(address, false), address).not.toBeNull();
      expect(addressRefusal(address, true), address).toBeNull();
    }
    for (const address of ["169.254.169.254", "::ffff:169.254.169.254", "fd00:ec2::254", "224.0.0.1", "0.0.0.0", "255.255.255.255"])
      expect(addressRefusal(address, true), address).not.toBeNull();
    for (const address of ["93.184.216.34", "2606:4700::1111", "8.8.8.8"]) expect(addressRefusal(address, false), address).toBeNull();
  });
});
