import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `next dev` serves its scripts to localhost only; let http://127.0.0.1:PORT work too.
  allowedDevOrigins: ["127.0.0.1"],
  // forbidden() renders app/forbidden.tsx with HTTP 403 for users without a role in a district.
  experimental: { authInterrupts: true },
  serverExternalPackages: ["pg", "@electric-sql/pglite", "@electric-sql/pglite-socket"],
};

export default nextConfig;
