// A frozen copy of a plan's content (a version): the full tree with ids, so that two versions
// can be compared (diff.ts) and an old version shown as it was. Stored as JSON; read back
// through `parseSnapshot`, which checks the shape and keeps only the known fields.

import { z } from "zod";
import { byPosition } from "./tree";
import { CENTRAL_AREAS, type AreaNode, type CauseNode, type Deadline, type GoalNode, type MeasureNode, type ProblemNode } from "./types";

/** Bumped when the shape changes; a stored snapshot without it is version 1. */
export const SNAPSHOT_SCHEMA_VERSION = 1;

export type PlanSnapshot = {
  schemaVersion: typeof SNAPSHOT_SCHEMA_VERSION;
  planId: string;
  year: number;
  districtName: string;
  /** In position order at every level. */
  areas: AreaNode[];
};

function copyDeadline(d: Deadline): Deadline {
  switch (d.kind) {
    case "DATE":
      return { kind: "DATE", date: d.date };
    case "ONGOING":
      return { kind: "ONGOING" };
    case "NONE":
      return d.note === undefined ? { kind: "NONE" } : { kind: "NONE", note: d.note };
  }
}

function copyGoal(g: GoalNode): GoalNode {
  return { id: g.id, description: g.description, targetValue: g.targetValue, position: g.position };
}

function copyMeasure(m: MeasureNode): MeasureNode {
  return {
    id: m.id,
    description: m.description,
    kind: m.kind,
    withPolice: m.withPolice,
    deadline: copyDeadline(m.deadline),
    responsibleParties: m.responsibleParties.map((p) => ({ organisation: p.organisation, role: p.role })),
    youthStrategy: m.youthStrategy,
    violentExtremism: m.violentExtremism,
    position: m.position,
    ...(m.confidential ? { confidential: true } : {}),
    goals: byPosition(m.goals).map(copyGoal),
  };
}

function copyCause(c: CauseNode): CauseNode {
  return { id: c.id, description: c.description, position: c.position, measures: byPosition(c.measures).map(copyMeasure) };
}

function copyProblem(p: ProblemNode): ProblemNode {
  return {
    id: p.id,
    collectiveName: p.collectiveName,
    description: p.description,
    position: p.position,
    causes: byPosition(p.causes).map(copyCause),
  };
}

function copyArea(a: AreaNode): AreaNode {
  return {
    id: a.id,
    name: a.name,
    centralArea: a.centralArea,
    position: a.position,
    problems: byPosition(a.problems).map(copyProblem),
  };
}

/**
 * A detached copy of the plan's content: only the known fields (nothing the database row
 * happens to carry along), sorted by position at every level, safe to JSON.stringify.
 */
export function makeSnapshot(input: { planId: string; year: number; districtName: string; areas: readonly AreaNode[] }): PlanSnapshot {
  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    planId: input.planId,
    year: input.year,
    districtName: input.districtName,
    areas: byPosition(input.areas).map(copyArea),
  };
}

const ZId = z.string().min(1);
const ZPosition = z.number().int().min(0);

const ZDeadline: z.ZodType<Deadline> = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("DATE"), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u) }),
  z.object({ kind: z.literal("ONGOING") }),
  z.object({ kind: z.literal("NONE"), note: z.string().optional() }),
]);

const ZGoal: z.ZodType<GoalNode> = z.object({
  id: ZId,
  description: z.string(),
  targetValue: z.number().nullable(),
  position: ZPosition,
});

const ZMeasure: z.ZodType<MeasureNode> = z.object({
  id: ZId,
  description: z.string(),
  kind: z.enum(["ONE_OFF", "ONGOING_WORK"]).nullable(),
  withPolice: z.boolean(),
  deadline: ZDeadline,
  responsibleParties: z.array(z.object({ organisation: z.string(), role: z.string().nullable() })),
  youthStrategy: z.boolean(),
  violentExtremism: z.boolean(),
  position: ZPosition,
  confidential: z.boolean().optional(),
  goals: z.array(ZGoal),
});

const ZCause: z.ZodType<CauseNode> = z.object({ id: ZId, description: z.string(), position: ZPosition, measures: z.array(ZMeasure) });

const ZProblem: z.ZodType<ProblemNode> = z.object({
  id: ZId,
  collectiveName: z.string().nullable(),
  description: z.string(),
  position: ZPosition,
  causes: z.array(ZCause),
});

const ZArea: z.ZodType<AreaNode> = z.object({
  id: ZId,
  name: z.string(),
  centralArea: z.enum(CENTRAL_AREAS).nullable(),
  position: ZPosition,
  problems: z.array(ZProblem),
});

const ZSnapshot = z.object({
  schemaVersion: z.literal(SNAPSHOT_SCHEMA_VERSION).default(SNAPSHOT_SCHEMA_VERSION),
  planId: ZId,
  year: z.number().int(),
  districtName: z.string(),
  areas: z.array(ZArea),
});

/** A stored version that cannot be read as a snapshot (a bug or a damaged row, not a user error). */
export class SnapshotError extends Error {
  constructor(readonly path: string, detail: string) {
    super(`Den sparade versionen av planen kunde inte läsas (${path === "" ? "roten" : path}: ${detail}).`);
    this.name = "SnapshotError";
  }
}

export type SnapshotParse = { ok: true; snapshot: PlanSnapshot } | { ok: false; error: SnapshotError };

/** Like parseSnapshot, as a value. */
export function safeParseSnapshot(json: unknown): SnapshotParse {
  let value = json;
  if (typeof json === "string") {
    try {
      value = JSON.parse(json) as unknown;
    } catch {
      return { ok: false, error: new SnapshotError("", "ogiltig JSON") };
    }
  }
  const parsed = ZSnapshot.safeParse(value);
  if (parsed.success) return { ok: true, snapshot: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, error: new SnapshotError(issue ? issue.path.map(String).join(".") : "", issue?.message ?? "okänt fel") };
}

/**
 * Reads a stored snapshot (the parsed JSON value, or its JSON text). Checks every field's
 * type, drops unknown fields; throws SnapshotError naming the first wrong field.
 */
export function parseSnapshot(json: unknown): PlanSnapshot {
  const result = safeParseSnapshot(json);
  if (!result.ok) throw result.error;
  return result.snapshot;
}
