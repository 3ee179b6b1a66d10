// The one result shape of every server action: expected failures are values, never thrown.

export type DomainErrorCode = "UNAUTHENTICATED" | "VALIDATION" | "NOT_FOUND" | "FORBIDDEN" | "LOCKED" | "CONFLICT" | "INCOMPLETE";

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
  conflict:
    "Någon annan har ändrat det här sedan du öppnade sidan. Dina ändringar har inte sparats. Ladda om sidan för att se den senaste versionen och gör om ändringen.",
} as const;
