import pg from "pg";

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
