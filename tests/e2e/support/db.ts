import pg from "pg";
import { CENTRAL_AREA_NAMES } from "@/lib/domain/areas";
import { CENTRAL_AREAS, type CentralArea } from "@/lib/domain/types";

// Direct database access for the e2e tests: set up rows a test needs, and check what the
// server really stored (a refused request must leave its row exactly as it was).

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: the e2e tests read the app's database directly.");
  return url;
}

export async function query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export type ProblemRow = { id: string; areaId: string; collectiveName: string | null; description: string; version: number };

/** The first problem of a plan (first area, first problem), as stored. */
export async function firstProblemOfPlan(districtSlug: string, year: number): Promise<ProblemRow> {
  const [row] = await query<ProblemRow>(
    `SELECT pr."id", pr."areaId", pr."collectiveName", pr."description", pr."version"
       FROM "Problem" pr
       JOIN "PriorityArea" a ON a."id" = pr."areaId"
       JOIN "Plan" p ON p."id" = a."planId"
       JOIN "District" d ON d."id" = p."districtId"
      WHERE d."slug" = $1 AND p."year" = $2
      ORDER BY a."position", pr."position", pr."createdAt", pr."id"
      LIMIT 1`,
    [districtSlug, year],
  );
  if (!row) throw new Error(`No problem in ${districtSlug} ${year}: is the database seeded?`);
  return row;
}

export async function getProblem(id: string): Promise<ProblemRow | undefined> {
  const [row] = await query<ProblemRow>(`SELECT "id", "areaId", "collectiveName", "description", "version" FROM "Problem" WHERE "id" = $1`, [id]);
  return row;
}

export async function getMeasure(id: string): Promise<{ id: string; description: string; version: number } | undefined> {
  const [row] = await query<{ id: string; description: string; version: number }>(`SELECT "id", "description", "version" FROM "Measure" WHERE "id" = $1`, [id]);
  return row;
}

/** The id of a plan's area, by its name. */
export async function areaId(districtSlug: string, year: number, areaName: string): Promise<string> {
  const [row] = await query<{ id: string }>(
    `SELECT a."id" FROM "PriorityArea" a
       JOIN "Plan" p ON p."id" = a."planId"
       JOIN "District" d ON d."id" = p."districtId"
      WHERE d."slug" = $1 AND p."year" = $2 AND a."name" = $3`,
    [districtSlug, year, areaName],
  );
  if (!row) throw new Error(`No area "${areaName}" in ${districtSlug} ${year}.`);
  return row.id;
}

/** A problem → cause → measure chain (no goal) at the end of an area, for a test to work on; delete it with deleteProblem. */
export async function insertChain(areaIdValue: string, text: { collectiveName: string; problem: string; cause: string; measure: string }) {
  const [problem] = await query<{ id: string }>(
    `INSERT INTO "Problem" ("areaId", "collectiveName", "description", "position")
     SELECT $1, $2, $3, COALESCE(MAX("position") + 1, 0) FROM "Problem" WHERE "areaId" = $1
     RETURNING "id"`,
    [areaIdValue, text.collectiveName, text.problem],
  );
  const [cause] = await query<{ id: string }>(`INSERT INTO "Cause" ("problemId", "description", "position") VALUES ($1, $2, 0) RETURNING "id"`, [problem!.id, text.cause]);
  const [measure] = await query<{ id: string }>(`INSERT INTO "Measure" ("causeId", "description", "position") VALUES ($1, $2, 0) RETURNING "id"`, [cause!.id, text.measure]);
  return { problemId: problem!.id, causeId: cause!.id, measureId: measure!.id };
}

/** Deletes problems (with their causes, measures and goals: ON DELETE CASCADE) by collective name. */
export async function deleteProblemsNamed(collectiveName: string): Promise<void> {
  await query(`DELETE FROM "Problem" WHERE "collectiveName" = $1`, [collectiveName]);
}

// ---------------------------------------------------------------------------------------------
// Whole plans of a test's own (the workflow test): find a free year, fill areas, delete the plan.

