// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native rasteriser, its worker pool, the Postgres driver and chrono (whose parsers lib/extract/dates.ts
  // picks by class name, which bundling would mangle) stay outside the server bundle.
  serverExternalPackages: ["@resvg/resvg-js", "@electric-sql/pglite", "pg", "pg-boss", "piscina", "chrono-node", "pino"],
  poweredByHeader: false,
  // Uploaded articles (≤ 4 MB) travel through server actions; the proxy refuses larger bodies.
  experimental: { serverActions: { bodySizeLimit: "5mb" } },
};

export default nextConfig;
