import { describe, expect, it } from "vitest";
import { AUTH_BODY_LIMIT, DEFAULT_BODY_LIMIT, bodyLimitFor, refuseBody } from "@/lib/http/body-limit";

describe("bodyLimitFor", () => {
  it.each([
    ["/api/auth/callback/credentials", AUTH_BODY_LIMIT],
    ["/api/auth/signout", AUTH_BODY_LIMIT],
    ["/api/auth", AUTH_BODY_LIMIT],
    ["/api/authx", DEFAULT_BODY_LIMIT],
    ["/plans/farsta/2030/import", DEFAULT_BODY_LIMIT],
    ["/plans", DEFAULT_BODY_LIMIT],
  ])("%s → %i bytes", (pathname, limit) => {
    expect(bodyLimitFor(pathname)).toBe(limit);
  });

  it("leaves room for the 10 MB workbook upload and equals the server actions' limit (next.config.ts: 11mb)", () => {
    expect(DEFAULT_BODY_LIMIT).toBe(11 * 1024 * 1024);
    expect(DEFAULT_BODY_LIMIT).toBeGreaterThan(10 * 1024 * 1024);
  });
});

describe("refuseBody", () => {
  const auth = "/api/auth/callback/credentials";
  it.each([
    ["a sign-in form", auth, "300", null, null],
    ["exactly the auth limit", auth, String(AUTH_BODY_LIMIT), null, null],
    ["one byte over the auth limit", auth, String(AUTH_BODY_LIMIT + 1), null, 413],
    ["a streamed sign-in body of unknown length", auth, null, "chunked", 411],
    ["no body", auth, null, null, null],
    ["a 10 MB workbook upload", "/plans/farsta/2030/import", String(10 * 1024 * 1024 + 20_000), null, null],
    ["one byte over the action limit", "/plans/farsta/2030/import", String(DEFAULT_BODY_LIMIT + 1), null, 413],
    ["a streamed action body (Next's action limit applies)", "/plans", null, "chunked", null],
    ["a length that is no number", auth, "12abc", null, 413],
    ["a negative length", "/plans", "-1", null, 413],
    ["an absurd length", "/plans", "99999999999999999999999", null, 413],
  ])("%s → %s", (_name, pathname, contentLength, transferEncoding, status) => {
    const refusal = refuseBody({ pathname, contentLength, transferEncoding });
    expect(refusal?.status ?? null).toBe(status);
    if (refusal) expect(refusal.message).toMatch(/^Begäran /);
  });
});
