import "server-only";
import { visibleAreas } from "@/lib/domain/confidential";
import { notFound } from "next/navigation";
import { goalsInContext, isFollowUpStatus, roundOfSlug } from "@/lib/domain/follow-up";
import { authorize } from "@/lib/domain/permissions";
import { requirePlan } from "@/lib/auth/plan-access";
import { getPlanFollowUp } from "@/lib/db/follow-up";
import { getPlanTree } from "@/lib/db/plans";

/** A round of a decided plan, with what the user may do in it (pages only; actions check again). */
export async function loadRound(slug: string, yearParam: string, roundSlug: string) {
  const access = await requirePlan(slug, yearParam);
  const round = roundOfSlug(roundSlug);
  if (!round || !isFollowUpStatus(access.plan.status)) notFound();
  const [areas, followUp] = await Promise.all([getPlanTree(access.plan.id).then((a) => visibleAreas(a, access.canReadConfidential)), getPlanFollowUp(access.plan.id)]);
  const { actor, district } = access;
  const row = followUp.rounds.get(round);
  const goals = goalsInContext(areas).map((g) => ({ ...g, status: followUp.goals.get(round)?.get(g.id)?.status ?? null }));
  return {
    ...access,
    round,
    areas,
    followUp,
    goals,
    roundVersion: row?.version ?? 0,
    completed: row?.completedAt ? { at: row.completedAt, by: row.completedByName } : null,
    canWrite: authorize(actor, "followUp.write", { scope: district }).ok,
    canAssess: authorize(actor, "followUp.assess", { scope: district }).ok,
    isPolice: actor.memberships.some((m) => m.role === "POLICE" && district.policeAreaIds.includes(m.policeAreaId)),
    planRef: { districtSlug: district.slug, year: access.plan.year },
    base: `/plans/${district.slug}/${access.plan.year}/follow-up`,
  };
}