/** A year in [from, to] for which the district has no plan yet (random, so runs do not collide). */
export async function unusedPlanYear(districtSlug: string, from: number, to: number): Promise<number> {
  const rows = await query<{ year: number }>(
    `SELECT p."year" FROM "Plan" p JOIN "District" d ON d."id" = p."districtId" WHERE d."slug" = $1 AND p."year" BETWEEN $2 AND $3`,
    [districtSlug, from, to],
  );
  const taken = new Set(rows.map((r) => r.year));
  const free = Array.from({ length: to - from + 1 }, (_, i) => from + i).filter((y) => !taken.has(y));
  if (free.length === 0) throw new Error(`No free plan year ${from}–${to} in ${districtSlug}.`);
  return free[Math.floor(Math.random() * free.length)]!;
}

export async function planId(districtSlug: string, year: number): Promise<string | undefined> {
  const [row] = await query<{ id: string }>(
    `SELECT p."id" FROM "Plan" p JOIN "District" d ON d."id" = p."districtId" WHERE d."slug" = $1 AND p."year" = $2`,
    [districtSlug, year],
  );
  return row?.id;
}

/** The plan's status, version counter and number of frozen versions, as stored. */
export async function planState(id: string): Promise<{ status: string; version: number; versions: number }> {
  const [row] = await query<{ status: string; version: number; versions: number }>(
    `SELECT p."status", p."version", (SELECT COUNT(*)::int FROM "PlanVersion" v WHERE v."planId" = p."id") AS "versions" FROM "Plan" p WHERE p."id" = $1`,
    [id],
  );
  if (!row) throw new Error(`No plan ${id}.`);
  return row;
}

export type CompleteChainText = {
  collectiveName: string;
  problem: string;
  cause: string;
  measure: string;
  goal: string;
  /** Default: Stadsdelsförvaltningen. */
  organisation?: string;
  withPolice?: boolean;
};

/** A complete problem → cause → measure (line work, one responsible party) → goal chain at the end of an area. */
export async function insertCompleteChain(areaIdValue: string, text: CompleteChainText) {
  const chain = await insertChain(areaIdValue, text);
  await query(`UPDATE "Measure" SET "deadlineKind" = 'ONGOING', "kind" = 'ONGOING_WORK', "withPolice" = $2 WHERE "id" = $1`, [chain.measureId, text.withPolice ?? false]);
  await query(`INSERT INTO "ResponsibleParty" ("measureId", "organisation", "role", "position") VALUES ($1, $2, NULL, 0)`, [chain.measureId, text.organisation ?? "Stadsdelsförvaltningen"]);
  const [goal] = await query<{ id: string }>(`INSERT INTO "Goal" ("measureId", "description", "position") VALUES ($1, $2, 0) RETURNING "id"`, [chain.measureId, text.goal]);
  return { ...chain, goalId: goal!.id };
}

/**
 * Deletes a plan with everything in it, its decisions, versions, comments, follow-up and its
 * audit rows (AuditLog has no foreign key to the plan). In one transaction, children first.
 */
export async function deletePlanById(id: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    await client.query("BEGIN");
    const rounds = `SELECT "id" FROM "FollowUpRound" WHERE "planId" = $1`;
    const areas = `SELECT "id" FROM "PriorityArea" WHERE "planId" = $1`;
    for (const sql of [
      `DELETE FROM "Decision" WHERE "planId" = $1`,
      `DELETE FROM "ReviewComment" WHERE "planId" = $1`,
      `DELETE FROM "PlanVersion" WHERE "planId" = $1`,
      `DELETE FROM "GoalFollowUp" WHERE "roundId" IN (${rounds})`,
      `DELETE FROM "MeasureFollowUp" WHERE "roundId" IN (${rounds})`,
      `DELETE FROM "FollowUpRound" WHERE "planId" = $1`,
      `DELETE FROM "ImportSession" WHERE "planId" = $1`,
      // Problems cascade to causes → measures → responsible parties, goals, co-signatures.
      `DELETE FROM "Problem" WHERE "areaId" IN (${areas})`,
      `DELETE FROM "PriorityArea" WHERE "planId" = $1`,
      `DELETE FROM "Plan" WHERE "id" = $1`,
      `DELETE FROM "AuditLog" WHERE "planId" = $1`,
    ]) {
      await client.query(sql, [id]);
    }
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK");
    throw e;
  } finally {
    await client.end();
  }
}

