import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ROLE_LABELS } from "@/lib/domain/permissions";
import { db, type Tx } from "@/lib/db/client";

/** Freezes the plan's content as the next version number (a full snapshot), in the caller's transaction. */
export async function insertPlanVersion(tx: Tx, planId: string, createdById: string, reason: string, snapshot: unknown) {
  const last = await tx.planVersion.aggregate({ where: { planId }, _max: { number: true } });
  return tx.planVersion.create({
    data: { planId, number: (last._max.number ?? 0) + 1, createdById, reason, snapshot: JSON.parse(JSON.stringify(snapshot)) as Prisma.InputJsonValue },
  });
}

export async function listPlanVersions(planId: string) {
  return db.planVersion.findMany({
    where: { planId },
    orderBy: { number: "asc" },
    select: { id: true, number: true, reason: true, createdAt: true, createdBy: { select: { name: true } } },
  });
}

export async function getPlanVersion(planId: string, number: number) {
  return db.planVersion.findUnique({ where: { planId_number: { planId, number } }, include: { createdBy: { select: { name: true } } } });
}

/** The plan's decisions and who recorded them, in order. */
export async function listDecisions(planId: string) {
  return db.decision.findMany({
    where: { planId },
    orderBy: { createdAt: "asc" },
    select: { id: true, kind: true, decidedOn: true, paragraph: true, comment: true, createdAt: true, recordedBy: { select: { name: true } }, version: { select: { number: true } } },
  });
}

/** Comments on the plan or its measures, newest first, as the comment list shows them. */
/** `hiddenMeasureIds`: comments on these measures are left out (sekretess, for outsiders). */
export async function listPlanComments(planId: string, hiddenMeasureIds: ReadonlySet<string> = new Set()) {
  const rows = await db.reviewComment.findMany({
    where: { planId, ...(hiddenMeasureIds.size > 0 ? { OR: [{ measureId: null }, { measureId: { notIn: [...hiddenMeasureIds] } }] } : {}) },
    orderBy: { createdAt: "desc" },
    select: { id: true, body: true, measureId: true, createdAt: true, resolvedAt: true, author: { select: { name: true, memberships: { select: { role: true } } } } },
  });
  return rows.map((c) => ({
    id: c.id,
    body: c.body,
    measureId: c.measureId,
    createdAt: c.createdAt.toISOString(),
    resolvedAt: c.resolvedAt?.toISOString() ?? null,
    authorName: c.author.name,
    authorRole: c.author.memberships[0] ? ROLE_LABELS[c.author.memberships[0].role] : null,
    aboutMeasure: c.measureId !== null,
  }));
}

/** The plan's audit log, newest first, optionally filtered by person and by kind of object. */
/** `hiddenEntityIds`: rows about these never show (measures with sekretess, for a reader who may not see them). */
export async function listPlanAudit(planId: string, filter: { actorId?: string; entityType?: string; hiddenEntityIds?: string[] }) {
  return db.auditLog.findMany({
    where: {
      planId,
      ...(filter.actorId ? { actorId: filter.actorId } : {}),
      ...(filter.entityType ? { entityType: filter.entityType } : {}),
      ...(filter.hiddenEntityIds?.length ? { entityId: { notIn: filter.hiddenEntityIds } } : {}),
    },
    orderBy: { id: "desc" },
    take: 500,
    select: { id: true, at: true, action: true, entityType: true, entityId: true, before: true, after: true, actor: { select: { id: true, name: true } } },
  });
}

/**
 * Everything the audit log can name about the plan's measures with sekretess, so the history
 * page can hide it from outsiders: the measures, their goals, follow-up rows and comments. A
 * measure counts when it is confidential now, or was marked so and is gone (deleted): its history
 * stays hidden. A measure that is public now shows its whole history.
 */
export async function confidentialEntityIds(planId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH live AS (
      SELECT m."id"::text AS "id", m."confidential" FROM "Measure" m JOIN "Cause" c ON c."id" = m."causeId" JOIN "Problem" p ON p."id" = c."problemId"
      JOIN "PriorityArea" a ON a."id" = p."areaId" WHERE a."planId" = ${planId}::uuid
    ),
    marked AS (
      SELECT DISTINCT l."entityId"::text AS "id" FROM "AuditLog" l
      WHERE l."planId" = ${planId}::uuid AND l."entityType" = 'measure'
        AND (l."after"->>'confidential' = 'true' OR l."before"->>'confidential' = 'true')
    ),
    m AS (
      SELECT "id" FROM live WHERE "confidential"
      UNION SELECT "id" FROM marked WHERE "id" NOT IN (SELECT "id" FROM live)
    ),
    g AS (
      SELECT g."id"::text AS "id" FROM "Goal" g WHERE g."measureId"::text IN (SELECT "id" FROM m)
      UNION
      SELECT l."entityId"::text FROM "AuditLog" l
      WHERE l."planId" = ${planId}::uuid AND l."entityType" = 'goal'
        AND COALESCE(l."after"->>'measureId', l."before"->>'measureId') IN (SELECT "id" FROM m)
    )
    SELECT "id" FROM m
    UNION SELECT "id" FROM g
    UNION SELECT f."id"::text FROM "MeasureFollowUp" f WHERE f."measureId"::text IN (SELECT "id" FROM m)
    UNION SELECT f."id"::text FROM "GoalFollowUp" f WHERE f."goalId"::text IN (SELECT "id" FROM g)
    UNION SELECT r."id"::text FROM "ReviewComment" r WHERE r."measureId"::text IN (SELECT "id" FROM m)
    UNION SELECT l."entityId"::text FROM "AuditLog" l
      WHERE l."planId" = ${planId}::uuid AND l."entityType" = 'comment' AND l."after"->>'measureId' IN (SELECT "id" FROM m)`;
  return rows.map((r) => r.id);
}
