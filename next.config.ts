import type { NextConfig } from "next";
import { CONSTANT_SECURITY_HEADERS } from "./lib/http/security-headers.ts";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Separate build folders for parallel local runs (load tests, e2e) without clobbering each other.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `next dev` serves its scripts to localhost only; let http://127.0.0.1:PORT work too.
  allowedDevOrigins: ["127.0.0.1"],
  // forbidden() renders app/forbidden.tsx with HTTP 403 for users without a role in a district.
  // An uploaded workbook may be 10 MB (lib/xlsx/read.ts UPLOAD_LIMITS); the form says so.
  // proxy.ts makes Next buffer every request body for it, silently cut off at
  // proxyClientMaxBodySize: keep that above the action limit, so that the action's own limit
  // answers an oversized body (lib/http/body-limit.ts refuses a declared length over 11 MB first).
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "11mb" }, proxyClientMaxBodySize: "12mb" },
  // proxy.ts sets every security header (and the CSP with its nonce) but skips the build's
  // static files: the headers that never change come from here too, for every path.
  async headers() {
    return [{ source: "/:path*", headers: Object.entries(CONSTANT_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
  serverExternalPackages: ["pg", "@electric-sql/pglite", "@electric-sql/pglite-socket", "exceljs", "pdfkit"],
};

export default nextConfig;