/** Deletes the district's plans in [from, to] that hold a problem whose collective name starts with `marker` (a test's leftovers). */
export async function deleteMarkedPlans(districtSlug: string, from: number, to: number, marker: string): Promise<number[]> {
  const rows = await query<{ id: string; year: number }>(
    `SELECT DISTINCT p."id", p."year" FROM "Plan" p
       JOIN "District" d ON d."id" = p."districtId"
       JOIN "PriorityArea" a ON a."planId" = p."id"
       JOIN "Problem" pr ON pr."areaId" = a."id"
      WHERE d."slug" = $1 AND p."year" BETWEEN $2 AND $3 AND pr."collectiveName" LIKE $4`,
    [districtSlug, from, to, `${marker.replace(/[\\%_]/g, "\\$&")}%`],
  );
  for (const row of rows) await deletePlanById(row.id);
  return rows.map((r) => r.year);
}

// ---------------------------------------------------------------------------------------------
// A DRAFT plan of a test's own (the demo plans Farsta 2025 and Skärholmen 2025 are decided and
// read-only): created straight in the database the way the app creates a plan
// (lib/db/plans.ts#insertPlanWithCentralAreas: the five central areas, named and ordered by
// lib/domain/areas.ts), with one complete chain in the first area, and deleted afterwards.

export type DraftPlan = {
  id: string;
  districtSlug: string;
  year: number;
  /** "/plans/farsta/2047" */
  base: string;
  /** Area id by central area. */
  areaIds: Record<CentralArea, string>;
  /** The chain in the first area (Unga i riskzon): its problem is "Problem 1" there. */
  chain: { problemId: string; causeId: string; measureId: string; goalId: string; collectiveName: string };
};

/** Every draft plan's chain has a collective name starting with this: how leftovers are found (deleteMarkedPlans). */
export const DRAFT_PLAN_MARKER = "E2E utkast";
export const DRAFT_PLAN_YEARS = { from: 2030, to: 2099 } as const;

/** A DRAFT plan for a free year 2030–2099 of the district, with the five central areas and one chain. */
export async function insertDraftPlan(districtSlug: string): Promise<DraftPlan> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      const year = await unusedPlanYear(districtSlug, DRAFT_PLAN_YEARS.from, DRAFT_PLAN_YEARS.to);
      try {
        await client.query("BEGIN");
        const plan = await client.query<{ id: string }>(
          `INSERT INTO "Plan" ("districtId", "year") SELECT "id", $2 FROM "District" WHERE "slug" = $1 RETURNING "id"`,
          [districtSlug, year],
        );
        const id = plan.rows[0]?.id;
        if (!id) throw new Error(`No district "${districtSlug}": is the database seeded?`);
        const areaIds = {} as Record<CentralArea, string>;
        for (const [position, centralArea] of CENTRAL_AREAS.entries()) {
          const area = await client.query<{ id: string }>(
            `INSERT INTO "PriorityArea" ("planId", "centralArea", "name", "position") VALUES ($1, $2, $3, $4) RETURNING "id"`,
            [id, centralArea, CENTRAL_AREA_NAMES[centralArea], position],
          );
          areaIds[centralArea] = area.rows[0]!.id;
        }
        const collectiveName = `${DRAFT_PLAN_MARKER} ${year}`;
        const one = async (sql: string, params: unknown[]) => (await client.query<{ id: string }>(sql, params)).rows[0]!.id;
        const problemId = await one(`INSERT INTO "Problem" ("areaId", "collectiveName", "description", "position") VALUES ($1, $2, $3, 0) RETURNING "id"`, [
          areaIds.YOUTH_AT_RISK,
          collectiveName,
          "Unga samlas vid centrum på kvällarna och det blir bråk",
        ]);
        const causeId = await one(`INSERT INTO "Cause" ("problemId", "description", "position") VALUES ($1, $2, 0) RETURNING "id"`, [problemId, "Få vuxna är ute på kvällarna"]);
        const measureId = await one(
          `INSERT INTO "Measure" ("causeId", "description", "kind", "deadlineKind", "position") VALUES ($1, $2, 'ONGOING_WORK', 'ONGOING', 0) RETURNING "id"`,
          [causeId, "Fältassistenter är ute fredag och lördag kväll"],
        );
        await client.query(`INSERT INTO "ResponsibleParty" ("measureId", "organisation", "role", "position") VALUES ($1, 'Stadsdelsförvaltningen', 'Fältassistent', 0)`, [measureId]);
        const goalId = await one(`INSERT INTO "Goal" ("measureId", "description", "position") VALUES ($1, $2, 0) RETURNING "id"`, [measureId, "Minst 80 kvällar under året"]);
        await client.query("COMMIT");
        return { id, districtSlug, year, base: `/plans/${districtSlug}/${year}`, areaIds, chain: { problemId, causeId, measureId, goalId, collectiveName } };
      } catch (e) {
        await client.query("ROLLBACK");
        // Someone took the year between the look-up and the insert (Plan_districtId_year_key): try another.
        if (attempt < 3 && e instanceof Error && "code" in e && e.code === "23505") continue;
        throw e;
      }
    }
  } finally {
    await client.end();
  }
}

