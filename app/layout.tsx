import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Trygghetsplan", template: "%s – Trygghetsplan" },
  description: "Åtgärdsplaner för brottsförebyggande arbete och trygghet",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request: Next puts the request's CSP nonce (proxy.ts) on its
  // scripts only then; a page prerendered at build time would carry none and not run.
  await connection();
  return (
    <html lang="sv">
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2">
          Hoppa till huvudinnehållet
        </a>
        <div className="flex-1">{children}</div>
        <footer className="mt-12 border-t border-gray-300 bg-gray-50">
          <div className="mx-auto flex max-w-6xl flex-wrap gap-6 px-4 py-6 text-sm">
            <span>Trygghetsplan – åtgärdsplaner enligt lag (2023:196)</span>
            <Link href="/tillganglighet">Tillgänglighetsredogörelse</Link>
          </div>
        </footer>
      </body>
    </html>
  );
}
