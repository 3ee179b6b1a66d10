// Which scope each role is held in, and the rule that an administrator cannot lock themselves out.
import type { Role } from "./types";

export type ScopeKind = "district" | "policeArea" | "municipality";

export const ROLE_SCOPE: Record<Role, ScopeKind> = {
  STRATEGIST: "district",
  STEERING_GROUP: "district",
  POLICE: "policeArea",
  REVIEW_GROUP: "municipality",
  ADMIN: "municipality",
};

export const SCOPE_MESSAGES: Record<ScopeKind, string> = {
  district: "Välj det stadsdelsområde rollen gäller.",
  policeArea: "Välj det lokalpolisområde rollen gäller.",
  municipality: "Rollen gäller hela kommunen: välj inget stadsdelsområde eller lokalpolisområde.",
};

/** Removing or disabling must leave the municipality at least one active administrator other than a self-removal. */
export function canRemoveAdminRole(input: { actorUserId: string; targetUserId: string; role: Role; activeAdminCount: number }): { ok: true } | { ok: false; message: string } {
  if (input.role !== "ADMIN") return { ok: true };
  if (input.actorUserId === input.targetUserId) return { ok: false, message: "Du kan inte ta bort din egen administratörsroll." };
  if (input.activeAdminCount <= 1) return { ok: false, message: "Kommunen måste ha minst en administratör." };
  return { ok: true };
}
