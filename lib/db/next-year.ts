import "server-only";
import type { CarriedArea } from "@/lib/domain/carry-over";
import type { Tx } from "@/lib/db/client";
import { insertPlanWithCentralAreas } from "@/lib/db/plans";

/**
 * Next year's plan with the five central areas, the district's own areas, and the chosen
 * content, every row pointing at its origin (carriedFromId). Positions start again at 0.
 */
export async function insertCarriedPlan(tx: Tx, districtId: string, year: number, areas: readonly CarriedArea[]) {
  const plan = await insertPlanWithCentralAreas(tx, districtId, year);
  const central = await tx.priorityArea.findMany({ where: { planId: plan.id }, select: { id: true, centralArea: true } });
  let nextPosition = central.length;
  for (const area of areas) {
    const areaId =
      central.find((c) => area.centralArea !== null && c.centralArea === area.centralArea)?.id ??
      (await tx.priorityArea.create({ data: { planId: plan.id, name: area.name, position: nextPosition++ } })).id;
    for (const [pi, p] of area.problems.entries()) {
      const problem = await tx.problem.create({ data: { areaId, collectiveName: p.collectiveName, description: p.description, position: pi, carriedFromId: p.id } });
      for (const [ci, c] of p.causes.entries()) {
        const cause = await tx.cause.create({ data: { problemId: problem.id, description: c.description, position: ci, carriedFromId: c.id } });
        for (const [mi, m] of c.measures.entries()) {
          const measure = await tx.measure.create({
            data: {
              causeId: cause.id,
              description: m.description,
              kind: m.kind,
              withPolice: m.withPolice,
              deadlineKind: m.deadline.kind === "ONGOING" ? "ONGOING" : null,
              youthStrategy: m.youthStrategy,
              violentExtremism: m.violentExtremism,
              position: mi,
              carriedFromId: m.id,
            },
          });
          if (m.responsibleParties.length > 0) {
            await tx.responsibleParty.createMany({ data: m.responsibleParties.map((r, position) => ({ measureId: measure.id, organisation: r.organisation, role: r.role, position })) });
          }
          if (m.goals.length > 0) {
            await tx.goal.createMany({ data: m.goals.map((g, position) => ({ measureId: measure.id, description: g.description, targetValue: g.targetValue, targetUnit: g.targetUnit ?? null, qualitative: g.qualitative ?? false, position, carriedFromId: g.id })) });
          }
        }
      }
    }
  }
  return plan;
}
