// Who may do what: one table, permission × role → how far the role's membership reaches.
// Every rule is scoped to one district of one municipality. Pure: the caller loads the
// actor's memberships and the district's scope (its municipality and serving police areas).
// Which plan status allows which step is the workflow's business (workflow.ts); the only
// status rule here is that content can be edited only in DRAFT or RETURNED.

import type { Actor, DistrictScope, Membership, PlanStatus, Role } from "./types";
import { ROLES } from "./types";

export const ALL_PERMISSIONS = [
  "plan.view",
  "plan.create",
  "plan.edit",
  "plan.submit",
  "plan.decide",
  "plan.returnFromSteering",
  "plan.review",
  "plan.councilDecision",
  "plan.reopen",
  "measure.cosign",
  "measure.readConfidential",
  "followUp.write",
  "followUp.assess",
  "comment.create",
  "audit.view",
  "admin.manage",
] as const;
export type Permission = (typeof ALL_PERMISSIONS)[number];

export type Authorization = { ok: true } | { ok: false; code: "FORBIDDEN" | "LOCKED"; message: string };

/**
 * How far a membership reaches:
 * - "district": only the district of the membership (strategist, steering group);
 * - "servingPoliceArea": every district that the membership's police area serves (police);
 * - "municipality": every district of the membership's municipality.
 * Never across municipalities, even when ids happen to match.
 */
export type Reach = "district" | "servingPoliceArea" | "municipality";

/** Per role, the reaches its kind of membership can have (a police membership has no district). */
export type Grant = {
  STRATEGIST?: "district" | "municipality";
  STEERING_GROUP?: "district" | "municipality";
  POLICE?: "servingPoliceArea";
  REVIEW_GROUP?: "municipality";
  ADMIN?: "municipality";
};

export type PermissionRule = {
  /** Roles that hold the permission, and how far. A role not listed never holds it. */
  grant: Grant;
  /** "editable": also needs the plan to be DRAFT or RETURNED (else LOCKED). */
  status: "any" | "editable";
  /** Key of the refusal in PERMISSION_MESSAGES. */
  forbidden: keyof typeof PERMISSION_MESSAGES;
};

export const PERMISSION_MESSAGES = {
  noRole: "Du har ingen roll i det här stadsdelsområdet.",
  cannotCreate: "Du har inte behörighet att skapa en plan i det här stadsdelsområdet.",
  cannotEdit: "Du har inte behörighet att ändra planen i det här stadsdelsområdet.",
  locked: "Planen är skickad eller beslutad och kan inte ändras. Ändringar görs i en ny version.",
  cannotSubmit: "Du har inte behörighet att skicka planen till styrgruppen. Det gör stadsdelsområdets trygghetsstrateg.",
  cannotDecide: "Du har inte behörighet att besluta planen. Det gör stadsdelsområdets lokala styrgrupp.",
  cannotReturnFromSteering:
    "Du har inte behörighet att skicka tillbaka planen till strategen. Det gör stadsdelsområdets lokala styrgrupp.",
  cannotReview: "Du har inte behörighet att granska planen. Det gör den stadsövergripande beredningsgruppen.",
  cannotRecordCouncilDecision:
    "Du har inte behörighet att registrera stadsdelsnämndens beslut. Det gör stadsdelsområdets trygghetsstrateg.",
  cannotReopen: "Du har inte behörighet att öppna planen för ändringar. Det gör stadsdelsområdets trygghetsstrateg.",
  cannotCosign:
    "Du har inte behörighet att skriva under åtgärden. Det gör polisen i ett lokalpolisområde som samverkar med stadsdelsområdet.",
  cannotReadConfidential: "Du har inte behörighet att se åtgärder med sekretess. De visas bara i sitt eget stadsdelsområde och för polisen där.",
  cannotFollowUp: "Du har inte behörighet att skriva uppföljning i det här stadsdelsområdet.",
  cannotAssess:
    "Du har inte behörighet att bedöma målen eller markera uppföljningen som klar. Det gör stadsdelsområdets trygghetsstrateg.",
  cannotComment: "Du har inte behörighet att kommentera planen i det här stadsdelsområdet.",
  cannotViewAudit: "Du har inte behörighet att se planens historik i det här stadsdelsområdet.",
  cannotManage: "Du har inte behörighet att administrera användare och stadsdelsområden i kommunen.",
} as const;

/** Who may view: everyone in the municipality with a role, police only where their area serves. */
const VIEWERS: Grant = {
  STRATEGIST: "municipality",
  STEERING_GROUP: "municipality",
  POLICE: "servingPoliceArea",
  REVIEW_GROUP: "municipality",
  ADMIN: "municipality",
};
/** The district's own strategist, or an administrator of the municipality. */
const STRATEGIST_OR_ADMIN: Grant = { STRATEGIST: "district", ADMIN: "municipality" };

