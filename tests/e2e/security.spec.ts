import http from "node:http";
import type { APIRequestContext, APIResponse, Page, Request } from "@playwright/test";
import { getProblem } from "./support/db";
import { deleteDraftLeftovers, expect, test, type DraftPlan } from "./support/draft-plan";
import { loginAs, USERS } from "./support/fixtures";

// Hardening, seen from outside: the security headers on pages, API routes, downloads and
// refusals; the app working under its Content-Security-Policy (no violation on the busiest
// pages); cookie flags; a server action from a foreign origin refused with nothing written; a
// spoofed x-middleware-subrequest header getting nowhere; errors without stack or SQL; body
// limits; the health endpoint.

test.beforeAll(deleteDraftLeftovers);

const NONCE = /'nonce-([A-Za-z0-9+/]+={0,2})'/;

/**
 * The headers every response must carry (on http: no HSTS). A PDF (decision.pdf) has a policy of
 * its own: Chrome's PDF viewer is an <embed> under the PDF's policy, so there `object-src 'self'`
 * and nothing else may load (lib/http/security-headers.ts). Returns the response's nonce, if any.
 */
function expectSecurityHeaders(response: APIResponse, what: string): string | undefined {
  const headers = response.headers();
  const csp = headers["content-security-policy"];
  expect(csp, `${what}: Content-Security-Policy`).toBeTruthy();
  const pdf = new URL(response.url()).pathname.endsWith(".pdf");
  for (const directive of [pdf ? "default-src 'none'" : "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(csp, what).toContain(directive);
  expect(csp, what).not.toContain("unsafe-eval");
  const scriptSrc = /script-src ([^;]*)/.exec(csp!)?.[1] ?? "";
  expect(scriptSrc, `${what}: inline scripts only by nonce`).not.toContain("'unsafe-inline'");
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], what).toContain("camera=()");
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["strict-transport-security"], `${what}: no HSTS over plain http`).toBeUndefined();
  expect(headers["x-powered-by"], what).toBeUndefined();
  return NONCE.exec(csp!)?.[1];
}

/** The page policy (not the PDF one): scripts by nonce, forms only to us. */
function expectPagePolicy(response: APIResponse, what: string): string {
  const csp = response.headers()["content-security-policy"]!;
  expect(csp, what).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]+={0,2}' 'strict-dynamic'/);
  expect(csp, what).toContain("form-action 'self'");
  expect(csp, what).toContain("default-src 'self'");
  return NONCE.exec(csp)![1]!;
}

test.describe("security headers", () => {
  test("an HTML page: the policy's nonce is on every script of the page, and fresh on every request", async ({ request }) => {
    const first = await request.get("/login");
    expect(first.status()).toBe(200);
    expectSecurityHeaders(first, "/login");
    const nonce = expectPagePolicy(first, "/login");
    const html = await first.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, "every <script> carries the response's nonce").toContain(`nonce="${nonce}"`);

    const second = await request.get("/login");
    expect(expectPagePolicy(second, "/login again")).not.toBe(nonce);
  });

  test("a page that used to be static (accessibility statement) and the 404 page are rendered with a nonce too", async ({ request }) => {
    for (const path of ["/tillganglighet", "/finns-inte-alls"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(path === "/tillganglighet" ? 200 : 404);
      expectSecurityHeaders(response, path);
      const nonce = expectPagePolicy(response, path);
      expect(await response.text(), `${path}: its scripts carry this response's nonce`).toContain(`nonce="${nonce}"`);
    }
  });

  test("API routes: the health endpoint and next-auth's", async ({ request }) => {
    expectSecurityHeaders(await request.get("/api/health"), "/api/health");
    expectSecurityHeaders(await request.get("/api/auth/csrf"), "/api/auth/csrf");
    expectSecurityHeaders(await request.get("/api/auth/session"), "/api/auth/session");
  });

  test("a file download: refused when signed out (401) and delivered when signed in, both with the headers", async ({ page, request }) => {
    const refused = await request.get("/plans/farsta/2025/export.xlsx");
    expect(refused.status()).toBe(401);
    expectSecurityHeaders(refused, "export.xlsx signed out");

    await loginAs(page, USERS.strategFarsta);
    const file = await page.request.get("/plans/farsta/2025/export.xlsx");
    expect(file.status()).toBe(200);
    expect(file.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expectSecurityHeaders(file, "export.xlsx");

    // The decision document is shown inline: a policy Chrome's PDF viewer works under, still never framed.
    const pdf = await page.request.get("/plans/farsta/2025/decision.pdf");
    expect(pdf.status()).toBe(200);
    expectSecurityHeaders(pdf, "decision.pdf");
    expect(pdf.headers()["content-security-policy"]).toContain("default-src 'none'");
  });

  test("the build's static files are nosniff", async ({ request }) => {
    const html = await (await request.get("/login")).text();
    const asset = /(?:src|href)="(\/_next\/static\/[^"]+\.(?:js|css))"/.exec(html)?.[1];
    expect(asset).toBeTruthy();
    const response = await request.get(asset!);
    expect(response.status()).toBe(200);
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  });

  test("HSTS and upgrade-insecure-requests only when served over TLS (the reverse proxy says x-forwarded-proto: https)", async ({ request }) => {
    for (const path of ["/login", "/api/health", "/plans/farsta/2025/export.xlsx"]) {
      const plain = await request.get(path);
      expect(plain.headers()["strict-transport-security"], path).toBeUndefined();
      expect(plain.headers()["content-security-policy"], path).not.toContain("upgrade-insecure-requests");

      const tls = await request.get(path, { headers: { "x-forwarded-proto": "https" } });
      expect(tls.headers()["strict-transport-security"], path).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
      expect(tls.headers()["content-security-policy"], path).toContain("upgrade-insecure-requests");
    }
  });
});

