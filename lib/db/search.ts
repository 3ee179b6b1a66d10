import "server-only";
import { MATCH_END, MATCH_START, SEARCH_LIMITS, withEllipses, type SearchKind } from "@/lib/domain/search";
import type { GoalStatus } from "@/lib/domain/follow-up";
import { db } from "@/lib/db/client";
import { LATEST_GOAL_STATUS } from "@/lib/db/sql";

// Search and the measure library, by PostgreSQL full-text search with the Swedish configuration.
// Every table of the chain has a generated "searchVector" column with a GIN index (migration
// 0005). Who sees what is decided by the caller (lib/domain/confidential.ts#readerReach): only
// districts in `viewable`, and confidential measures (and their goals) only in `confidential`.

export type Reach = { viewable: string[]; confidential: string[] };

export type SearchHit = {
  kind: SearchKind;
  id: string;
  rank: number;
  /** ts_headline of the hit's own text, matched words between MATCH_START and MATCH_END, "…" where it was cut. */
  headline: string;
  districtName: string;
  districtSlug: string;
  year: number;
  areaId: string;
  areaName: string;
  problem: string;
  cause: string | null;
  measure: string | null;
  /** The measure of a measure or goal hit (for "Liknande åtgärder" and copying). */
  measureId: string | null;
  confidential: boolean;
};

export type SearchFilter = { year?: number; districtId?: string };

/**
 * Problems, causes, measures and goals whose text matches `query` (web-search syntax: words,
 * "a phrase", or, -word), best first, at most SEARCH_LIMITS.hits, and how many matched in all.
 */
