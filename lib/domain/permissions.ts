// Who may do what: a role → permission table, every rule scoped to one district of one
// municipality. Pure: the caller loads the actor's memberships and the district's scope.

import type { Actor, DistrictScope, Membership, PlanStatus, Role } from "./types";
import { ROLES } from "./types";

export type Permission = "plan.view" | "plan.create" | "plan.edit";

export type Authorization = { ok: true } | { ok: false; code: "FORBIDDEN" | "LOCKED"; message: string };

export const PERMISSION_MESSAGES = {
  noRole: "Du har ingen roll i det här stadsdelsområdet.",
  cannotCreate: "Du har inte behörighet att skapa en plan i det här stadsdelsområdet.",
  cannotEdit: "Du har inte behörighet att ändra planen i det här stadsdelsområdet.",
  locked: "Planen är skickad eller beslutad och kan inte ändras. Ändringar görs i en ny version.",
} as const;

/** What a user calls each role. */
export const ROLE_LABELS: Record<Role, string> = {
  STRATEGIST: "Trygghetsstrateg",
  POLICE: "Polis",
  STEERING_GROUP: "Lokal styrgrupp",
  REVIEW_GROUP: "Beredningsgrupp",
  ADMIN: "Administratör",
};

/** The Swedish labels of the given roles, each once, in the fixed role order: "Trygghetsstrateg, Polis". */
export function rolesLabel(roles: readonly Role[]): string {
  return ROLES.filter((role) => roles.includes(role))
    .map((role) => ROLE_LABELS[role])
    .join(", ");
}

const EDITABLE_STATUSES: ReadonlySet<PlanStatus> = new Set<PlanStatus>(["DRAFT", "RETURNED"]);

/** A plan's content can be changed only while it is a draft or has been sent back. */
export function isEditableStatus(status: PlanStatus): boolean {
  return EDITABLE_STATUSES.has(status);
}

function canView(m: Membership, scope: DistrictScope): boolean {
  if (m.municipalityId !== scope.municipalityId) return false;
  switch (m.role) {
    case "POLICE":
      return scope.policeAreaIds.includes(m.policeAreaId);
    case "STRATEGIST":
    case "STEERING_GROUP":
    case "REVIEW_GROUP":
    case "ADMIN":
      return true;
  }
}

function canWrite(m: Membership, scope: DistrictScope): boolean {
  if (m.municipalityId !== scope.municipalityId) return false;
  switch (m.role) {
    case "STRATEGIST":
      return m.districtId === scope.districtId;
    case "ADMIN":
      return true;
    case "POLICE":
    case "STEERING_GROUP":
    case "REVIEW_GROUP":
      return false;
  }
}

/**
 * view: a strategist, steering group, review group or admin membership in the district's
 * municipality, or police of a police area serving the district.
 * create/edit: a strategist of the district or an admin of its municipality; edit also needs
 * the plan to be DRAFT or RETURNED (a missing status counts as not editable).
 */
export function authorize(
  actor: Actor,
  permission: Permission,
  ctx: { scope: DistrictScope; planStatus?: PlanStatus },
): Authorization {
  const { scope, planStatus } = ctx;
  switch (permission) {
    case "plan.view":
      return actor.memberships.some((m) => canView(m, scope))
        ? { ok: true }
        : { ok: false, code: "FORBIDDEN", message: PERMISSION_MESSAGES.noRole };
    case "plan.create":
      return actor.memberships.some((m) => canWrite(m, scope))
        ? { ok: true }
        : { ok: false, code: "FORBIDDEN", message: PERMISSION_MESSAGES.cannotCreate };
    case "plan.edit":
      if (!actor.memberships.some((m) => canWrite(m, scope))) {
        return { ok: false, code: "FORBIDDEN", message: PERMISSION_MESSAGES.cannotEdit };
      }
      if (planStatus === undefined || !isEditableStatus(planStatus)) {
        return { ok: false, code: "LOCKED", message: PERMISSION_MESSAGES.locked };
      }
      return { ok: true };
  }
}

/** The districts where the actor is strategist (each once, in membership order). */
export function districtsActorCanEdit(actor: Actor): string[] {
  const ids: string[] = [];
  for (const m of actor.memberships) {
    if (m.role === "STRATEGIST" && !ids.includes(m.districtId)) ids.push(m.districtId);
  }
  return ids;
}
