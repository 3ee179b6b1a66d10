import "server-only";
import { db, Prisma } from "@/lib/db/client";
import { insertAudit } from "@/lib/db/audit";

// Users as single sign-on sees them (lib/auth/oidc.ts#matchOidcUser decides; this reads and writes).

const candidateSelect = {
  id: true,
  email: true,
  name: true,
  oidcSubject: true,
  disabledAt: true,
  _count: { select: { memberships: true } },
} as const;

type CandidateRow = Prisma.UserGetPayload<{ select: typeof candidateSelect }>;

const toCandidate = (u: CandidateRow) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  oidcSubject: u.oidcSubject,
  disabled: u.disabledAt !== null,
  membershipCount: u._count.memberships,
});

/** The user linked to this subject, and the users whose e-mail equals this one ignoring case (at most two: enough to see an ambiguity). Disabled users too. */
export async function findOidcCandidates(subject: string, email: string | undefined) {
  const [bySubject, byEmail] = await Promise.all([
    db.user.findUnique({ where: { oidcSubject: subject }, select: candidateSelect }),
    email ? db.user.findMany({ where: { email: { equals: email, mode: "insensitive" } }, select: candidateSelect, orderBy: { createdAt: "asc" }, take: 2 }) : [],
  ]);
  return { bySubject: bySubject ? toCandidate(bySubject) : null, byEmail: byEmail.map(toCandidate) };
}

/**
 * Stores the subject on a user matched by e-mail (the first SSO sign-in), with its audit row, in
 * one transaction. A conditional write: only while the user has no subject (or already this one).
 * False when another sign-in linked the user or the subject to someone else in the meantime.
 */
export async function linkOidcSubject(userId: string, subject: string): Promise<boolean> {
  try {
    return await db.$transaction(async (tx) => {
      const { count } = await tx.user.updateMany({ where: { id: userId, OR: [{ oidcSubject: null }, { oidcSubject: subject }] }, data: { oidcSubject: subject } });
      if (count === 0) return false;
      await insertAudit(tx, { actorId: userId, action: "auth.oidcLinked", entityType: "user", entityId: userId, after: { method: "oidc", matchedBy: "email", subject } });
      return true;
    });
  } catch (error) {
    // The subject is already another user's (User_oidcSubject_key).
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
    throw error;
  }
}
