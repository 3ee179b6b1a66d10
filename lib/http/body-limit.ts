// Request body limits, checked by proxy.ts before anything reads a body.
//
// What Next does by itself: a server action's body is cut off at `serverActions.bodySizeLimit`
// (next.config.ts: 11 MB, for the 10 MB workbook upload plus multipart overhead). A route
// handler gets no limit at all: `request.text()` reads whatever comes. With a proxy, Next also
// buffers each request body for it up to `proxyClientMaxBodySize` and silently truncates the
// rest, so that must stay above the action limit (next.config.ts: 12 MB).
// The only route handler that reads a body is next-auth's (sign-in, sign-out: a few hundred
// bytes of form fields); it gets a small limit and must say how long its body is.

/** next-auth's POST bodies: a CSRF token, an e-mail, a password, a callback URL. */
export const AUTH_BODY_LIMIT = 64 * 1024;

/** Everything else: the largest legitimate body is the workbook upload (= serverActions.bodySizeLimit). */
export const DEFAULT_BODY_LIMIT = 11 * 1024 * 1024;

export type BodyRequest = {
  pathname: string;
  /** The Content-Length header, or null. */
  contentLength: string | null;
  /** The Transfer-Encoding header, or null. */
  transferEncoding: string | null;
};

export type BodyRefusal = { status: 411 | 413; message: string };

export function bodyLimitFor(pathname: string): number {
  return pathname === "/api/auth" || pathname.startsWith("/api/auth/") ? AUTH_BODY_LIMIT : DEFAULT_BODY_LIMIT;
}

/** Null when the body may be read; else the status and a short Swedish text to answer with. */
export function refuseBody({ pathname, contentLength, transferEncoding }: BodyRequest): BodyRefusal | null {
  const limit = bodyLimitFor(pathname);
  if (contentLength !== null) {
    const length = Number(contentLength.trim());
    // Not a plain number (a list, a sign, hex): not a length anyone can rely on.
    if (!/^\d+$/.test(contentLength.trim()) || !Number.isSafeInteger(length)) return { status: 413, message: TOO_LARGE };
    return length > limit ? { status: 413, message: TOO_LARGE } : null;
  }
  // A streamed body of unknown length: only where a handler reads the whole body without a limit.
  if (transferEncoding !== null && limit === AUTH_BODY_LIMIT) return { status: 411, message: LENGTH_REQUIRED };
  return null;
}

const TOO_LARGE = "Begäran är för stor.";
const LENGTH_REQUIRED = "Begäran saknar längd.";