/** The whole rule set. Read a row as: "<permission>: <role> in <reach>". */
export const PERMISSION_RULES: Readonly<Record<Permission, PermissionRule>> = {
  "plan.view": { grant: VIEWERS, status: "any", forbidden: "noRole" },
  "plan.create": { grant: STRATEGIST_OR_ADMIN, status: "any", forbidden: "cannotCreate" },
  "plan.edit": { grant: STRATEGIST_OR_ADMIN, status: "editable", forbidden: "cannotEdit" },
  "plan.submit": { grant: STRATEGIST_OR_ADMIN, status: "any", forbidden: "cannotSubmit" },
  "plan.decide": { grant: { STEERING_GROUP: "district" }, status: "any", forbidden: "cannotDecide" },
  "plan.returnFromSteering": { grant: { STEERING_GROUP: "district" }, status: "any", forbidden: "cannotReturnFromSteering" },
  "plan.review": { grant: { REVIEW_GROUP: "municipality" }, status: "any", forbidden: "cannotReview" },
  "plan.councilDecision": { grant: STRATEGIST_OR_ADMIN, status: "any", forbidden: "cannotRecordCouncilDecision" },
  "plan.reopen": { grant: STRATEGIST_OR_ADMIN, status: "any", forbidden: "cannotReopen" },
  "measure.cosign": { grant: { POLICE: "servingPoliceArea" }, status: "any", forbidden: "cannotCosign" },
  // Sekretess (lib/domain/confidential.ts): the district's own people and the police who work there.
  "measure.readConfidential": {
    grant: { STRATEGIST: "district", STEERING_GROUP: "district", POLICE: "servingPoliceArea", ADMIN: "municipality" },
    status: "any",
    forbidden: "cannotReadConfidential",
  },
  // Which plans and measures: lib/domain/follow-up.ts (decided plans; the police their measures).
  "followUp.write": { grant: { ...STRATEGIST_OR_ADMIN, POLICE: "servingPoliceArea" }, status: "any", forbidden: "cannotFollowUp" },
  "followUp.assess": { grant: STRATEGIST_OR_ADMIN, status: "any", forbidden: "cannotAssess" },
  "comment.create": {
    grant: { STRATEGIST: "district", STEERING_GROUP: "district", POLICE: "servingPoliceArea", REVIEW_GROUP: "municipality" },
    status: "any",
    forbidden: "cannotComment",
  },
  "audit.view": { grant: VIEWERS, status: "any", forbidden: "cannotViewAudit" },
  "admin.manage": { grant: { ADMIN: "municipality" }, status: "any", forbidden: "cannotManage" },
};

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

/** Does this one membership reach the district, as far as the grant allows? */
function reaches(m: Membership, grant: Grant, scope: DistrictScope): boolean {
  if (m.municipalityId !== scope.municipalityId) return false;
  const reach: Reach | undefined = grant[m.role];
  switch (reach) {
    case undefined:
      return false;
    case "municipality":
      return true;
    case "district":
      return "districtId" in m && m.districtId === scope.districtId;
    case "servingPoliceArea":
      return "policeAreaId" in m && scope.policeAreaIds.includes(m.policeAreaId);
  }
}

/**
 * May the actor do this in the district? One membership that the table allows is enough.
 * FORBIDDEN (with the permission's own message) when no membership allows it; for plan.edit,
 * LOCKED when the role allows it but the plan is not DRAFT/RETURNED (a missing status counts
 * as not editable). FORBIDDEN wins over LOCKED.
 */
export function authorize(
  actor: Actor,
  permission: Permission,
  ctx: { scope: DistrictScope; planStatus?: PlanStatus },
): Authorization {
  const rule = PERMISSION_RULES[permission];
  if (!actor.memberships.some((m) => reaches(m, rule.grant, ctx.scope))) {
    return { ok: false, code: "FORBIDDEN", message: PERMISSION_MESSAGES[rule.forbidden] };
  }
  if (rule.status === "editable" && (ctx.planStatus === undefined || !isEditableStatus(ctx.planStatus))) {
    return { ok: false, code: "LOCKED", message: PERMISSION_MESSAGES.locked };
  }
  return { ok: true };
}

/**
 * Every permission the actor has in the district, in ALL_PERMISSIONS order: exactly those for
 * which `authorize` says ok with the same status (so without a status, no plan.edit).
 */
export function permissionsFor(actor: Actor, scope: DistrictScope, planStatus?: PlanStatus): Permission[] {
  return ALL_PERMISSIONS.filter((permission) => authorize(actor, permission, { scope, planStatus }).ok);
}

/** The districts where the actor is strategist (each once, in membership order). */
export function districtsActorCanEdit(actor: Actor): string[] {
  const ids: string[] = [];
  for (const m of actor.memberships) {
    if (m.role === "STRATEGIST" && !ids.includes(m.districtId)) ids.push(m.districtId);
  }
  return ids;
}