export async function searchPlans(query: string, reach: Reach, filter: SearchFilter = {}): Promise<{ hits: SearchHit[]; total: number }> {
  if (reach.viewable.length === 0) return { hits: [], total: 0 };
  const year = filter.year ?? null;
  const districtId = filter.districtId ?? null;
  const headlineOptions = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=60, MinWords=25`;
  // The plans of the reach first (one municipality's districts × years in practice), then each
  // table's GIN index on ("planId", "searchVector") (migration 0007) answers "these words in these
  // plans" directly; the chain above a hit (problem, area) is joined only for the hits shown.
  const rows = await db.$queryRaw<(SearchHit & { total: bigint; text: string })[]>`
    WITH q AS (SELECT websearch_to_tsquery('swedish', ${query}) AS q),
    plans AS MATERIALIZED (
      SELECT pl."id" AS "planId", pl."year", d."id" AS "districtId", d."name" AS "districtName", d."slug" AS "districtSlug",
             d."id" = ANY(${reach.confidential}::uuid[]) AS "readsConfidential"
      FROM "Plan" pl JOIN "District" d ON d."id" = pl."districtId"
      WHERE d."id" = ANY(${reach.viewable}::uuid[])
        AND (${year}::int IS NULL OR pl."year" = ${year}::int)
        AND (${districtId}::uuid IS NULL OR d."id" = ${districtId}::uuid)
    ),
    ids AS (SELECT ARRAY(SELECT "planId" FROM plans) AS ids),
    hits AS (
      SELECT 'problem'::text AS "kind", p."id", ts_rank_cd(p."searchVector", q.q) AS "rank",
             coalesce(p."collectiveName" || ': ', '') || p."description" AS "text", p."id" AS "problemId", NULL::uuid AS "causeId", NULL::uuid AS "measureId",
             false AS "confidential", p."planId"
      FROM "Problem" p, q, ids WHERE p."planId" = ANY(ids.ids) AND p."searchVector" @@ q.q
      UNION ALL
      SELECT 'cause', c."id", ts_rank_cd(c."searchVector", q.q), c."description", c."problemId", c."id", NULL::uuid, false, c."planId"
      FROM "Cause" c, q, ids WHERE c."planId" = ANY(ids.ids) AND c."searchVector" @@ q.q
      UNION ALL
      SELECT 'measure', m."id", ts_rank_cd(m."searchVector", q.q), m."description", NULL::uuid, m."causeId", m."id", m."confidential", m."planId"
      FROM "Measure" m, q, ids WHERE m."planId" = ANY(ids.ids) AND m."searchVector" @@ q.q
      UNION ALL
      SELECT 'goal', g."id", ts_rank_cd(g."searchVector", q.q), g."description", NULL::uuid, m."causeId", m."id", m."confidential", g."planId"
      FROM "Goal" g JOIN "Measure" m ON m."id" = g."measureId", q, ids WHERE g."planId" = ANY(ids.ids) AND g."searchVector" @@ q.q
    ),
    visible AS (
      SELECT h.*, pl."year", pl."districtName", pl."districtSlug", COUNT(*) OVER () AS "total"
      FROM hits h JOIN plans pl ON pl."planId" = h."planId"
      -- Sekretess: a confidential measure (and its goals) only where the reader may read it.
      WHERE NOT h."confidential" OR pl."readsConfidential"
      ORDER BY h."rank" DESC, pl."year" DESC, pl."districtName", h."kind", h."id"
      LIMIT ${SEARCH_LIMITS.hits}
    )
    -- The chain and ts_headline only for the hits shown: ts_headline re-parses the text.
    SELECT v."kind", v."id", v."rank"::float8 AS "rank", v."text", v."year", v."districtName", v."districtSlug", a."id" AS "areaId", a."name" AS "areaName",
           p."description" AS "problem", c."description" AS "cause", m."description" AS "measure", v."measureId", v."confidential", v."total",
           ts_headline('swedish', v."text", q.q, ${headlineOptions}) AS "headline"
    FROM visible v CROSS JOIN q
    LEFT JOIN "Cause" c ON c."id" = v."causeId"
    LEFT JOIN "Measure" m ON m."id" = v."measureId"
    JOIN "Problem" p ON p."id" = COALESCE(v."problemId", c."problemId")
    JOIN "PriorityArea" a ON a."id" = p."areaId"
    ORDER BY v."rank" DESC, v."year" DESC, v."districtName", v."kind", v."id"`;
  const total = rows.length > 0 ? Number(rows[0]!.total) : 0;
  const hits = rows.map(
    (r): SearchHit => ({
      kind: r.kind, id: r.id, rank: r.rank, headline: withEllipses(r.headline, r.text), districtName: r.districtName, districtSlug: r.districtSlug,
      year: r.year, areaId: r.areaId, areaName: r.areaName, problem: r.problem, cause: r.cause, measure: r.measure, measureId: r.measureId, confidential: r.confidential,
    }),
  );
  return { hits, total };
}

export type MeasureOrigin = {
  id: string;
  description: string;
  confidential: boolean;
  districtId: string;
  districtName: string;
  districtSlug: string;
  municipalityId: string;
  year: number;
  areaId: string;
  areaName: string;
  centralArea: string | null;
  problem: string;
  cause: string;
  goals: { description: string; targetValue: number | null; targetUnit: string | null; qualitative: boolean; status: GoalStatus | null }[];
};

/** One measure with its chain, district and goals (with their latest follow-up status); null when there is none. */
export async function getMeasureWithChain(measureId: string): Promise<MeasureOrigin | null> {
  const rows = await db.$queryRaw<Omit<MeasureOrigin, "goals">[]>`
    SELECT m."id", m."description", m."confidential", d."id" AS "districtId", d."name" AS "districtName", d."slug" AS "districtSlug",
            d."municipalityId", pl."year", a."id" AS "areaId", a."name" AS "areaName", a."centralArea"::text AS "centralArea",
            p."description" AS "problem", c."description" AS "cause"
     FROM "Measure" m JOIN "Cause" c ON c."id" = m."causeId" JOIN "Problem" p ON p."id" = c."problemId"
     JOIN "PriorityArea" a ON a."id" = p."areaId" JOIN "Plan" pl ON pl."id" = a."planId" JOIN "District" d ON d."id" = pl."districtId"
     WHERE m."id" = ${measureId}::uuid`;
  const row = rows[0];
  if (!row) return null;
  const goals = await db.$queryRaw<MeasureOrigin["goals"]>`
    SELECT g."description", g."targetValue"::float8 AS "targetValue", g."targetUnit", g."qualitative", ${LATEST_GOAL_STATUS} AS "status"
    FROM "Goal" g WHERE g."measureId" = ${measureId}::uuid ORDER BY g."position"`;
  return { ...row, goals };
}

export type SimilarMeasure = {
  id: string;
  description: string;
  districtName: string;
  districtSlug: string;
  year: number;
  areaId: string;
  areaName: string;
  sameArea: boolean;
  problem: string;
  cause: string;
  rank: number;
  /** The latest follow-up status of each of its goals (null: none yet). */
  goalStatuses: (GoalStatus | null)[];
};

/**
 * "Liknande åtgärder": measures in other districts that address the same kind of problem. The
 * words (lexemes) of the measure's problem and cause are matched against other plans' problems
 * and causes, its own words against their measures; a measure in the same priority area counts
 * double. At most `limit`, each with its goals' latest follow-up status: what worked elsewhere.
 */
export async function similarMeasures(measureId: string, reach: Reach, limit = 10): Promise<SimilarMeasure[]> {
  if (reach.viewable.length === 0) return [];
  return db.$queryRaw<SimilarMeasure[]>`
    WITH src AS (
      SELECT m."id", pl."districtId", a."centralArea", a."name" AS "areaName",
             p."searchVector" || c."searchVector" AS "chain", m."searchVector" AS "own"
      FROM "Measure" m JOIN "Cause" c ON c."id" = m."causeId" JOIN "Problem" p ON p."id" = c."problemId"
      JOIN "PriorityArea" a ON a."id" = p."areaId" JOIN "Plan" pl ON pl."id" = a."planId"
      WHERE m."id" = ${measureId}::uuid
    ),
    -- The source's words as OR-queries. 'simple': the lexemes are already stemmed.
    q AS (
      SELECT src.*,
        (SELECT to_tsquery('simple', string_agg(quote_literal(w), ' | ')) FROM unnest(tsvector_to_array(src."chain")) w) AS "chainQ",
        (SELECT to_tsquery('simple', string_agg(quote_literal(w), ' | ')) FROM unnest(tsvector_to_array(src."own")) w) AS "ownQ"
      FROM src
    ),
    cand AS (
      SELECT m."id", m."description", d."name" AS "districtName", d."slug" AS "districtSlug", pl."year", a."id" AS "areaId", a."name" AS "areaName",
             (a."centralArea" IS NOT NULL AND a."centralArea" = q."centralArea") OR (a."centralArea" IS NULL AND q."centralArea" IS NULL AND lower(a."name") = lower(q."areaName")) AS "sameArea",
             p."description" AS "problem", c."description" AS "cause",
             COALESCE(ts_rank_cd(p."searchVector" || c."searchVector", q."chainQ"), 0) + 0.5 * COALESCE(ts_rank_cd(m."searchVector", q."ownQ"), 0) AS "rank"
      FROM q
      JOIN "Measure" m ON m."id" <> q."id"
      JOIN "Cause" c ON c."id" = m."causeId" JOIN "Problem" p ON p."id" = c."problemId"
      JOIN "PriorityArea" a ON a."id" = p."areaId" JOIN "Plan" pl ON pl."id" = a."planId" JOIN "District" d ON d."id" = pl."districtId"
      WHERE pl."districtId" <> q."districtId"
        AND d."id" = ANY(${reach.viewable}::uuid[])
        AND (NOT m."confidential" OR d."id" = ANY(${reach.confidential}::uuid[]))
        AND (p."searchVector" @@ q."chainQ" OR c."searchVector" @@ q."chainQ" OR m."searchVector" @@ q."ownQ")
    )
    SELECT cand.*, cand."rank"::float8 AS "rank",
           COALESCE((SELECT array_agg(${LATEST_GOAL_STATUS} ORDER BY g."position") FROM "Goal" g WHERE g."measureId" = cand."id"), ARRAY[]::text[]) AS "goalStatuses"
    FROM cand
    -- The same area counts double: a close match elsewhere can still beat a loose one in the same area.
    ORDER BY cand."rank" * (CASE WHEN cand."sameArea" THEN 2 ELSE 1 END) DESC, cand."year" DESC, cand."districtName", cand."id"
    LIMIT ${limit}`;
}

/** Where measures were copied from ("Kopierad från Skärholmen 2025"), for the ones that were: copy id → origin. */
export async function getCopiedOrigins(measureIds: string[]): Promise<Map<string, { districtName: string; year: number; href: string }>> {
  if (measureIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ id: string; sourceId: string; districtName: string; slug: string; year: number; areaId: string }[]>`
    SELECT m."id", s."id" AS "sourceId", d."name" AS "districtName", d."slug", pl."year", a."id" AS "areaId"
    FROM "Measure" m JOIN "Measure" s ON s."id" = m."copiedFromId"
    JOIN "Cause" c ON c."id" = s."causeId" JOIN "Problem" p ON p."id" = c."problemId"
    JOIN "PriorityArea" a ON a."id" = p."areaId" JOIN "Plan" pl ON pl."id" = a."planId" JOIN "District" d ON d."id" = pl."districtId"
    WHERE m."id" = ANY(${measureIds}::uuid[])`;
  return new Map(rows.map((r) => [r.id, { districtName: r.districtName, year: r.year, href: `/plans/${r.slug}/${r.year}/areas/${r.areaId}#measure-${r.sourceId}` }]));
}
