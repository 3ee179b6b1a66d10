import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, HSTS, newNonce, pdfContentSecurityPolicy, securityHeaders, servedOverTls } from "@/lib/http/security-headers";

/** "a b; c d" → { a: ["b"], c: ["d"] } */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(policy.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

describe("the Content-Security-Policy of a page", () => {
  const prod = directives(contentSecurityPolicy({ nonce: "abc123", https: false, dev: false }));

  it("runs only scripts with this response's nonce and what they load", () => {
    expect(prod["script-src"]).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(prod["script-src"]).not.toContain("'unsafe-inline'");
    expect(prod["script-src"]).not.toContain("'unsafe-eval'");
  });

  it("allows <style> only with the nonce or from our origin; style attributes (data-driven bar widths) stay", () => {
    expect(prod["style-src"]).toEqual(["'self'", "'nonce-abc123'"]);
    expect(prod["style-src-attr"]).toEqual(["'unsafe-inline'"]);
  });

  it.each([
    ["default-src", ["'self'"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'none'"]],
    ["form-action", ["'self'"]],
    ["frame-ancestors", ["'none'"]],
    ["connect-src", ["'self'"]],
  ])("%s %j", (name, values) => {
    expect(prod[name]).toEqual(values);
  });

  it("upgrades insecure requests only when served over TLS (on http it would break every asset)", () => {
    expect(prod["upgrade-insecure-requests"]).toBeUndefined();
    expect(directives(contentSecurityPolicy({ nonce: "n", https: true, dev: false }))["upgrade-insecure-requests"]).toEqual([]);
  });

  it("in `next dev` allows eval and inline styles (React's debugging aids, the dev overlay), never in production", () => {
    const dev = directives(contentSecurityPolicy({ nonce: "n", https: false, dev: true }));
    expect(dev["script-src"]).toContain("'unsafe-eval'");
    expect(dev["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
  });
});

describe("securityHeaders", () => {
  it("sets nosniff, the referrer and permissions policies, framing refusal and the page policy on every path", () => {
    const headers = securityHeaders({ pathname: "/plans/farsta/2025", nonce: "n1", https: false, dev: false });
    expect(headers).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Frame-Options": "DENY",
      "Cross-Origin-Opener-Policy": "same-origin",
    });
    expect(headers["Permissions-Policy"]).toMatch(/^(\w[\w-]*=\(\)(, )?)+$/);
    expect(headers["Permissions-Policy"]).toContain("camera=()");
    expect(headers["Permissions-Policy"]).toContain("geolocation=()");
    expect(headers["Content-Security-Policy"]).toContain("'nonce-n1'");
  });

  it("sends HSTS only over TLS", () => {
    expect(securityHeaders({ pathname: "/", nonce: "n", https: false, dev: false })["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders({ pathname: "/", nonce: "n", https: true, dev: false })["Strict-Transport-Security"]).toBe(HSTS);
    expect(HSTS).toMatch(/^max-age=(\d+); includeSubDomains$/);
    expect(Number(/max-age=(\d+)/.exec(HSTS)![1])).toBeGreaterThanOrEqual(31536000);
  });

  it("gives a PDF a policy Chrome's viewer works under: nothing may load but the PDF, never framed", () => {
    const headers = securityHeaders({ pathname: "/plans/farsta/2025/decision.pdf", nonce: "n", https: false, dev: false });
    expect(headers["Content-Security-Policy"]).toBe(pdfContentSecurityPolicy());
    const pdf = directives(pdfContentSecurityPolicy());
    expect(pdf["default-src"]).toEqual(["'none'"]);
    expect(pdf["frame-ancestors"]).toEqual(["'none'"]);
    expect(pdf["base-uri"]).toEqual(["'none'"]);
    expect(pdf["form-action"]).toEqual(["'none'"]);
    expect(pdf["script-src"]).toBeUndefined();
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
  });
});

describe("servedOverTls", () => {
  it.each([
    ["https:", null, true],
    ["http:", "https", true],
    ["http:", "HTTPS", true],
    ["http:", "https, http", true],
    ["http:", "http, https", false],
    ["http:", "http", false],
    ["http:", null, false],
    ["http:", "", false],
  ])("protocol %s, x-forwarded-proto %j → %s", (protocol, forwarded, expected) => {
    expect(servedOverTls(protocol, forwarded)).toBe(expected);
  });
});

describe("newNonce", () => {
  it("is base64 of 16 random bytes, different every time", () => {
    const nonces = new Set(Array.from({ length: 200 }, newNonce));
    expect(nonces.size).toBe(200);
    for (const nonce of nonces) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(Buffer.from(nonce, "base64")).toHaveLength(16);
    }
  });
});
