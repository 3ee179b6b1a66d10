import "server-only";
import { isSmart, smartCheck, type SmartFlag } from "@/lib/domain/smart";
import { isMeasureFiltered, listLevel, type ReviewFilter, type ReviewListKind } from "@/lib/domain/review-filter";
import type { CentralArea, Deadline, PlanStatus } from "@/lib/domain/types";
import type { GoalStatus } from "@/lib/domain/follow-up";
import { db, Prisma } from "@/lib/db/client";
import { LATEST_GOAL_STATUS } from "@/lib/db/sql";

// The review console (/review/{year}): districts × priority areas of one year, counted by the
// database. Nothing here loads a plan tree: one aggregation query for the counts, one light
// query of goal texts for the SMART share (see below).

export type { ReviewFilter };

export type ReviewCounts = {
  problems: number;
  causes: number;
  measures: number;
  goals: number;
  /** Measures with the police: withPolice, or a police party among the responsible (cosign.ts#needsPoliceSignature). */
  policeMeasures: number;
  /** Measures overdue on `today` (follow-up.ts#isOverdue). */
  overdueMeasures: number;
  /** Goals without any SMART flag (smart.ts#isSmart with the measure's deadline). */
  smartGoals: number;
};

/** Where a row of the matrix is: its plan, district and priority area. */
type ReviewPlace = {
  planId: string;
  planStatus: PlanStatus;
  planUpdatedAt: Date;
  districtId: string;
  districtName: string;
  districtSlug: string;
  areaId: string;
  areaName: string;
  centralArea: CentralArea | null;
  areaPosition: number;
};

export type ReviewRow = ReviewCounts & ReviewPlace;

export type ReviewMatrix = { rows: ReviewRow[]; total: ReviewCounts & { plans: number } };

/**
 * lib/domain/responsible.ts#isPoliceParty as a PostgreSQL regular expression (matched with ~*,
 * case-insensitive): "polis" anywhere, or "lpo" as a word of its own. The TS rule's \p{L} ("any
 * letter") is written as [[:alpha:]] plus the Latin-1 letters (å, ä, ö, é, ü…), because
 * [[:alpha:]] only knows ASCII letters under the C locale (and in PGlite).
 * tests/integration/review-console.test.ts proves the two agree on the demo data.
 */
export const POLICE_PARTY_SQL_REGEX = "polis|(?<![[:alpha:]À-ÖØ-öø-ÿ])lpo(?![[:alpha:]À-ÖØ-öø-ÿ])";

const num = (v: bigint | number | null | undefined) => Number(v ?? 0);

const emptyCounts = (): ReviewCounts => ({ problems: 0, causes: 0, measures: 0, goals: 0, policeMeasures: 0, overdueMeasures: 0, smartGoals: 0 });

/**
 * The matrix for the plans of `year` in these municipalities, one row per priority area of each
 * plan (district name, then area position), and the city-wide total.
 *
 * Without a measure filter (withPolice, organisation, tag) problems, causes, measures and goals are
 * exactly the summary tab (lib/db/plans.ts#getPlanSummary). With one, only the matching measures
 * and their goals are counted, and only the problems and causes above them.
 *
 * `today` (YYYY-MM-DD, Swedish calendar day) decides which measures are overdue.
 */
