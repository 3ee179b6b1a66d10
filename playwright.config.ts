import { defineConfig } from "@playwright/test";
import { OIDC_TEST_CLIENT, oidcTestPorts } from "./tests/e2e/support/oidc-accounts.ts";

const EMBEDDED_DATABASE_URL = "postgresql://postgres:postgres@127.0.0.1:54329/postgres";
// E2E_PORT: a port of one's own for parallel runs (with NEXT_DIST_DIR for the build, passed through to the server).
const port = process.env.E2E_PORT || "3100";
const baseURL = `http://127.0.0.1:${port}`;
// The tests read the database too (to prove a refused request changed nothing): same URL as the server.
process.env.DATABASE_URL ??= EMBEDDED_DATABASE_URL;

// The built app (`next build` first; `npm test` does). The database comes from DATABASE_URL.
const env: Record<string, string> = {
  DATABASE_URL: process.env.DATABASE_URL,
  NEXTAUTH_URL: baseURL,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "e2e-test-secret",
};
if (process.env.DATABASE_POOL_MAX) env.DATABASE_POOL_MAX = process.env.DATABASE_POOL_MAX;

// Sign-in as the demo data has it (AUTH_DEMO_LOGIN=on), plus single sign-on against a real OIDC
// provider started below (tests/e2e/support/oidc-server.ts; tests/e2e/oidc.spec.ts).
const oidc = oidcTestPorts(Number(port));
const idpUrl = (p: number) => `http://127.0.0.1:${p}`;
const oidcEnv = { OIDC_CLIENT_ID: OIDC_TEST_CLIENT.id, OIDC_CLIENT_SECRET: OIDC_TEST_CLIENT.secret };
Object.assign(env, { AUTH_DEMO_LOGIN: "on", OIDC_ISSUER: idpUrl(oidc.idp), ...oidcEnv });
/** A second app server whose OIDC_ISSUER is an impostor IdP (wrong issuer), with demo sign-in off. */
const IMPOSTOR_APP_URL = idpUrl(oidc.impostorApp);

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/artifacts",
  workers: 1,
  retries: 0,
  // The longest journeys (a year-end round, an import) take ~15 s on a quiet 2-core machine; 60 s keeps them off the edge when it is busy.
  timeout: 60_000,
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
  webServer: [
    {
      command: "npx tsx tests/e2e/support/oidc-server.ts",
      url: `${idpUrl(oidc.idp)}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        OIDC_TEST_PORT: String(oidc.idp),
        OIDC_TEST_IMPOSTOR_PORT: String(oidc.impostorIdp),
        OIDC_TEST_REDIRECT_URIS: [baseURL, IMPOSTOR_APP_URL].map((u) => `${u}/api/auth/callback/oidc`).join(","),
      },
    },
    {
      command: `npx next start -p ${port}`,
      url: baseURL,
      reuseExistingServer: false,
      timeout: 120_000,
      env,
    },
    {
      command: `npx next start -p ${oidc.impostorApp}`,
      url: IMPOSTOR_APP_URL,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        ...env,
        NEXTAUTH_URL: IMPOSTOR_APP_URL,
        AUTH_DEMO_LOGIN: "off",
        OIDC_ISSUER: idpUrl(oidc.impostorIdp),
        OIDC_NAME: "Logga in med test-IdP",
        DATABASE_POOL_MAX: "1",
      },
    },
  ],
});