test.describe("the app works under its policy", () => {
  /** Collects CSP violations (the DOM event and the console's "Refused to …") and uncaught errors of a page. */
  async function watch(page: Page): Promise<{ problems: string[] }> {
    const problems: string[] = [];
    page.on("console", (message) => {
      // The app has no favicon: Chromium's own request for /favicon.ico answers 404 (not a policy matter).
      if (message.location().url.endsWith("/favicon.ico")) return;
      if (message.type() === "error" || /Content Security Policy|Refused to/i.test(message.text())) problems.push(`console ${message.type()}: ${message.text()} (${message.location().url} on ${page.url()})`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message} (${page.url()})`));
    await page.exposeFunction("__reportCspViolation", (v: string) => problems.push(`securitypolicyviolation: ${v}`));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        const report = (window as unknown as { __reportCspViolation?: (v: string) => void }).__reportCspViolation;
        report?.(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber} (${location.pathname})`);
      });
    });
    return { problems };
  }

  test("control: what an XSS would inject (an inline event handler, a foreign image) is blocked, and this watcher sees it", async ({ page }) => {
    const { problems } = await watch(page);
    await page.goto("/login");
    // Markup as an injection would put it in the page (scripts run by the test tool itself are exempt from CSP).
    await page.locator("main").evaluate((main) => {
      main.insertAdjacentHTML("beforeend", '<img alt="" src="/finns-inte.png" onerror="window.__injected = true"><img alt="" src="https://evil.example/steal.png">');
    });
    await expect.poll(() => problems.filter((p) => p.startsWith("securitypolicyviolation")).length).toBeGreaterThanOrEqual(2);
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    expect(problems.join("\n")).toMatch(/securitypolicyviolation: script-src(-attr)? blocked inline/);
    expect(problems.join("\n")).toMatch(/securitypolicyviolation: img-src blocked https:\/\/evil\.example\/steal\.png/);
  });

  test("login, plan list, plan, follow-up, print view and the editor: no violation, and the client code runs", async ({ page, farstaDraft }) => {
    const { problems } = await watch(page);
    // Signing in is client code (next-auth's signIn): it only works when the scripts ran.
    await loginAs(page, USERS.strategFarsta);
    for (const path of ["/plans", "/plans/farsta/2025", "/plans/farsta/2025/follow-up", "/plans/farsta/2025/print", "/tillganglighet", "/search?q=trygghetsvandring"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    }

    // The editor: opening a form and saving it are client code and a server action.
    await page.goto(`${farstaDraft.base}/areas/${farstaDraft.areaIds.YOUTH_AT_RISK}`);
    await page.getByRole("button", { name: "Ändra problem 1", exact: true }).click();
    const text = `Ändrat under CSP ${Date.now()}`;
    await page.getByRole("textbox", { name: "Problem", exact: true }).fill(text);
    await page.getByRole("button", { name: "Spara problem 1" }).click();
    await expect(page.getByRole("region", { name: /^Problem 1/ })).toContainText(text);
    expect((await getProblem(farstaDraft.chain.problemId))?.description).toBe(text);

    // Client-side navigation loads further chunks and styles through the trusted runtime.
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Åtgärdsplaner" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Åtgärdsplaner" })).toBeVisible();
    expect(problems).toEqual([]);
  });

  test("the review console with its charts: no violation", async ({ page }) => {
    const { problems } = await watch(page);
    await loginAs(page, USERS.beredning);
    const response = await page.goto("/review/2025");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // Sorting is client code.
    const table = page.getByRole("table").first();
    await expect(table).toBeVisible();
    expect(problems).toEqual([]);
  });

  test("next-auth's cookies: HttpOnly, SameSite=Lax, not Secure on http (NEXTAUTH_URL http://…)", async ({ page }) => {
    const signIn = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials") && r.request().method() === "POST");
    await loginAs(page, USERS.strategFarsta);
    const setCookies = (await (await signIn).headersArray()).filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
    const session = setCookies.find((c) => c.startsWith("next-auth.session-token="));
    expect(session, setCookies.join("\n")).toBeTruthy();
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
    expect(session).toMatch(/;\s*Path=\//i);
    expect(session).not.toMatch(/;\s*Secure/i);

    const cookies = await page.context().cookies();
    for (const name of ["next-auth.session-token", "next-auth.csrf-token"]) {
      const cookie = cookies.find((c) => c.name === name);
      expect(cookie, name).toBeTruthy();
      expect(cookie!.httpOnly, name).toBe(true);
      expect(cookie!.sameSite, name).toBe("Lax");
    }
    // Script on the page cannot read them.
    expect(await page.evaluate(() => document.cookie)).not.toContain("next-auth");
  });
});