export async function reviewMatrix(
  municipalityIds: string[],
  year: number,
  filter: ReviewFilter = {},
  today: string = new Date().toISOString().slice(0, 10),
): Promise<ReviewMatrix> {
  if (municipalityIds.length === 0) return { rows: [], total: { ...emptyCounts(), plans: 0 } };
  const measureFiltered = isMeasureFiltered(filter);
  const measureWhere = measureFilterSql(filter);

  const rows = await db.$queryRaw<
    (ReviewPlace & {
      problems: bigint | null;
      causes: bigint | null;
      measures: bigint | null;
      goals: bigint | null;
      policeMeasures: bigint | null;
      overdueMeasures: bigint | null;
    })[]
  >`
    WITH ${reviewCtes(municipalityIds, year, filter, today)},
    ms AS (
      SELECT "areaId", COUNT(*) AS "measures", COUNT(*) FILTER (WHERE "police") AS "policeMeasures",
             COUNT(*) FILTER (WHERE "overdue") AS "overdueMeasures",
             COUNT(DISTINCT "problemId") AS "problems", COUNT(DISTINCT "causeId") AS "causes"
      FROM mf GROUP BY "areaId"
    ),
    gs AS (
      SELECT mf."areaId", COUNT(*) AS "goals" FROM "Goal" g JOIN mf ON mf."id" = g."measureId" GROUP BY mf."areaId"
    ),
    ps AS (
      SELECT p."areaId", COUNT(DISTINCT p."id") AS "problems", COUNT(c."id") AS "causes"
      FROM "Problem" p JOIN ar ON ar."id" = p."areaId" LEFT JOIN "Cause" c ON c."problemId" = p."id"
      GROUP BY p."areaId"
    )
    SELECT ar."planId", ar."status"::text AS "planStatus", ar."updatedAt" AS "planUpdatedAt",
           ar."districtId", ar."districtName", ar."districtSlug",
           ar."id" AS "areaId", ar."name" AS "areaName", ar."centralArea"::text AS "centralArea", ar."position" AS "areaPosition",
           CASE WHEN ${measureFiltered} THEN ms."problems" ELSE ps."problems" END AS "problems",
           CASE WHEN ${measureFiltered} THEN ms."causes" ELSE ps."causes" END AS "causes",
           ms."measures", gs."goals", ms."policeMeasures", ms."overdueMeasures"
    FROM ar
    LEFT JOIN ms ON ms."areaId" = ar."id"
    LEFT JOIN gs ON gs."areaId" = ar."id"
    LEFT JOIN ps ON ps."areaId" = ar."id"
    ORDER BY ar."districtName", ar."districtId", ar."position"`;

  const smart = await smartGoalsPerArea(
    rows.map((r) => r.areaId),
    measureWhere,
  );

  const out: ReviewRow[] = rows.map((r) => ({
    planId: r.planId,
    planStatus: r.planStatus,
    planUpdatedAt: r.planUpdatedAt,
    districtId: r.districtId,
    districtName: r.districtName,
    districtSlug: r.districtSlug,
    areaId: r.areaId,
    areaName: r.areaName,
    centralArea: r.centralArea,
    areaPosition: r.areaPosition,
    problems: num(r.problems),
    causes: num(r.causes),
    measures: num(r.measures),
    goals: num(r.goals),
    policeMeasures: num(r.policeMeasures),
    overdueMeasures: num(r.overdueMeasures),
    smartGoals: smart.get(r.areaId) ?? 0,
  }));
  const total = { ...emptyCounts(), plans: new Set(out.map((r) => r.planId)).size };
  for (const r of out) {
    for (const k of Object.keys(emptyCounts()) as (keyof ReviewCounts)[]) total[k] += r[k];
  }
  return { rows: out, total };
}

/**
 * The two CTEs the matrix and the lists share: `ar`, the priority areas of the year's plans in
 * these municipalities (after the plan and area filters), and `mf`, their measures that pass the
 * measure filter, each with whether it is done with the police and whether it is overdue on `today`.
 */
function reviewCtes(municipalityIds: string[], year: number, filter: ReviewFilter, today: string): Prisma.Sql {
  return Prisma.sql`
    ar AS (
      SELECT a."id", a."name", a."centralArea", a."position", pl."id" AS "planId", pl."status", pl."updatedAt",
             d."id" AS "districtId", d."name" AS "districtName", d."slug" AS "districtSlug"
      FROM "Plan" pl
      JOIN "District" d ON d."id" = pl."districtId"
      JOIN "PriorityArea" a ON a."planId" = pl."id"
      WHERE d."municipalityId" = ANY(${municipalityIds}::uuid[]) AND pl."year" = ${year}
        AND (${filter.districtId ?? null}::uuid IS NULL OR pl."districtId" = ${filter.districtId ?? null}::uuid)
        AND (${filter.areaId ?? null}::uuid IS NULL OR a."id" = ${filter.areaId ?? null}::uuid)
        AND (${filter.status ?? null}::text IS NULL OR pl."status"::text = ${filter.status ?? null}::text)
        AND (${filter.area ?? null}::text IS NULL OR a."centralArea"::text = ${filter.area ?? null}::text)
    ),
    mf AS (
      SELECT m."id", p."areaId", c."id" AS "causeId", p."id" AS "problemId", ${policeSql} AS "police",
             -- follow-up.ts#isOverdue: a date that has passed, and no goal or a goal whose latest
             -- status (year end over T2 over T1, rounds without a status skipped) is not MET/MOVED.
             (m."deadlineKind" = 'DATE' AND m."deadlineDate" IS NOT NULL AND m."deadlineDate" < ${today}::date AND (
               NOT EXISTS (SELECT 1 FROM "Goal" g WHERE g."measureId" = m."id")
               OR EXISTS (
                 SELECT 1 FROM "Goal" g
                 WHERE g."measureId" = m."id" AND COALESCE(${LATEST_GOAL_STATUS}, 'NONE') NOT IN ('MET', 'MOVED_TO_NEXT_YEAR')
               )
             )) AS "overdue"
      FROM "Measure" m
      JOIN "Cause" c ON c."id" = m."causeId"
      JOIN "Problem" p ON p."id" = c."problemId"
      JOIN ar ON ar."id" = p."areaId"
      WHERE ${measureFilterSql(filter)}
    )`;
}

