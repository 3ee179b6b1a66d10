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
