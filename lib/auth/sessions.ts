import "server-only";
import { sessionLimitsFrom, sessionState, shouldTouch } from "@/lib/domain/session";
import { db } from "@/lib/db/client";

// Revocable sessions (lib/domain/session.ts has the rules). The JWT cookie carries `sid`, the id of
// a UserSession row; a session works only while that row is active. Rows live in PostgreSQL, so
// any app instance behind a load balancer sees a sign-out or a disabled user at once.

export const SESSION_LIMITS = sessionLimitsFrom(process.env);

export async function startSession(userId: string, method: "credentials" | "oidc"): Promise<string> {
  const row = await db.userSession.create({ data: { userId, method }, select: { id: true } });
  return row.id;
}

/** The user of an active session, or null: revoked, timed out (then marked so), or unknown. */
export async function activeSessionUser(sid: string): Promise<string | null> {
  if (!/^[0-9a-f-]{36}$/i.test(sid)) return null;
  const row = await db.userSession.findUnique({ where: { id: sid } });
  if (!row) return null;
  const now = new Date();
  const state = sessionState(row, now, SESSION_LIMITS);
  if (state === "revoked") return null;
  if (state !== "active") {
    await db.userSession.updateMany({ where: { id: sid, revokedAt: null }, data: { revokedAt: now, revokedReason: state } });
    return null;
  }
  if (shouldTouch(row.lastSeenAt, now)) await db.userSession.updateMany({ where: { id: sid, revokedAt: null }, data: { lastSeenAt: now } });
  return row.userId;
}

export async function revokeSession(sid: string, reason: string): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(sid)) return;
  await db.userSession.updateMany({ where: { id: sid, revokedAt: null }, data: { revokedAt: new Date(), revokedReason: reason } });
}

/** Ends every open session of the user (disabled by an administrator). */
export async function revokeUserSessions(userId: string, reason: string): Promise<number> {
  const { count } = await db.userSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date(), revokedReason: reason } });
  return count;
}
