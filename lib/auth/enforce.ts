import "server-only";
import { authorize, type Authorization, type Permission } from "@/lib/domain/permissions";
import type { Actor, DistrictScope, PlanStatus } from "@/lib/domain/types";
import { insertSecurityAudit } from "@/lib/db/audit";

/**
 * `authorize` at the points that enforce it (server actions, the plan pages' 403): the same
 * answer, and a refusal is written to the audit log — who tried what, where — before the caller
 * turns it into its error.
 */
export async function enforce(actor: Actor, permission: Permission, ctx: { scope: DistrictScope; planStatus?: PlanStatus; planId?: string }): Promise<Authorization> {
  const result = authorize(actor, permission, ctx);
  if (!result.ok) {
    await insertSecurityAudit({
      actorId: actor.userId,
      action: "auth.refused",
      entityType: "permission",
      entityId: permission,
      planId: ctx.planId ?? null,
      after: { permission, code: result.code, districtId: ctx.scope.districtId || null, municipalityId: ctx.scope.municipalityId },
    });
  }
  return result;
}
