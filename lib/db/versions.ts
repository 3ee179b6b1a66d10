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
export async function listPlanComments(planId: string) {
  const rows = await db.reviewComment.findMany({
    where: { planId },
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
export async function listPlanAudit(planId: string, filter: { actorId?: string; entityType?: string }) {
  return db.auditLog.findMany({
    where: { planId, ...(filter.actorId ? { actorId: filter.actorId } : {}), ...(filter.entityType ? { entityType: filter.entityType } : {}) },
    orderBy: { id: "desc" },
    take: 500,
    select: { id: true, at: true, action: true, entityType: true, entityId: true, before: true, after: true, actor: { select: { id: true, name: true } } },
  });
}