type CapturedAction = { url: string; headers: Record<string, string>; body: Buffer };

/**
 * Signs in as Farsta's strategist, edits the draft's first problem to `text` in the editor and
 * captures the browser's server action request on its way out, stopping it there: nothing is sent.
 */
async function captureProblemEdit(page: Page, draft: DraftPlan, text: string): Promise<CapturedAction> {
  await loginAs(page, USERS.strategFarsta);
  await page.goto(`${draft.base}/areas/${draft.areaIds.YOUTH_AT_RISK}`);
  await page.getByRole("button", { name: "Ändra problem 1", exact: true }).click();
  await page.getByRole("textbox", { name: "Problem", exact: true }).fill(text);
  let captured: CapturedAction | undefined;
  const isAction = (r: Request) => r.method() === "POST" && r.headers()["next-action"] !== undefined;
  await page.route("**/*", async (route) => {
    const request = route.request();
    if (!isAction(request)) return route.continue();
    captured = { url: request.url(), headers: request.headers(), body: request.postDataBuffer() ?? Buffer.alloc(0) };
    return route.abort();
  });
  await page.getByRole("button", { name: "Spara problem 1" }).click();
  await expect.poll(() => captured).toBeTruthy();
  await page.unroute("**/*");
  expect(captured!.headers["next-action"]).toMatch(/^[0-9a-f]{40,}$/);
  expect(captured!.body.toString("utf8")).toContain(text);
  return captured!;
}

