import "server-only";
import { CENTRAL_AREAS, type PlanTree, type SummaryRow, type Deadline } from "@/lib/domain/types";
import { CENTRAL_AREA_NAMES } from "@/lib/domain/areas";
import { auditActionOf, eventOfAuditAction, WORKFLOW_EVENTS, type WorkflowEvent } from "@/lib/domain/workflow";
import { db, type Tx } from "@/lib/db/client";

export async function getPlanByDistrictYear(districtId: string, year: number) {
  return db.plan.findUnique({
    where: { districtId_year: { districtId, year } },
    select: { id: true, year: true, status: true, version: true, updatedAt: true, districtId: true },
  });
}

export async function listAreasOfPlan(planId: string) {
  return db.priorityArea.findMany({
    where: { planId },
    orderBy: { position: "asc" },
    select: { id: true, name: true, centralArea: true, position: true, version: true },
  });
}

function toDeadline(m: { deadlineKind: "DATE" | "ONGOING" | null; deadlineDate: Date | null; deadlineNote: string | null }): Deadline {
  if (m.deadlineKind === "DATE" && m.deadlineDate) return { kind: "DATE", date: m.deadlineDate.toISOString().slice(0, 10) };
  if (m.deadlineKind === "ONGOING") return { kind: "ONGOING" };
  return m.deadlineNote ? { kind: "NONE", note: m.deadlineNote } : { kind: "NONE" };
}

const treeInclude = {
  problems: {
    orderBy: { position: "asc" },
    include: {
      causes: {
        orderBy: { position: "asc" },
        include: {
          measures: {
            orderBy: { position: "asc" },
            include: {
              goals: { orderBy: { position: "asc" } },
              responsibleParties: { orderBy: { position: "asc" } },
            },
          },
        },
      },
    },
  },
} as const;

/**
 * The plan's content as the editor shows it; `areaId` narrows it to one area. Versions come along
 * for the forms. Pass `tx` to read inside a transaction (workflow guards, snapshots).
 */
export async function getPlanTree(planId: string, areaId?: string, client: Tx = db) {
  const areas = await client.priorityArea.findMany({
    where: { planId, ...(areaId ? { id: areaId } : {}) },
    orderBy: { position: "asc" },
    include: treeInclude,
  });
  return areas.map((a) => ({
    id: a.id,
    name: a.name,
    centralArea: a.centralArea,
    position: a.position,
    version: a.version,
    problems: a.problems.map((p) => ({
      id: p.id,
      collectiveName: p.collectiveName,
      description: p.description,
      position: p.position,
      version: p.version,
      carriedFromId: p.carriedFromId,
      causes: p.causes.map((c) => ({
        id: c.id,
        description: c.description,
        position: c.position,
        version: c.version,
        carriedFromId: c.carriedFromId,
        measures: c.measures.map((m) => ({
          id: m.id,
          description: m.description,
          kind: m.kind,
          withPolice: m.withPolice,
          deadline: toDeadline(m),
          responsibleParties: m.responsibleParties.map((r) => ({ organisation: r.organisation, role: r.role })),
          youthStrategy: m.youthStrategy,
          violentExtremism: m.violentExtremism,
          position: m.position,
          version: m.version,
          carriedFromId: m.carriedFromId,
          copiedFromId: m.copiedFromId,
          confidential: m.confidential,
          evidence: {
            evidenceEffect: m.evidenceEffect,
            evidenceMechanism: m.evidenceMechanism,
            evidenceContext: m.evidenceContext,
            evidenceImplementation: m.evidenceImplementation,
            evidenceEconomy: m.evidenceEconomy,
            evidenceLinks: m.evidenceLinks,
          },
          goals: m.goals.map((g) => ({
            id: g.id,
            description: g.description,
            targetValue: g.targetValue === null ? null : Number(g.targetValue),
            targetUnit: g.targetUnit,
            qualitative: g.qualitative,
            position: g.position,
            version: g.version,
            carriedFromId: g.carriedFromId,
          })),
        })),
      })),
    })),
  }));
}

export type EditorArea = Awaited<ReturnType<typeof getPlanTree>>[number];
export type EditorProblem = EditorArea["problems"][number];
export type EditorCause = EditorProblem["causes"][number];
export type EditorMeasure = EditorCause["measures"][number];
export type EditorGoal = EditorMeasure["goals"][number];

export function asPlanTree(planId: string, areas: EditorArea[]): PlanTree {
  return { id: planId, areas };
}

