// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native rasteriser, its worker pool and the Postgres driver stay outside the server bundle.
  serverExternalPackages: ["@resvg/resvg-js", "@electric-sql/pglite", "pg", "pg-boss", "piscina"],
  poweredByHeader: false,
  // Uploaded articles (≤ 4 MB) travel through server actions; the proxy refuses larger bodies.
  experimental: { serverActions: { bodySizeLimit: "5mb" } },
};

export default nextConfig;
