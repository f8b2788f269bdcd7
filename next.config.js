// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native rasteriser and the Postgres driver stay outside the server bundle.
  serverExternalPackages: ["@resvg/resvg-js", "@electric-sql/pglite", "pg"],
  poweredByHeader: false,
};

export default nextConfig;
