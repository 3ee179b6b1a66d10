// The one result shape of every server action: expected failures are values, never thrown.

export type DomainErrorCode = "UNAUTHENTICATED" | "VALIDATION" | "NOT_FOUND" | "FORBIDDEN" | "LOCKED" | "CONFLICT" | "INCOMPLETE" | "UNAVAILABLE";

/** One thing that must be done before a workflow step, with a link to where it is done. */
export type MissingItem = { message: string; href?: string };

export type ActionResult<T = void> =
  | { ok: true; data: T }
  | { ok: false; code: DomainErrorCode; message: string; fieldErrors?: Record<string, string[]>; missing?: MissingItem[] };

export function fail(code: DomainErrorCode, message: string, fieldErrors?: Record<string, string[]>): ActionResult<never> {
  return fieldErrors ? { ok: false, code, message, fieldErrors } : { ok: false, code, message };
}

/** Thrown inside a transaction to roll it back with an expected, user-facing failure. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly missing?: MissingItem[],
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const MESSAGES = {
  unauthenticated: "Du är inte inloggad. Logga in och försök igen.",
  notFound: "Det du försökte ändra finns inte, eller så har du inte tillgång till det.",
  validation: "Uppgifterna behöver rättas. Se felen nedan.",
  unavailable: "Det går inte att nå databasen just nu, så ingenting har sparats. Försök igen om en stund.",
  conflict:
    "Någon annan har ändrat det här sedan du öppnade sidan. Dina ändringar har inte sparats. Ladda om sidan för att se den senaste versionen och gör om ändringen.",
} as const;

/**
 * Is this error the database being out of reach (down, restarting, no free connection in time),
 * rather than a bug? Then the user gets MESSAGES.unavailable — "try again" — not an error page.
 * Prisma: P1001 can't reach, P1002 timed out, P1017 connection closed, P2024 pool timeout,
 * P2028 transaction could not start; the pg driver's connection errors by their code or text.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let e: unknown = error;
  while (e && typeof e === "object" && !seen.has(e)) {
    seen.add(e);
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === "string" && (["P1001", "P1002", "P1017", "P2024", "P2028", "ECONNREFUSED", "ECONNRESET", "57P01", "57P03", "08006", "08001"].includes(code))) return true;
    if (typeof message === "string" && /ECONNREFUSED|ECONNRESET|Connection terminated|the database system is (starting up|shutting down)|Can't reach database server|Unable to start a transaction in the given time/i.test(message)) return true;
    e = (e as { cause?: unknown }).cause ?? (e as { meta?: { driverAdapterError?: unknown } }).meta?.driverAdapterError;
  }
  return false;
}
