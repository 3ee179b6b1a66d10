import "server-only";
import type { Actor, Membership } from "@/lib/domain/types";
import { db } from "@/lib/db/client";

/** The signed-in user with their memberships, read fresh on every request (a removed role stops working at once). */
export async function getActorById(userId: string): Promise<Actor | null> {
  const user = await db.user.findFirst({
    where: { id: userId, disabledAt: null },
    include: {
      memberships: {
        include: { district: { select: { municipalityId: true } }, policeArea: { select: { municipalityId: true } } },
      },
    },
  });
  if (!user) return null;
  const memberships: Membership[] = user.memberships.flatMap((m): Membership[] => {
    if ((m.role === "STRATEGIST" || m.role === "STEERING_GROUP") && m.districtId && m.district) {
      return [{ role: m.role, districtId: m.districtId, municipalityId: m.district.municipalityId }];
    }
    if (m.role === "POLICE" && m.policeAreaId && m.policeArea) {
      return [{ role: "POLICE", policeAreaId: m.policeAreaId, municipalityId: m.policeArea.municipalityId }];
    }
    if ((m.role === "REVIEW_GROUP" || m.role === "ADMIN") && m.municipalityId) {
      return [{ role: m.role, municipalityId: m.municipalityId }];
    }
    return [];
  });
  return { userId: user.id, email: user.email, name: user.name, memberships };
}

export async function findUserForSignIn(email: string) {
  return db.user.findFirst({
    where: { email: email.trim().toLowerCase(), disabledAt: null },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
}

/** A new hash of the user's password (a stronger kind, after a successful sign-in). */
export async function updatePasswordHash(userId: string, passwordHash: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { passwordHash } });
}
