import "server-only";
import { latestStatus, ROUND_KINDS, type GoalStatus, type RoundKind } from "@/lib/domain/follow-up";
import { db, type Tx } from "@/lib/db/client";

export type RoundRow = { id: string; kind: RoundKind; version: number; completedAt: Date | null; completedByName: string | null };
export type GoalFollowUpRow = {
  goalId: string;
  status: GoalStatus | null;
  outcomeValue: number | null;
  comment: string | null;
  version: number;
  updatedByName: string | null;
  updatedAt: Date;
};
export type MeasureFollowUpRow = { measureId: string; text: string; version: number; updatedByName: string | null; updatedAt: Date };

export type PlanFollowUp = {
  rounds: Map<RoundKind, RoundRow>;
  goals: Map<RoundKind, Map<string, GoalFollowUpRow>>;
  measures: Map<RoundKind, Map<string, MeasureFollowUpRow>>;
};

/** Every round of the plan with what has been written in it, by round and then by goal/measure. */
export async function getPlanFollowUp(planId: string, client: Tx = db): Promise<PlanFollowUp> {
  const rounds = await client.followUpRound.findMany({
    where: { planId },
    include: {
      goals: { include: { updatedBy: { select: { name: true } } } },
      measures: { include: { updatedBy: { select: { name: true } } } },
    },
  });
  const completers = await client.user.findMany({
    where: { id: { in: rounds.flatMap((r) => (r.completedById ? [r.completedById] : [])) } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(completers.map((u) => [u.id, u.name]));
  const out: PlanFollowUp = { rounds: new Map(), goals: new Map(), measures: new Map() };
  for (const r of rounds) {
    out.rounds.set(r.kind, {
      id: r.id,
      kind: r.kind,
      version: r.version,
      completedAt: r.completedAt,
      completedByName: r.completedById ? (nameOf.get(r.completedById) ?? null) : null,
    });
    out.goals.set(
      r.kind,
      new Map(
        r.goals.map((g) => [
          g.goalId,
          {
            goalId: g.goalId,
            status: g.status,
            outcomeValue: g.outcomeValue === null ? null : Number(g.outcomeValue),
            comment: g.comment,
            version: g.version,
            updatedByName: g.updatedBy?.name ?? null,
            updatedAt: g.updatedAt,
          },
        ]),
      ),
    );
    out.measures.set(
      r.kind,
      new Map(r.measures.map((m) => [m.measureId, { measureId: m.measureId, text: m.text, version: m.version, updatedByName: m.updatedBy?.name ?? null, updatedAt: m.updatedAt }])),
    );
  }
  return out;
}

/** Each goal's latest status over the rounds (year end over T2 over T1). */
export function latestStatuses(f: PlanFollowUp): (goalId: string) => GoalStatus | null {
  return (goalId) =>
    latestStatus({
      T1: f.goals.get("T1")?.get(goalId)?.status ?? null,
      T2: f.goals.get("T2")?.get(goalId)?.status ?? null,
      YEAR_END: f.goals.get("YEAR_END")?.get(goalId)?.status ?? null,
    });
}

/**
 * The round's row, created when it does not exist yet, locked for the rest of the transaction
 * (writers of one round are serialized; each bumps the round's version). `seenVersion` is the
 * version a page that read the round before this call would have shown (0 if it is new).
 */
export async function lockRound(tx: Tx, planId: string, kind: RoundKind) {
  const created = await tx.$executeRaw`
    INSERT INTO "FollowUpRound" ("id", "planId", "kind") VALUES (gen_random_uuid(), ${planId}::uuid, ${kind}::"FollowUpRoundKind")
    ON CONFLICT ("planId", "kind") DO NOTHING`;
  const [round] = await tx.$queryRaw<{ id: string; version: number; completedAt: Date | null }[]>`
    SELECT "id", "version", "completedAt"
    FROM "FollowUpRound" WHERE "planId" = ${planId}::uuid AND "kind" = ${kind}::"FollowUpRoundKind" FOR UPDATE`;
  if (!round) throw new Error("follow-up round vanished");
  // What a page showed for this round: 0 when the round did not exist yet.
  return { ...round, seenVersion: created > 0 ? 0 : round.version };
}

/** Where carried-over items came from: id in last year's plan → link and year ("från 2025"). */
export async function getCarriedOrigins(ids: string[]): Promise<Map<string, { year: number; href: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<{ id: string; kind: string; year: number; slug: string; areaId: string }[]>`
    SELECT x."id", x."kind", pl."year", d."slug", a."id" AS "areaId" FROM (
      SELECT g."id", 'goal' AS "kind", p."areaId" FROM "Goal" g JOIN "Measure" m ON m."id" = g."measureId" JOIN "Cause" c ON c."id" = m."causeId" JOIN "Problem" p ON p."id" = c."problemId" WHERE g."id" = ANY(${ids}::uuid[])
      UNION ALL
      SELECT m."id", 'measure', p."areaId" FROM "Measure" m JOIN "Cause" c ON c."id" = m."causeId" JOIN "Problem" p ON p."id" = c."problemId" WHERE m."id" = ANY(${ids}::uuid[])
      UNION ALL
      SELECT c."id", 'cause', p."areaId" FROM "Cause" c JOIN "Problem" p ON p."id" = c."problemId" WHERE c."id" = ANY(${ids}::uuid[])
      UNION ALL
      SELECT p."id", 'problem', p."areaId" FROM "Problem" p WHERE p."id" = ANY(${ids}::uuid[])
    ) x
    JOIN "PriorityArea" a ON a."id" = x."areaId" JOIN "Plan" pl ON pl."id" = a."planId" JOIN "District" d ON d."id" = pl."districtId"`;
  return new Map(rows.map((r) => [r.id, { year: r.year, href: `/plans/${r.slug}/${r.year}/areas/${r.areaId}#${r.kind}-${r.id}` }]));
}

/** Decided plans of these districts, or of the districts these police areas serve, newest first ("my measures"). */
export async function listDecidedPlansFor(districtIds: string[], policeAreaIds: string[]) {
  if (districtIds.length === 0 && policeAreaIds.length === 0) return [];
  return db.plan.findMany({
    where: {
      status: { in: ["DECIDED", "ACCEPTED", "COUNCIL_DECIDED"] },
      OR: [{ districtId: { in: districtIds } }, { district: { policeAreas: { some: { policeAreaId: { in: policeAreaIds } } } } }],
    },
    orderBy: [{ year: "desc" }],
    select: { id: true, year: true, districtId: true, district: { select: { slug: true, name: true, policeAreas: { select: { policeAreaId: true } } } } },
  });
}

/** Per plan, its rounds and whether each is done (the plan list shows them to the review group and everyone). */
export async function listRoundStates(planIds: string[]): Promise<Map<string, { kind: RoundKind; done: boolean }[]>> {
  if (planIds.length === 0) return new Map();
  const rows = await db.followUpRound.findMany({ where: { planId: { in: planIds } }, select: { planId: true, kind: true, completedAt: true } });
  const out = new Map<string, { kind: RoundKind; done: boolean }[]>();
  for (const r of rows) out.set(r.planId, [...(out.get(r.planId) ?? []), { kind: r.kind, done: r.completedAt !== null }]);
  for (const list of out.values()) list.sort((a, b) => ROUND_KINDS.indexOf(a.kind) - ROUND_KINDS.indexOf(b.kind));
  return out;
}