/** Where an item of a list is: district, plan year's area, and the chain above it. */
export type ReviewItem = {
  id: string;
  districtName: string;
  districtSlug: string;
  areaId: string;
  areaName: string;
  problem: string;
  problemId: string;
  cause: string | null;
  causeId: string | null;
  /** Measure level and goal level. */
  measure: { id: string; description: string; police: boolean; overdue: boolean; deadline: Deadline; responsible: string[]; goalStatuses: (GoalStatus | null)[] } | null;
  /** Goal level. */
  goal: { description: string; targetValue: number | null; qualitative: boolean; status: GoalStatus | null; smartFlags: SmartFlag[] } | null;
};

export type ReviewList = { items: ReviewItem[]; total: number };

/** A row of a list query; the columns of the lower levels are absent from the higher levels' queries. */
type ItemRow = {
  id: string;
  districtName: string;
  districtSlug: string;
  areaId: string;
  areaName: string;
  problemId: string;
  collectiveName: string | null;
  problemDescription: string;
  causeId?: string | null;
  causeDescription?: string | null;
  measureId?: string | null;
  measureDescription?: string | null;
  police?: boolean | null;
  overdue?: boolean | null;
  deadlineKind?: "DATE" | "ONGOING" | null;
  deadlineDate?: Date | null;
  deadlineNote?: string | null;
  responsible?: string[] | null;
  goalStatuses?: string[] | null;
  goalDescription?: string | null;
  targetValue?: number | null;
  qualitative?: boolean | null;
  goalStatus?: string | null;
};

/**
 * The list behind one cell of the matrix (or of its total row, without `filter.areaId`): the very
 * problems, causes, measures or goals the cell counts, with the same filter, in plan order
 * (district, area, then the chain). `kind` is the column. At most `limit` items; `total` is how
 * many there are — the cell's number.
 */