test.describe("refused requests", () => {
  test("a server action posted with a foreign Origin is refused and writes nothing; the same request from our origin works", async ({ page, farstaDraft, baseURL }) => {
    const before = await getProblem(farstaDraft.chain.problemId);
    const forged = `Ändrat från en annan webbplats ${Date.now()}`;
    const captured = await captureProblemEdit(page, farstaDraft, forged);
    expect(await getProblem(farstaDraft.chain.problemId)).toEqual(before);

    // Replayed with the user's cookies and a foreign Origin (what a page elsewhere would send): refused.
    const replay = (origin: string) => page.request.post(captured.url, { headers: { ...captured.headers, origin }, data: captured.body, maxRedirects: 0 });
    const ownOrigin = new URL(baseURL!).origin;
    const otherPort = `${new URL(baseURL!).protocol}//${new URL(baseURL!).hostname}:${Number(new URL(baseURL!).port) + 1}`;
    for (const origin of ["https://evil.example", "null", otherPort, `https://${new URL(baseURL!).hostname}.evil.example:${new URL(baseURL!).port}`]) {
      const refused = await replay(origin);
      expect(refused.status(), origin).toBe(500);
      expectSecurityHeaders(refused, `action from ${origin}`);
      expect(await refused.text(), origin).not.toContain(forged);
      expect(await getProblem(farstaDraft.chain.problemId), origin).toEqual(before);
    }

    // Control: the very same request from our own origin is accepted, so the Origin alone made the difference.
    const accepted = await replay(ownOrigin);
    expect(accepted.status()).toBe(200);
    const after = await getProblem(farstaDraft.chain.problemId);
    expect(after?.description).toBe(forged);
    expect(after?.version).toBe(before!.version + 1);
  });

  test("a spoofed x-middleware-subrequest header does not skip the proxy, nor the sign-in (CVE-2025-29927)", async ({ request }) => {
    const spoofs = [
      "proxy",
      "proxy:proxy:proxy:proxy:proxy",
      "middleware:middleware:middleware:middleware:middleware",
      "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware",
      "src/proxy:src/proxy:src/proxy:src/proxy:src/proxy",
      "pages/_middleware",
    ];
    for (const spoof of spoofs) {
      const headers = { "x-middleware-subrequest": spoof };
      const page = await request.get("/plans/farsta/2025", { headers, maxRedirects: 0 });
      expect(page.status(), spoof).toBe(307);
      expect(page.headers()["location"], spoof).toMatch(/\/login$/);
      expectSecurityHeaders(page, `plan page, x-middleware-subrequest: ${spoof}`);

      const file = await request.get("/plans/farsta/2025/export.xlsx", { headers, maxRedirects: 0 });
      expect(file.status(), spoof).toBe(401);
      expectSecurityHeaders(file, `export.xlsx, x-middleware-subrequest: ${spoof}`);

      // And the proxy's body limit still holds.
      const big = await request.post("/api/auth/callback/credentials", { headers, form: { email: "x@example.test", password: "p".repeat(70 * 1024) }, maxRedirects: 0 });
      expect(big.status(), spoof).toBe(413);
    }
  });
});