/** Deletes the draft plans of earlier, interrupted runs (their chain carries DRAFT_PLAN_MARKER). */
export async function deleteDraftPlanLeftovers(districtSlug: string): Promise<number[]> {
  return deleteMarkedPlans(districtSlug, DRAFT_PLAN_YEARS.from, DRAFT_PLAN_YEARS.to, DRAFT_PLAN_MARKER);
}

// ---------------------------------------------------------------------------------------------
// Follow-up (decided plans): what is stored, and putting a plan's follow-up back as it was.

export async function userId(email: string): Promise<string> {
  const [row] = await query<{ id: string }>(`SELECT "id" FROM "User" WHERE "email" = $1`, [email]);
  if (!row) throw new Error(`No user ${email}: is the database seeded?`);
  return row.id;
}

export type AreaMeasure = {
  id: string;
  /** As the app numbers it: "Åtgärd 2.1.1" (problem.cause.measure, 1-based, in position order). */
  label: string;
  description: string;
  withPolice: boolean;
  deadlineKind: string | null;
  goals: { id: string; label: string; description: string }[];
};

/** An area's measures with their goals, in the order and with the labels the app shows. */
export async function measuresOfArea(areaIdValue: string): Promise<AreaMeasure[]> {
  const rows = await query<{ problemId: string; causeId: string; measureId: string; description: string; withPolice: boolean; deadlineKind: string | null }>(
    `SELECT p."id" AS "problemId", c."id" AS "causeId", m."id" AS "measureId", m."description", m."withPolice", m."deadlineKind"::text AS "deadlineKind"
       FROM "Problem" p JOIN "Cause" c ON c."problemId" = p."id" JOIN "Measure" m ON m."causeId" = c."id"
      WHERE p."areaId" = $1
      ORDER BY p."position", c."position", m."position"`,
    [areaIdValue],
  );
  const goals = await query<{ id: string; measureId: string; description: string }>(
    `SELECT g."id", g."measureId", g."description" FROM "Goal" g WHERE g."measureId" = ANY($1::uuid[]) ORDER BY g."position"`,
    [rows.map((r) => r.measureId)],
  );
  // The app numbers problems and causes that have no measure too: count them all.
  const problems = await query<{ id: string }>(`SELECT "id" FROM "Problem" WHERE "areaId" = $1 ORDER BY "position"`, [areaIdValue]);
  const causes = await query<{ id: string; problemId: string }>(
    `SELECT c."id", c."problemId" FROM "Cause" c JOIN "Problem" p ON p."id" = c."problemId" WHERE p."areaId" = $1 ORDER BY c."position"`,
    [areaIdValue],
  );
  const measureIndex = new Map<string, number>();
  return rows.map((r) => {
    const pi = problems.findIndex((p) => p.id === r.problemId) + 1;
    const ci = causes.filter((c) => c.problemId === r.problemId).findIndex((c) => c.id === r.causeId) + 1;
    const mi = (measureIndex.get(r.causeId) ?? 0) + 1;
    measureIndex.set(r.causeId, mi);
    return {
      id: r.measureId,
      label: `Åtgärd ${pi}.${ci}.${mi}`,
      description: r.description,
      withPolice: r.withPolice,
      deadlineKind: r.deadlineKind,
      goals: goals.filter((g) => g.measureId === r.measureId).map((g, gi) => ({ id: g.id, label: `Mål ${gi + 1}`, description: g.description })),
    };
  });
}

export type GoalFollowUpRow = { goalId: string; status: string | null; version: number; updatedById: string | null };
export type MeasureFollowUpRow = { measureId: string; text: string; version: number; updatedById: string | null };

