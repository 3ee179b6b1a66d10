import "server-only";
import type { PlannedArea } from "@/lib/domain/import-plan";
import { normalizeText } from "@/lib/domain/text";
import type { Deadline } from "@/lib/domain/types";
import type { Tx } from "@/lib/db/client";
import type { AuditEntry } from "@/lib/db/audit";

const differs = (a: string | null, b: string | null) => normalizeText(a ?? "") !== normalizeText(b ?? "");

const deadlineColumns = (d: Deadline) => ({
  deadlineKind: d.kind === "NONE" ? null : d.kind,
  deadlineDate: d.kind === "DATE" ? new Date(`${d.date}T00:00:00Z`) : null,
  deadlineNote: d.kind === "NONE" ? (d.note ?? null) : null,
});

/**
 * Writes a planned import into the plan, in the caller's transaction: new areas, problems,
 * causes, measures and goals appended after what is there; matched rows updated where the file
 * changed them (with their version bumped, which withdraws a police signature of a changed
 * measure). Returns the audit entries to append. Nothing is deleted.
 */
export async function writeImport(tx: Tx, planId: string, actorId: string, planned: readonly PlannedArea[]): Promise<AuditEntry[]> {
  const audit: AuditEntry[] = [];
  const log = (action: "create" | "update", entityType: string, entityId: string, before: unknown, after: unknown) =>
    audit.push({ actorId, action: `${entityType}.${action}`, entityType, entityId, planId, before: action === "create" ? undefined : before, after: { ...(after as object), source: "import" } });
  const next = async (table: "priorityArea" | "problem" | "cause" | "measure" | "goal", where: Record<string, string>) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the same aggregate on five models
    const r = await (tx[table] as any).aggregate({ where, _max: { position: true } });
    return ((r._max.position as number | null) ?? -1) + 1;
  };

  for (const a of planned) {
    let areaId = a.id;
    if (!areaId) {
      const area = await tx.priorityArea.create({ data: { planId, name: a.name, centralArea: a.centralArea, position: await next("priorityArea", { planId }) } });
      areaId = area.id;
      log("create", "area", area.id, null, { name: a.name });
    }
    for (const p of a.problems) {
      let problemId = p.id;
      if (problemId) {
        const was = await tx.problem.findUniqueOrThrow({ where: { id: problemId } });
        if (differs(was.description, p.description) || differs(was.collectiveName, p.collectiveName)) {
          await tx.problem.update({ where: { id: problemId }, data: { description: p.description, collectiveName: p.collectiveName, version: { increment: 1 } } });
          log("update", "problem", problemId, { collectiveName: was.collectiveName, description: was.description }, { collectiveName: p.collectiveName, description: p.description });
        }
      } else {
        const row = await tx.problem.create({ data: { areaId, collectiveName: p.collectiveName, description: p.description, position: await next("problem", { areaId }) } });
        problemId = row.id;
        log("create", "problem", row.id, null, { collectiveName: p.collectiveName, description: p.description });
      }
      for (const c of p.causes) {
        let causeId = c.id;
        if (causeId) {
          const was = await tx.cause.findUniqueOrThrow({ where: { id: causeId } });
          if (differs(was.description, c.description)) {
            await tx.cause.update({ where: { id: causeId }, data: { description: c.description, version: { increment: 1 } } });
            log("update", "cause", causeId, { description: was.description }, { description: c.description });
          }
        } else {
          const row = await tx.cause.create({ data: { problemId, description: c.description, position: await next("cause", { problemId }) } });
          causeId = row.id;
          log("create", "cause", row.id, null, { description: c.description });
        }
        for (const m of c.measures) {
          let measureId = m.id;
          const parties = m.responsibleParties.map((r, position) => ({ organisation: r.organisation, role: r.role, position }));
          if (measureId) {
            const was = await tx.measure.findUniqueOrThrow({ where: { id: measureId }, include: { responsibleParties: { orderBy: { position: "asc" } } } });
            const cols = deadlineColumns(m.deadline);
            const sameParties = JSON.stringify(was.responsibleParties.map((r) => [r.organisation, r.role ?? null])) === JSON.stringify(parties.map((r) => [r.organisation, r.role ?? null]));
            const sameDeadline = was.deadlineKind === cols.deadlineKind && (was.deadlineDate?.toISOString() ?? null) === (cols.deadlineDate?.toISOString() ?? null) && (cols.deadlineKind !== null || !differs(was.deadlineNote, cols.deadlineNote));
            if (differs(was.description, m.description) || !sameParties || !sameDeadline) {
              // Fields the template has no column for (kind, tags) stay; a police party added in "Vem" marks it as done with the police.
              await tx.measure.update({
                where: { id: measureId },
                data: { description: m.description, ...(sameDeadline ? {} : cols), withPolice: was.withPolice || m.withPolice, version: { increment: 1 } },
              });
              if (!sameParties) {
                await tx.responsibleParty.deleteMany({ where: { measureId } });
                await tx.responsibleParty.createMany({ data: parties.map((r) => ({ ...r, measureId: measureId! })) });
              }
              log("update", "measure", measureId, { description: was.description }, { description: m.description });
            }
          } else {
            const row = await tx.measure.create({
              data: {
                causeId,
                description: m.description,
                kind: m.kind,
                withPolice: m.withPolice,
                ...deadlineColumns(m.deadline),
                position: await next("measure", { causeId }),
                responsibleParties: { create: parties },
              },
            });
            measureId = row.id;
            log("create", "measure", row.id, null, { description: m.description });
          }
          for (const g of m.goals) {
            if (g.id) {
              const was = await tx.goal.findUniqueOrThrow({ where: { id: g.id } });
              if (differs(was.description, g.description)) {
                await tx.goal.update({ where: { id: g.id }, data: { description: g.description, targetValue: g.targetValue, version: { increment: 1 } } });
                log("update", "goal", g.id, { description: was.description }, { description: g.description });
              }
            } else {
              const row = await tx.goal.create({ data: { measureId, description: g.description, targetValue: g.targetValue, position: await next("goal", { measureId }) } });
              log("create", "goal", row.id, null, { description: g.description });
            }
          }
        }
      }
    }
  }
  return audit;
}
