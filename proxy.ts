import { NextResponse, type NextRequest } from "next/server";
import { refuseBody } from "@/lib/http/body-limit";
import { newNonce, securityHeaders, servedOverTls } from "@/lib/http/security-headers";

/**
 * Runs before every request except the build's static files: security headers with a fresh CSP
 * nonce on every response (pages, route handlers, downloads, errors), and body limits.
 * Never the authorization: every page, action and route handler checks the actor itself.
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = newNonce();
  const headers = securityHeaders({
    pathname: request.nextUrl.pathname,
    nonce,
    https: servedOverTls(request.nextUrl.protocol, request.headers.get("x-forwarded-proto")),
    dev: process.env.NODE_ENV === "development",
  });

  const refusal = refuseBody({
    pathname: request.nextUrl.pathname,
    contentLength: request.headers.get("content-length"),
    transferEncoding: request.headers.get("transfer-encoding"),
  });
  const response = refusal
    ? new NextResponse(refusal.message, { status: refusal.status, headers: { "content-type": "text/plain; charset=utf-8", connection: "close" } })
    : NextResponse.next({ request: { headers: withNonce(request.headers, nonce, headers["Content-Security-Policy"]!) } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/** Next reads the nonce for its own scripts from the request's policy header; x-nonce is for our components. Client-sent values are overwritten. */
function withNonce(incoming: Headers, nonce: string, policy: string): Headers {
  const headers = new Headers(incoming);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  return headers;
}

export const config = {
  // Not the build's content-hashed files (next.config.ts gives them the constant headers).
  matcher: ["/((?!_next/static|_next/image).*)"],
};
