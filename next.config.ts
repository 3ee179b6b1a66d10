import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `next dev` serves its scripts to localhost only; let http://127.0.0.1:PORT work too.
  allowedDevOrigins: ["127.0.0.1"],
  // forbidden() renders app/forbidden.tsx with HTTP 403 for users without a role in a district.
  // An uploaded workbook may be 10 MB (lib/xlsx/read.ts UPLOAD_LIMITS); the form says so.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "11mb" } },
  serverExternalPackages: ["pg", "@electric-sql/pglite", "@electric-sql/pglite-socket", "exceljs", "pdfkit"],
};

export default nextConfig;