/** The stored follow-up of these goals in one round of a plan (absent goals have none). */
export async function goalFollowUps(planIdValue: string, round: string, goalIds: string[]): Promise<Map<string, GoalFollowUpRow>> {
  const rows = await query<GoalFollowUpRow>(
    `SELECT f."goalId", f."status"::text AS "status", f."version", f."updatedById" FROM "GoalFollowUp" f JOIN "FollowUpRound" r ON r."id" = f."roundId"
      WHERE r."planId" = $1 AND r."kind" = $2::"FollowUpRoundKind" AND f."goalId" = ANY($3::uuid[])`,
    [planIdValue, round, goalIds],
  );
  return new Map(rows.map((r) => [r.goalId, r]));
}

export async function measureFollowUp(planIdValue: string, round: string, measureId: string): Promise<MeasureFollowUpRow | undefined> {
  const [row] = await query<MeasureFollowUpRow>(
    `SELECT f."measureId", f."text", f."version", f."updatedById" FROM "MeasureFollowUp" f JOIN "FollowUpRound" r ON r."id" = f."roundId"
      WHERE r."planId" = $1 AND r."kind" = $2::"FollowUpRoundKind" AND f."measureId" = $3`,
    [planIdValue, round, measureId],
  );
  return row;
}

/** The one goal of the plan whose latest status is "flyttas till nästa år", with its chain (errors unless there is exactly one). */
export async function theMovedGoal(planIdValue: string) {
  const rows = await query<{
    goalId: string;
    goal: string;
    measureId: string;
    measure: string;
    causeId: string;
    cause: string;
    problemId: string;
    problem: string;
    collectiveName: string | null;
    areaId: string;
    areaName: string;
    centralArea: string | null;
  }>(
    `SELECT g."id" AS "goalId", g."description" AS "goal", m."id" AS "measureId", m."description" AS "measure", c."id" AS "causeId", c."description" AS "cause",
            p."id" AS "problemId", p."description" AS "problem", p."collectiveName", a."id" AS "areaId", a."name" AS "areaName", a."centralArea"::text AS "centralArea"
       FROM "GoalFollowUp" f
       JOIN "FollowUpRound" r ON r."id" = f."roundId"
       JOIN "Goal" g ON g."id" = f."goalId" JOIN "Measure" m ON m."id" = g."measureId" JOIN "Cause" c ON c."id" = m."causeId"
       JOIN "Problem" p ON p."id" = c."problemId" JOIN "PriorityArea" a ON a."id" = p."areaId"
      WHERE r."planId" = $1 AND f."status" = 'MOVED_TO_NEXT_YEAR'`,
    [planIdValue],
  );
  if (rows.length !== 1) throw new Error(`Expected exactly one goal moved to next year, found ${rows.length}: is the database freshly seeded?`);
  return rows[0]!;
}

/** Everything in a plan below its areas, with where each row was carried from (next year's plan). */
export async function planContent(planIdValue: string) {
  const areas = await query<{ id: string; name: string; centralArea: string | null; position: number }>(
    `SELECT "id", "name", "centralArea"::text AS "centralArea", "position" FROM "PriorityArea" WHERE "planId" = $1 ORDER BY "position"`,
    [planIdValue],
  );
  const inPlan = `SELECT "id" FROM "PriorityArea" WHERE "planId" = $1`;
  const problems = await query<{ id: string; areaId: string; collectiveName: string | null; description: string; carriedFromId: string | null }>(
    `SELECT "id", "areaId", "collectiveName", "description", "carriedFromId" FROM "Problem" WHERE "areaId" IN (${inPlan})`,
    [planIdValue],
  );
  const causes = await query<{ id: string; problemId: string; description: string; carriedFromId: string | null }>(
    `SELECT c."id", c."problemId", c."description", c."carriedFromId" FROM "Cause" c JOIN "Problem" p ON p."id" = c."problemId" WHERE p."areaId" IN (${inPlan})`,
    [planIdValue],
  );
  const measures = await query<{ id: string; causeId: string; description: string; deadlineKind: string | null; carriedFromId: string | null }>(
    `SELECT m."id", m."causeId", m."description", m."deadlineKind"::text AS "deadlineKind", m."carriedFromId"
       FROM "Measure" m JOIN "Cause" c ON c."id" = m."causeId" JOIN "Problem" p ON p."id" = c."problemId" WHERE p."areaId" IN (${inPlan})`,
    [planIdValue],
  );
  const goals = await query<{ id: string; measureId: string; description: string; carriedFromId: string | null }>(
    `SELECT g."id", g."measureId", g."description", g."carriedFromId"
       FROM "Goal" g JOIN "Measure" m ON m."id" = g."measureId" JOIN "Cause" c ON c."id" = m."causeId" JOIN "Problem" p ON p."id" = c."problemId" WHERE p."areaId" IN (${inPlan})`,
    [planIdValue],
  );
  return { areas, problems, causes, measures, goals };
}

