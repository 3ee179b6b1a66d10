// GET /api/health: whether the app can reach its database. Plain function of an injected check,
// so the 503 path is tested without stopping a database. No Swedish, no error text, no stack.

export type HealthBody = { status: "ok"; database: "ok" } | { status: "error"; database: "unavailable" };
export type HealthResult = { status: 200; body: HealthBody } | { status: 503; body: HealthBody };

export type HealthOptions = {
  /** A database that does not answer within this time counts as unavailable (default 3 s). */
  timeoutMs?: number;
  /** Told why the check failed (for the server log); never part of the answer. */
  onFailure?: (error: unknown) => void;
};

export class HealthTimeoutError extends Error {
  constructor(ms: number) {
    super(`the database did not answer within ${ms} ms`);
  }
}

export async function checkHealth(pingDatabase: () => Promise<unknown>, { timeoutMs = 3000, onFailure }: HealthOptions = {}): Promise<HealthResult> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HealthTimeoutError(timeoutMs)), timeoutMs);
  });
  try {
    await Promise.race([Promise.resolve().then(pingDatabase), timeout]);
    return { status: 200, body: { status: "ok", database: "ok" } };
  } catch (error) {
    onFailure?.(error);
    return { status: 503, body: { status: "error", database: "unavailable" } };
  } finally {
    clearTimeout(timer);
  }
}

/** The JSON answer; never cached by a browser or a proxy in between. */
export function healthResponse(result: HealthResult): Response {
  return Response.json(result.body, { status: result.status, headers: { "cache-control": "no-store" } });
}