export async function reviewList(
  municipalityIds: string[],
  year: number,
  filter: ReviewFilter,
  kind: ReviewListKind,
  today: string = new Date().toISOString().slice(0, 10),
  limit = 500,
): Promise<ReviewList> {
  if (municipalityIds.length === 0) return { items: [], total: 0 };
  const ctes = reviewCtes(municipalityIds, year, filter, today);
  const measureFiltered = isMeasureFiltered(filter);
  const level = listLevel(kind);
  const order = Prisma.sql`ORDER BY ar."districtName", ar."districtId", ar."position", p."position", p."id"`;
  const place = Prisma.sql`ar."districtName", ar."districtSlug", ar."id" AS "areaId", ar."name" AS "areaName",
    p."id" AS "problemId", p."collectiveName", p."description" AS "problemDescription"`;
  // The goal-level SMART list is decided in TypeScript (smart.ts), so it reads every goal and cuts after.
  const sqlLimit = kind === "smart" ? null : limit;

  let rows: (ItemRow & { total: bigint })[];
  if (level === "problem") {
    rows = await db.$queryRaw`
      WITH ${ctes}
      SELECT p."id", ${place}, COUNT(*) OVER () AS "total"
      FROM "Problem" p JOIN ar ON ar."id" = p."areaId"
      WHERE NOT ${measureFiltered} OR EXISTS (SELECT 1 FROM mf WHERE mf."problemId" = p."id")
      ${order} LIMIT ${sqlLimit}`;
  } else if (level === "cause") {
    rows = await db.$queryRaw`
      WITH ${ctes}
      SELECT c."id", ${place}, c."id" AS "causeId", c."description" AS "causeDescription", COUNT(*) OVER () AS "total"
      FROM "Cause" c JOIN "Problem" p ON p."id" = c."problemId" JOIN ar ON ar."id" = p."areaId"
      WHERE NOT ${measureFiltered} OR EXISTS (SELECT 1 FROM mf WHERE mf."causeId" = c."id")
      ${order}, c."position", c."id" LIMIT ${sqlLimit}`;
  } else {
    const measureCols = Prisma.sql`c."id" AS "causeId", c."description" AS "causeDescription",
      m."id" AS "measureId", m."description" AS "measureDescription", mf."police", mf."overdue",
      m."deadlineKind"::text AS "deadlineKind", m."deadlineDate", m."deadlineNote",
      ARRAY(SELECT r."organisation" || COALESCE(' – ' || NULLIF(r."role", ''), '') FROM "ResponsibleParty" r WHERE r."measureId" = m."id" ORDER BY r."position", r."id") AS "responsible",
      ARRAY(SELECT ${LATEST_GOAL_STATUS} FROM "Goal" g WHERE g."measureId" = m."id" ORDER BY g."position", g."id") AS "goalStatuses"`;
    const from = Prisma.sql`FROM mf JOIN "Measure" m ON m."id" = mf."id" JOIN "Cause" c ON c."id" = mf."causeId"
      JOIN "Problem" p ON p."id" = mf."problemId" JOIN ar ON ar."id" = mf."areaId"`;
    const chainOrder = Prisma.sql`${order}, c."position", c."id", m."position", m."id"`;
    if (level === "measure") {
      rows = await db.$queryRaw`
        WITH ${ctes}
        SELECT m."id", ${place}, ${measureCols}, COUNT(*) OVER () AS "total"
        ${from}
        WHERE (${kind !== "police"} OR mf."police") AND (${kind !== "overdue"} OR mf."overdue")
        ${chainOrder} LIMIT ${sqlLimit}`;
    } else {
      rows = await db.$queryRaw`
        WITH ${ctes}
        SELECT g."id", ${place}, ${measureCols}, g."description" AS "goalDescription", g."targetValue"::float8 AS "targetValue",
               g."qualitative", ${LATEST_GOAL_STATUS} AS "goalStatus", COUNT(*) OVER () AS "total"
        ${from} JOIN "Goal" g ON g."measureId" = m."id"
        ${chainOrder}, g."position", g."id" LIMIT ${sqlLimit}`;
    }
  }

  let items = rows.map(toItem);
  let total = num(rows[0]?.total);
  if (kind === "smart") {
    items = items.filter((i) => i.goal !== null && i.goal.smartFlags.length === 0);
    total = items.length;
    items = items.slice(0, limit);
  }
  return { items, total };
}

/** The district and name of one priority area of `year` in these municipalities (a cell of the matrix), or null. */
export async function reviewAreaPlace(municipalityIds: string[], year: number, areaId: string): Promise<{ districtName: string; areaName: string } | null> {
  if (municipalityIds.length === 0) return null;
  const [row] = await db.$queryRaw<{ districtName: string; areaName: string }[]>`
    SELECT d."name" AS "districtName", a."name" AS "areaName"
    FROM "PriorityArea" a JOIN "Plan" pl ON pl."id" = a."planId" JOIN "District" d ON d."id" = pl."districtId"
    WHERE a."id" = ${areaId}::uuid AND pl."year" = ${year} AND d."municipalityId" = ANY(${municipalityIds}::uuid[])`;
  return row ?? null;
}

function toDeadline(kind: "DATE" | "ONGOING" | null, date: Date | null, note: string | null): Deadline {
  if (kind === "DATE" && date) return { kind: "DATE", date: date.toISOString().slice(0, 10) };
  if (kind === "ONGOING") return { kind: "ONGOING" };
  return note ? { kind: "NONE", note } : { kind: "NONE" };
}

