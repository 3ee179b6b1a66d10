import "server-only";
import { Prisma } from "@/lib/db/client";

// SQL fragments more than one query needs. Each names the alias it expects.

/**
 * The latest follow-up status of goal `g` as text, or NULL: year end over T2 over T1, rounds
 * without a status skipped (lib/domain/follow-up.ts#latestStatus in SQL).
 */
export const LATEST_GOAL_STATUS = Prisma.sql`(
  SELECT f."status"::text FROM "GoalFollowUp" f JOIN "FollowUpRound" fr ON fr."id" = f."roundId"
  WHERE f."goalId" = g."id" AND f."status" IS NOT NULL
  ORDER BY CASE fr."kind" WHEN 'YEAR_END' THEN 3 WHEN 'T2' THEN 2 ELSE 1 END DESC
  LIMIT 1
)`;
