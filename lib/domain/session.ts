// When a signed-in session stops working. The session cookie only names a UserSession row;
// every request checks that row against these rules (lib/auth/sessions.ts), so a session
// can be ended by the server: at sign-out, when the user is disabled, after being idle, or
// after a maximum age whatever the activity.

export type SessionLimits = { idleMinutes: number; absoluteHours: number };

/** 60 minutes idle, 10 hours in all (a working day): the defaults, overridable by env. */
export const DEFAULT_SESSION_LIMITS: SessionLimits = { idleMinutes: 60, absoluteHours: 10 };

export type SessionRow = { createdAt: Date; lastSeenAt: Date; revokedAt: Date | null };
export type SessionState = "active" | "revoked" | "idle" | "expired";

export function sessionState(s: SessionRow, now: Date, limits: SessionLimits = DEFAULT_SESSION_LIMITS): SessionState {
  if (s.revokedAt) return "revoked";
  if (now.getTime() - s.createdAt.getTime() >= limits.absoluteHours * 3_600_000) return "expired";
  if (now.getTime() - s.lastSeenAt.getTime() >= limits.idleMinutes * 60_000) return "idle";
  return "active";
}

/** lastSeenAt is written at most once a minute, not on every request. */
export function shouldTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= 60_000;
}

/** Limits from the environment (AUTH_IDLE_MINUTES, AUTH_MAX_HOURS); anything unreadable falls back to the default. */
export function sessionLimitsFrom(env: Record<string, string | undefined>): SessionLimits {
  const read = (v: string | undefined, fallback: number) => {
    const n = Number(v);
    return v && Number.isFinite(n) && n > 0 ? n : fallback;
  };
  return {
    idleMinutes: read(env.AUTH_IDLE_MINUTES, DEFAULT_SESSION_LIMITS.idleMinutes),
    absoluteHours: read(env.AUTH_MAX_HOURS, DEFAULT_SESSION_LIMITS.absoluteHours),
  };
}

/** Said at the sign-in form while the account or address is at its limit of failed attempts (lib/auth/rate-limit.ts). */
export const RATE_LIMITED_MESSAGE = "För många misslyckade inloggningar. Vänta en stund och försök igen, eller be din administratör om hjälp.";
