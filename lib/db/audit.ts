import "server-only";
import { db, type Tx } from "@/lib/db/client";
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

/** The row as stored: no plan is null, before/after as plain JSON. */
function rowOf(e: Omit<AuditEntry, "actorId"> & { actorId: string | null }) {
  return {
    actorId: e.actorId,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    planId: e.planId ?? null,
    before: asJson(e.before),
    after: asJson(e.after),
  };
}

/** Appends one audit row, in the caller's transaction. */
export async function insertAudit(tx: Tx, e: AuditEntry) {
  await tx.auditLog.create({ data: rowOf(e) });
}

/** Appends many audit rows at once (an import), in the caller's transaction. */
export async function insertAudits(tx: Tx, entries: readonly AuditEntry[]) {
  if (entries.length === 0) return;
  await tx.auditLog.createMany({
    data: entries.map(rowOf),
  });
}

/**
 * An audit row about signing in or a refused permission check: written on its own (outside any
 * transaction, so a refused or failed attempt leaves a trace although it changes nothing) and
 * never failing the request it records — a lost audit row of a refusal must not turn it into a 500.
 */
export async function insertSecurityAudit(e: Omit<AuditEntry, "actorId"> & { actorId: string | null }): Promise<void> {
  try {
    await db.auditLog.create({ data: rowOf({ ...e, entityId: e.entityId.slice(0, 320) }) });
  } catch (error) {
    console.error(`audit: could not record ${e.action}`, error instanceof Error ? error.message : error);
  }
}