/**
 * The summary tab, counted by the database from the live rows (one row per area, in order).
 * `withConfidential`: count measures with sekretess (and their goals) too — only for a reader who
 * may see them, never for a file (lib/domain/confidential.ts).
 */
export async function getPlanSummary(planId: string, { withConfidential }: { withConfidential: boolean }): Promise<SummaryRow[]> {
  const rows = await db.$queryRaw<
    { areaId: string; areaName: string; problems: bigint; causes: bigint; measures: bigint; goals: bigint }[]
  >`
    SELECT a."id" AS "areaId", a."name" AS "areaName",
           COUNT(DISTINCT p."id") AS "problems", COUNT(DISTINCT c."id") AS "causes",
           COUNT(DISTINCT m."id") AS "measures", COUNT(DISTINCT g."id") AS "goals"
    FROM "PriorityArea" a
    LEFT JOIN "Problem" p ON p."areaId" = a."id"
    LEFT JOIN "Cause" c ON c."problemId" = p."id"
    LEFT JOIN "Measure" m ON m."causeId" = c."id" AND (${withConfidential} OR NOT m."confidential")
    LEFT JOIN "Goal" g ON g."measureId" = m."id"
    WHERE a."planId" = ${planId}::uuid
    GROUP BY a."id", a."name", a."position"
    ORDER BY a."position"`;
  return rows.map((r) => ({
    areaId: r.areaId,
    areaName: r.areaName,
    problems: Number(r.problems),
    causes: Number(r.causes),
    measures: Number(r.measures),
    goals: Number(r.goals),
  }));
}

export type LastStep = { event: WorkflowEvent; at: Date; actorName: string | null };

/** Each plan's latest workflow step from the audit log: what was done, when and by whom. */
export async function latestWorkflowSteps(planIds: string[]): Promise<Map<string, LastStep>> {
  if (planIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ planId: string; action: string; at: Date; actorName: string | null }[]>`
    SELECT DISTINCT ON (a."planId") a."planId", a."action", a."at", u."name" AS "actorName"
    FROM "AuditLog" a LEFT JOIN "User" u ON u."id" = a."actorId"
    WHERE a."planId" = ANY(${planIds}::uuid[]) AND a."action" = ANY(${WORKFLOW_EVENTS.map(auditActionOf)}::text[])
    ORDER BY a."planId", a."at" DESC, a."id" DESC`;
  const steps = new Map<string, LastStep>();
  for (const r of rows) {
    const event = eventOfAuditAction(r.action);
    if (event) steps.set(r.planId, { event, at: r.at, actorName: r.actorName });
  }
  return steps;
}

/** A new plan with the five central areas of the agreement, in order. */
export async function insertPlanWithCentralAreas(tx: Tx, districtId: string, year: number) {
  const plan = await tx.plan.create({ data: { districtId, year } });
  await tx.priorityArea.createMany({
    data: CENTRAL_AREAS.map((centralArea, position) => ({
      planId: plan.id,
      centralArea,
      name: CENTRAL_AREA_NAMES[centralArea],
      position,
    })),
  });
  return plan;
}

/** The ids of the plan's measures that have sekretess now (to hide them in stored versions too). */
export async function confidentialMeasureIds(planId: string): Promise<Set<string>> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT m."id" FROM "Measure" m JOIN "Cause" c ON c."id" = m."causeId" JOIN "Problem" p ON p."id" = c."problemId"
    JOIN "PriorityArea" a ON a."id" = p."areaId" WHERE a."planId" = ${planId}::uuid AND m."confidential"`;
  return new Set(rows.map((r) => r.id));
}

/**
 * The DRAFT or RETURNED plans of these districts with their areas, problems and causes (ids and
 * texts only): where a copied measure can go.
 */
export async function listEditablePlansWithCauses(districtIds: string[]) {
  if (districtIds.length === 0) return [];
  return db.plan.findMany({
    where: { districtId: { in: districtIds }, status: { in: ["DRAFT", "RETURNED"] } },
    orderBy: [{ year: "desc" }],
    select: {
      id: true,
      year: true,
      status: true,
      district: { select: { id: true, slug: true, name: true } },
      areas: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          name: true,
          centralArea: true,
          problems: { orderBy: { position: "asc" }, select: { id: true, description: true, causes: { orderBy: { position: "asc" }, select: { id: true, description: true } } } },
        },
      },
    },
  });
}