/** A plan's follow-up as stored: its rounds and every goal and measure row in them, whole. */
export type FollowUpSnapshot = { planId: string; takenAt: string; rounds: string; goals: string; measures: string; counts: { rounds: number; goals: number; measures: number } };

export async function snapshotFollowUp(planIdValue: string): Promise<FollowUpSnapshot> {
  const rounds = `SELECT "id" FROM "FollowUpRound" WHERE "planId" = $1`;
  const [row] = await query<{ takenAt: string; rounds: unknown[] | null; goals: unknown[] | null; measures: unknown[] | null }>(
    `SELECT to_json(clock_timestamp())#>>'{}' AS "takenAt",
            (SELECT json_agg(r) FROM "FollowUpRound" r WHERE r."planId" = $1) AS "rounds",
            (SELECT json_agg(g) FROM "GoalFollowUp" g WHERE g."roundId" IN (${rounds})) AS "goals",
            (SELECT json_agg(m) FROM "MeasureFollowUp" m WHERE m."roundId" IN (${rounds})) AS "measures"`,
    [planIdValue],
  );
  const list = (x: unknown[] | null | undefined) => x ?? [];
  return {
    planId: planIdValue,
    takenAt: row!.takenAt,
    rounds: JSON.stringify(list(row?.rounds)),
    goals: JSON.stringify(list(row?.goals)),
    measures: JSON.stringify(list(row?.measures)),
    counts: { rounds: list(row?.rounds).length, goals: list(row?.goals).length, measures: list(row?.measures).length },
  };
}

/**
 * Puts a plan's follow-up back exactly as the snapshot holds it (rounds, goal and measure rows
 * with their ids, versions, authors and times) and deletes the follow-up audit rows written since.
 * In one transaction.
 */
export async function restoreFollowUp(s: FollowUpSnapshot): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    await client.query("BEGIN");
    const rounds = `SELECT "id" FROM "FollowUpRound" WHERE "planId" = $1`;
    await client.query(`DELETE FROM "GoalFollowUp" WHERE "roundId" IN (${rounds})`, [s.planId]);
    await client.query(`DELETE FROM "MeasureFollowUp" WHERE "roundId" IN (${rounds})`, [s.planId]);
    await client.query(`DELETE FROM "FollowUpRound" WHERE "planId" = $1 AND "id" NOT IN (SELECT "id" FROM json_populate_recordset(NULL::"FollowUpRound", $2::json))`, [s.planId, s.rounds]);
    await client.query(
      `UPDATE "FollowUpRound" r SET "kind" = o."kind", "completedAt" = o."completedAt", "completedById" = o."completedById", "createdAt" = o."createdAt", "version" = o."version"
         FROM json_populate_recordset(NULL::"FollowUpRound", $1::json) o WHERE r."id" = o."id"`,
      [s.rounds],
    );
    await client.query(`INSERT INTO "FollowUpRound" SELECT o.* FROM json_populate_recordset(NULL::"FollowUpRound", $1::json) o WHERE o."id" NOT IN (SELECT "id" FROM "FollowUpRound")`, [s.rounds]);
    await client.query(`INSERT INTO "GoalFollowUp" SELECT * FROM json_populate_recordset(NULL::"GoalFollowUp", $1::json)`, [s.goals]);
    await client.query(`INSERT INTO "MeasureFollowUp" SELECT * FROM json_populate_recordset(NULL::"MeasureFollowUp", $1::json)`, [s.measures]);
    await client.query(`DELETE FROM "AuditLog" WHERE "planId" = $1 AND "action" LIKE 'followUp.%' AND "at" >= $2::timestamptz`, [s.planId, s.takenAt]);
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK");
    throw e;
  } finally {
    await client.end();
  }
}
