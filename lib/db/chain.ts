import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import type { PlanStatus } from "@/lib/domain/types";
import { DomainError, MESSAGES } from "@/lib/domain/result";

// Reads and writes of the problem → cause → measure → goal chain. Every lookup is scoped to
// one plan: an id from another plan or district is simply not found.

/** Locks the plan row for the rest of the transaction (edits of one plan are serialized), bumps its version, returns its status. */
export async function lockPlanForEdit(tx: Tx, planId: string): Promise<PlanStatus> {
  const rows = await tx.$queryRaw<{ status: PlanStatus }[]>`
    UPDATE "Plan" SET "version" = "version" + 1, "updatedAt" = CURRENT_TIMESTAMP
    WHERE "id" = ${planId}::uuid RETURNING "status"`;
  const row = rows[0];
  if (!row) throw new DomainError("NOT_FOUND", MESSAGES.notFound);
  return row.status;
}

export const findAreaInPlan = (tx: Tx, planId: string, id: string) => tx.priorityArea.findFirst({ where: { id, planId } });
export const findProblemInPlan = (tx: Tx, planId: string, id: string) =>
  tx.problem.findFirst({ where: { id, area: { planId } } });
export const findCauseInPlan = (tx: Tx, planId: string, id: string) =>
  tx.cause.findFirst({ where: { id, problem: { area: { planId } } } });
export const findMeasureInPlan = (tx: Tx, planId: string, id: string) =>
  tx.measure.findFirst({ where: { id, cause: { problem: { area: { planId } } } }, include: { responsibleParties: true } });
export const findGoalInPlan = (tx: Tx, planId: string, id: string) =>
  tx.goal.findFirst({ where: { id, measure: { cause: { problem: { area: { planId } } } } } });

/** The levels of the chain as tables and their parent column (constants, never user input). */
export const LEVEL_TABLES = {
  area: { table: "PriorityArea", parent: "planId" },
  problem: { table: "Problem", parent: "areaId" },
  cause: { table: "Cause", parent: "problemId" },
  measure: { table: "Measure", parent: "causeId" },
  goal: { table: "Goal", parent: "measureId" },
} as const;
export type Level = keyof typeof LEVEL_TABLES;

/** The next free position under a parent. */
export async function nextPosition(tx: Tx, level: Level, parentId: string): Promise<number> {
  const { table, parent } = LEVEL_TABLES[level];
  const rows = await tx.$queryRaw<{ next: number }[]>`
    SELECT COALESCE(MAX("position") + 1, 0)::int AS "next" FROM ${Prisma.raw(`"${table}"`)}
    WHERE ${Prisma.raw(`"${parent}"`)} = ${parentId}::uuid`;
  return rows[0]?.next ?? 0;
}

/** The ids of the siblings under a parent, in their current order. */
export async function siblingIds(tx: Tx, level: Level, parentId: string): Promise<string[]> {
  const { table, parent } = LEVEL_TABLES[level];
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id"::text AS "id" FROM ${Prisma.raw(`"${table}"`)}
    WHERE ${Prisma.raw(`"${parent}"`)} = ${parentId}::uuid ORDER BY "position", "createdAt", "id"`;
  return rows.map((r) => r.id);
}

/** Writes positions 0..n-1 in the given order. */
export async function writePositions(tx: Tx, level: Level, orderedIds: string[]) {
  const { table } = LEVEL_TABLES[level];
  const positions = orderedIds.map((_, i) => i);
  await tx.$executeRaw`
    UPDATE ${Prisma.raw(`"${table}"`)} AS t SET "position" = v.pos
    FROM unnest(${orderedIds}::uuid[], ${positions}::int[]) AS v(id, pos) WHERE t."id" = v.id`;
}
