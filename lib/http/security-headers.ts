// The security headers of every response (set by proxy.ts), as plain functions of the request:
// no Next, no I/O, so the unit tests can read them line by line.

/** A fresh, unguessable nonce for one response: 16 random bytes, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Whether the browser reached us over TLS: the request URL says https, or the TLS-terminating
 * reverse proxy in front says so in `x-forwarded-proto` (first hop). A client that forges the
 * header over plain http gains nothing: browsers ignore HSTS on http responses.
 */
export function servedOverTls(protocol: string, forwardedProto: string | null): boolean {
  if (protocol === "https:") return true;
  return forwardedProto?.split(",")[0]?.trim().toLowerCase() === "https";
}

export type CspOptions = {
  nonce: string;
  https: boolean;
  /** `next dev`: React needs eval for its debugging aids, and the dev overlay inline styles. */
  dev: boolean;
};

const join = (directives: string[][]) => directives.map((d) => d.join(" ")).join("; ");

/**
 * The policy of the app's pages. Scripts only with this response's nonce (Next puts it on its
 * own scripts, reading it from the request's policy header) and what they load
 * ('strict-dynamic'); no plugins, no <base>, forms only to us, never framed.
 * `style-src-attr 'unsafe-inline'`: the bar charts (follow-up status, review console) and the
 * print view's column widths are data-driven `style="width: …%"` attributes. Style attributes
 * cannot run script; <style> elements and stylesheets still need the nonce or our origin.
 */
export function contentSecurityPolicy({ nonce, https, dev }: CspOptions): string {
  return join([
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", dev ? "'unsafe-inline'" : `'nonce-${nonce}'`],
    ["style-src-attr", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
    ...(https ? [["upgrade-insecure-requests"]] : []),
  ]);
}

/**
 * The policy of a PDF shown in the browser (decision.pdf). Chrome draws a PDF in a page of its
 * own with an <embed> and inline styles, under the PDF response's policy: `object-src 'none'`
 * would block its viewer (crbug.com/271452). Nothing else may load; never framed.
 */
export function pdfContentSecurityPolicy(): string {
  return join([
    ["default-src", "'none'"],
    ["object-src", "'self'"],
    ["style-src", "'unsafe-inline'"],
    ["img-src", "'self'", "data:"],
    ["base-uri", "'none'"],
    ["form-action", "'none'"],
    ["frame-ancestors", "'none'"],
  ]);
}

/** Browser features the app never uses, switched off for it and anything it might embed. */
export const PERMISSIONS_POLICY = ["accelerometer", "camera", "display-capture", "geolocation", "gyroscope", "magnetometer", "microphone", "payment", "usb"]
  .map((feature) => `${feature}=()`)
  .join(", ");

/** The same on every response, whatever the request. */
export const CONSTANT_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": PERMISSIONS_POLICY,
  // Older browsers' frame-ancestors.
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** One year, this host and its subdomains; only ever sent over TLS. */
export const HSTS = "max-age=31536000; includeSubDomains";

export type SecurityHeaderOptions = CspOptions & { pathname: string };

/** Every security header of one response: name → value. */
export function securityHeaders({ pathname, ...csp }: SecurityHeaderOptions): Record<string, string> {
  return {
    ...CONSTANT_SECURITY_HEADERS,
    "Content-Security-Policy": pathname.endsWith(".pdf") ? pdfContentSecurityPolicy() : contentSecurityPolicy(csp),
    ...(csp.https ? { "Strict-Transport-Security": HSTS } : {}),
  };
}
