import { defineConfig } from "@playwright/test";

const EMBEDDED_DATABASE_URL = "postgresql://postgres:postgres@127.0.0.1:54329/postgres";
const baseURL = "http://127.0.0.1:3100";
// The tests read the database too (to prove a refused request changed nothing): same URL as the server.
process.env.DATABASE_URL ??= EMBEDDED_DATABASE_URL;

// The built app (`next build` first; `npm test` does). The database comes from DATABASE_URL.
const env: Record<string, string> = {
  DATABASE_URL: process.env.DATABASE_URL,
  NEXTAUTH_URL: baseURL,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "e2e-test-secret",
};
if (process.env.DATABASE_POOL_MAX) env.DATABASE_POOL_MAX = process.env.DATABASE_POOL_MAX;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/artifacts",
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "test-results/reports/e2e.json" }]],
  use: {
    baseURL,
    browserName: "chromium",
    launchOptions: {
      // Debian's Chromium: never `npx playwright install` (no internet here).
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer: {
    command: "npx next start -p 3100",
    url: baseURL,
    reuseExistingServer: false,
    timeout: 120_000,
    env,
  },
});