function toItem(r: ItemRow): ReviewItem {
  const deadline = toDeadline(r.deadlineKind ?? null, r.deadlineDate ?? null, r.deadlineNote ?? null);
  const measure =
    r.measureId != null
      ? {
          id: r.measureId,
          description: r.measureDescription ?? "",
          police: r.police === true,
          overdue: r.overdue === true,
          deadline,
          responsible: r.responsible ?? [],
          goalStatuses: (r.goalStatuses ?? []).map((s) => (s as GoalStatus | null) ?? null),
        }
      : null;
  const goal =
    r.goalDescription != null
      ? {
          description: r.goalDescription,
          targetValue: r.targetValue ?? null,
          qualitative: r.qualitative === true,
          status: (r.goalStatus as GoalStatus | null) ?? null,
          smartFlags: smartCheck({ description: r.goalDescription, targetValue: r.targetValue ?? null, qualitative: r.qualitative === true }, { measureDeadline: deadline }),
        }
      : null;
  return {
    id: r.id,
    districtName: r.districtName,
    districtSlug: r.districtSlug,
    areaId: r.areaId,
    areaName: r.areaName,
    problemId: r.problemId,
    problem: r.collectiveName ? `${r.collectiveName}: ${r.problemDescription}` : r.problemDescription,
    causeId: r.causeId ?? null,
    cause: r.causeDescription ?? null,
    measure,
    goal,
  };
}

/**
 * The SMART share. smartCheck (lib/domain/smart.ts) is a TypeScript rule of Swedish wording
 * (numbers as words, periods, vague verbs) that has no faithful SQL form, so it runs here, on a
 * light query of just the goals' own columns and their measure's deadline — one flat row per
 * goal, no plan tree. The same measure filter as the counts applies.
 */
async function smartGoalsPerArea(areaIds: string[], measureWhere: Prisma.Sql): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (areaIds.length === 0) return out;
  const goals = await db.$queryRaw<
    { goalId: string; areaId: string; description: string; targetValue: number | null; qualitative: boolean; deadlineKind: "DATE" | "ONGOING" | null; deadlineDate: Date | null }[]
  >`
    SELECT g."id" AS "goalId", p."areaId", g."description", g."targetValue"::float8 AS "targetValue", g."qualitative",
           m."deadlineKind"::text AS "deadlineKind", m."deadlineDate"
    FROM "Goal" g
    JOIN "Measure" m ON m."id" = g."measureId"
    JOIN "Cause" c ON c."id" = m."causeId"
    JOIN "Problem" p ON p."id" = c."problemId"
    WHERE p."areaId" = ANY(${areaIds}::uuid[]) AND ${measureWhere}`;
  for (const g of goals) {
    const deadline: Deadline =
      g.deadlineKind === "DATE" && g.deadlineDate
        ? { kind: "DATE", date: g.deadlineDate.toISOString().slice(0, 10) }
        : g.deadlineKind === "ONGOING"
          ? { kind: "ONGOING" }
          : { kind: "NONE" };
    const ok = isSmart(
      { description: g.description, targetValue: g.targetValue, qualitative: g.qualitative },
      { measureDeadline: deadline },
    );
    if (ok) out.set(g.areaId, (out.get(g.areaId) ?? 0) + 1);
  }
  return out;
}

/** Is measure m done with the police: withPolice, or a police party among the responsible (cosign.ts#needsPoliceSignature). */
const policeSql = Prisma.sql`(m."withPolice" OR EXISTS (
  SELECT 1 FROM "ResponsibleParty" r
  WHERE r."measureId" = m."id" AND (r."organisation" ~* ${POLICE_PARTY_SQL_REGEX} OR COALESCE(r."role", '') ~* ${POLICE_PARTY_SQL_REGEX})
))`;

/**
 * The measure filter on measure m, the same for the counts and the SMART share. Measures with
 * sekretess never count: the console compares districts and is read outside them (confidential.ts).
 */
function measureFilterSql(filter: ReviewFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`NOT m."confidential"`];
  if (filter.withPolice !== undefined) parts.push(Prisma.sql`${policeSql} = ${filter.withPolice}`);
  const organisation = (filter.organisation ?? "").trim();
  if (organisation) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "ResponsibleParty" r WHERE r."measureId" = m."id" AND strpos(lower(r."organisation"), lower(${organisation}::text)) > 0)`);
  }
  if (filter.tag === "youthStrategy") parts.push(Prisma.sql`m."youthStrategy"`);
  if (filter.tag === "violentExtremism") parts.push(Prisma.sql`m."violentExtremism"`);
  if (filter.followUp) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "Goal" g WHERE g."measureId" = m."id" AND COALESCE(${LATEST_GOAL_STATUS}, 'NONE') = ${filter.followUp}::text)`);
  }
  return Prisma.join(parts, " AND ");
}
