import "server-only";
import { movePosition } from "@/lib/domain/hierarchy";
import { DomainError, MESSAGES, type ActionResult } from "@/lib/domain/result";
import type { Tx } from "@/lib/db/client";
import { insertAudit } from "@/lib/db/audit";
import {
  findCauseInPlan,
  findGoalInPlan,
  findMeasureInPlan,
  findProblemInPlan,
  siblingIds,
  writePositions,
} from "@/lib/db/chain";
import { ZDeleteInput, ZMoveInput } from "@/lib/validation/chain";
import { runPlanEdit } from "@/lib/actions/support/run-plan-edit";

// Delete and move work the same at every level of the chain; the level's own actions call these.
type ChainLevel = "problem" | "cause" | "measure" | "goal";

async function findInPlan(tx: Tx, level: ChainLevel, planId: string, id: string) {
  switch (level) {
    case "problem": {
      const row = await findProblemInPlan(tx, planId, id);
      return row && { row, parentId: row.areaId };
    }
    case "cause": {
      const row = await findCauseInPlan(tx, planId, id);
      return row && { row, parentId: row.problemId };
    }
    case "measure": {
      const row = await findMeasureInPlan(tx, planId, id);
      return row && { row, parentId: row.causeId };
    }
    case "goal": {
      const row = await findGoalInPlan(tx, planId, id);
      return row && { row, parentId: row.measureId };
    }
  }
}

async function deleteWhereVersion(tx: Tx, level: ChainLevel, id: string, version: number): Promise<number> {
  const where = { id, version };
  switch (level) {
    case "problem": {
      // Areas keep their problems (RESTRICT); a problem takes its causes, measures and goals with it (CASCADE).
      return (await tx.problem.deleteMany({ where })).count;
    }
    case "cause":
      return (await tx.cause.deleteMany({ where })).count;
    case "measure":
      return (await tx.measure.deleteMany({ where })).count;
    case "goal":
      return (await tx.goal.deleteMany({ where })).count;
  }
}

/** Deletes one row (and what hangs under it) when the user's version is still the current one. */
export function deleteChainRow(level: ChainLevel, raw: FormData | Record<string, unknown>): Promise<ActionResult<void>> {
  return runPlanEdit(raw, ZDeleteInput, async ({ tx, actor, plan, input }) => {
    const found = await findInPlan(tx, level, plan.id, input.id);
    if (!found) throw new DomainError("NOT_FOUND", MESSAGES.notFound);
    if ((await deleteWhereVersion(tx, level, input.id, input.version)) === 0) {
      throw new DomainError("CONFLICT", MESSAGES.conflict);
    }
    await insertAudit(tx, { actorId: actor.userId, action: `${level}.delete`, entityType: level, entityId: input.id, planId: plan.id, before: found.row });
  });
}

/** Moves one row a step up or down among its siblings. */
export function moveChainRow(level: ChainLevel, raw: FormData | Record<string, unknown>): Promise<ActionResult<void>> {
  return runPlanEdit(raw, ZMoveInput, async ({ tx, actor, plan, input }) => {
    const found = await findInPlan(tx, level, plan.id, input.id);
    if (!found) throw new DomainError("NOT_FOUND", MESSAGES.notFound);
    const before = await siblingIds(tx, level, found.parentId);
    const after = movePosition(before, input.id, input.direction);
    if (!after) return; // already first or last: nothing to do
    await writePositions(tx, level, after);
    await insertAudit(tx, { actorId: actor.userId, action: `${level}.move`, entityType: level, entityId: input.id, planId: plan.id, before: { order: before }, after: { order: after } });
  });
}
