import "server-only";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditEntry = {
  actorId: string;
  action: string;
  entityType: string;
  entityId: string;
  planId?: string | null;
  before?: unknown;
  after?: unknown;
};

const asJson = (v: unknown) => (v === undefined || v === null ? undefined : (JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue));

/** Appends one audit row, in the caller's transaction. */
export async function insertAudit(tx: Tx, e: AuditEntry) {
  await tx.auditLog.create({
    data: {
      actorId: e.actorId,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      planId: e.planId ?? null,
      before: asJson(e.before),
      after: asJson(e.after),
    },
  });
}

/** Appends many audit rows at once (an import), in the caller's transaction. */
export async function insertAudits(tx: Tx, entries: readonly AuditEntry[]) {
  if (entries.length === 0) return;
  await tx.auditLog.createMany({
    data: entries.map((e) => ({
      actorId: e.actorId,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      planId: e.planId ?? null,
      before: asJson(e.before),
      after: asJson(e.after),
    })),
  });
}