test.describe("errors say nothing technical", () => {
  // A stack frame, a file of ours or of a library, a database error, SQL (upper case: `<select>` is HTML).
  const LEAK = /\bat (async )?\S+ \(|\(\S+:\d+:\d+\)|\bat \S+:\d+:\d+|node_modules|\/work\/|\.next[\w-]*\/server|prisma|invalid byte|PostgreSQL|\bP20\d\d\b|\b[A-Z]\w*Error:|\b(SELECT|INSERT INTO|UPDATE|DELETE FROM) ["\w*]/;

  test("the leak detector itself finds what the server log shows on such an error", () => {
    for (const sample of [
      "Invalid `prisma.district.findUnique()` invocation:",
      "    at async a (.next-sec/server/chunks/lib_1itduwiz0r_90._.js:1:99)",
      "    at GET (/app/route.js:12:5)",
      'Database error. Code: `22021`. Message: `invalid byte sequence for encoding "UTF8": 0x00`',
      "PrismaClientKnownRequestError: P2039",
      'SELECT "id" FROM "District" WHERE "slug" = $1',
    ]) expect(LEAK.test(sample), sample).toBe(true);
    for (const harmless of ['<select id="search-district">', "Planen finns inte.", "Logga in för att ladda ner planen.", "Något gick fel"]) expect(LEAK.test(harmless), harmless).toBe(false);
  });

  async function expectNoLeak(request: APIRequestContext, path: string): Promise<APIResponse> {
    const response = await request.get(path, { maxRedirects: 0 });
    const body = await response.text();
    const leak = LEAK.exec(body);
    expect(leak && body.slice(Math.max(0, leak.index - 80), leak.index + 80), `${path} (${response.status()}) leaks`).toBeNull();
    expectSecurityHeaders(response, path);
    return response;
  }

  test("malformed input to the download routes and pages: a plain answer, no stack, no SQL", async ({ page }) => {
    await loginAs(page, USERS.strategFarsta);
    const malformed = [
      "/plans/farsta%00/2025/export.xlsx",
      `/plans/${"x".repeat(3000)}/2025/export.xlsx`,
      "/plans/farsta/2025%00/export.xlsx",
      "/plans/farsta/99999999999999999999/export.xlsx",
      "/plans/%27%3B%20DROP%20TABLE%20%22Plan%22%3B--/2025/export.xlsx",
      "/plans/farsta%00/2025/decision.pdf",
      "/review/2025%00/export.xlsx",
      "/review/0000/export.xlsx",
      "/plans/farsta%00/2025",
      "/plans/farsta/2025/areas/%00",
      "/plans/farsta/2025/areas/not-a-uuid",
      "/plans/farsta/2025/versions/%00",
      "/search?q=%00%27%22",
    ];
    for (const path of malformed) {
      const response = await expectNoLeak(page.request, path);
      expect(response.status(), path).toBeLessThan(600);
    }
  });

  // A NUL (which PostgreSQL refuses in text, 22021) used to make the action throw. Every form value
  // is now cleaned of control characters before validation (lib/validation/form-data.ts): the text
  // is saved without it, and the answer has no stack, no SQL.
  test("a NUL in a text posted straight to a server action is removed, the rest saved, and the answer has no stack or SQL", async ({ page, farstaDraft, baseURL }) => {
    const marker = `Blir NUL ${Date.now()}`;
    const captured = await captureProblemEdit(page, farstaDraft, marker);
    const body = Buffer.from(captured.body.toString("utf8").replace(marker, "Med \u0000 i texten"), "utf8");
    const response = await page.request.post(captured.url, { headers: { ...captured.headers, origin: new URL(baseURL!).origin }, data: body, maxRedirects: 0 });
    const text = await response.text();
    const leak = LEAK.exec(text);
    expect(leak && text.slice(Math.max(0, leak.index - 80), leak.index + 80), `action answered ${response.status()}`).toBeNull();
    expect(text).not.toContain("22021");
    expect(response.status()).toBeLessThan(500);
    expectSecurityHeaders(response, "action with a NUL");
    expect((await getProblem(farstaDraft.chain.problemId))?.description).toBe("Med  i texten");
  });

  test("a URL Next cannot even decode is answered by Next itself: a bare 500 without stack", async ({ request }) => {
    // Next fails to decode the path before the proxy, next.config headers or any route runs, and
    // answers 21 bytes of text/plain. Known gap: no security headers on this one answer (nothing
    // to run, frame or sniff in it); the reverse proxy in front adds them (docs/ARCHITECTURE.md, Hardening).
    for (const path of ["/plans/%E0%A4%A/2025/export.xlsx", "/review/%ZZ/export.xlsx"]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(500);
      expect(await response.text(), path).toBe("Internal Server Error");
    }
  });

  test("the refusals of the file routes are short Swedish texts", async ({ request }) => {
    const response = await expectNoLeak(request, "/plans/farsta/2025/export.xlsx");
    expect(response.status()).toBe(401);
    expect(await response.text()).toBe("Logga in för att ladda ner planen.");
  });
});

test.describe("request body limits", () => {
  /** A raw request with headers of our choosing (Playwright always sends a length). */
  function rawRequest(baseURL: string, path: string, headers: Record<string, string>, chunks: string[]): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
    return new Promise((resolve, reject) => {
      const request = http.request(new URL(path, baseURL), { method: "POST", headers }, (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      });
      request.on("error", reject);
      for (const chunk of chunks) request.write(chunk);
      request.end();
    });
  }

  test("next-auth's route refuses a body over 64 KB (413) and a body of unknown length (411); sign-in itself still works", async ({ page, baseURL }) => {
    const huge = await page.request.post("/api/auth/callback/credentials", { form: { email: "x@example.test", password: "p".repeat(100 * 1024) }, maxRedirects: 0 });
    expect(huge.status()).toBe(413);
    expect(await huge.text()).toBe("Begäran är för stor.");
    expectSecurityHeaders(huge, "413");

    const chunked = await rawRequest(baseURL!, "/api/auth/callback/credentials", { "content-type": "application/x-www-form-urlencoded", "transfer-encoding": "chunked" }, ["email=x", "&password=y"]);
    expect(chunked.status).toBe(411);
    expect(chunked.headers["content-security-policy"]).toBeTruthy();

    await loginAs(page, USERS.strategFarsta);
  });

  test("any other request over the 11 MB action limit is refused by the proxy, before any action or page sees it", async ({ baseURL }) => {
    // Next answers only once the body is in (it buffers it for the proxy), so the body is sent whole.
    const body = "x".repeat(11 * 1024 * 1024 + 1);
    const response = await rawRequest(baseURL!, "/plans", { "content-type": "text/plain;charset=UTF-8", "content-length": String(body.length), "next-action": "0".repeat(42) }, [body]);
    expect(response.status).toBe(413);
    expect(response.body).toBe("Begäran är för stor.");
    expect(response.headers["content-security-policy"]).toBeTruthy();
  });
});

test.describe("GET /api/health", () => {
  test("answers 200 with the database reachable, without sign-in, never cached, with nothing else in the body", async ({ request }) => {
    const response = await request.get("/api/health", { maxRedirects: 0 });
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^application\/json/);
    expect(response.headers()["cache-control"]).toBe("no-store");
    expect(await response.text()).toBe('{"status":"ok","database":"ok"}');
    expectSecurityHeaders(response, "/api/health");
  });
});
