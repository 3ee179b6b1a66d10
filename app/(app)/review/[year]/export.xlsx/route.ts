import { authorize } from "@/lib/domain/permissions";
import { STATUS_LABELS } from "@/lib/domain/workflow";
import type { PlanStatus } from "@/lib/domain/types";
import { getActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { getPlanSummary, getPlanTree } from "@/lib/db/plans";
import { cityWorkbook } from "@/lib/xlsx/export";

const text = (body: string, status: number) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/**
 * GET /review/{year}/export.xlsx: every district's plan of the year in one workbook, for the
 * review group (and administrators) of the municipality; only the districts they review.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ year: string }> }) {
  const actor = await getActor();
  if (!actor) return text("Logga in för att ladda ner planerna.", 401);
  const { year } = await params;
  if (!/^\d{4}$/.test(year)) return text("Året finns inte.", 404);
  const municipalityIds = [...new Set(actor.memberships.map((m) => m.municipalityId))];
  const plans = await db.plan.findMany({
    where: { year: Number(year), district: { municipalityId: { in: municipalityIds } } },
    orderBy: { district: { name: "asc" } },
    select: { id: true, status: true, district: { select: { id: true, name: true, municipalityId: true, policeAreas: { select: { policeAreaId: true } } } } },
  });
  const mine = plans.filter((p) => {
    const scope = { districtId: p.district.id, municipalityId: p.district.municipalityId, policeAreaIds: p.district.policeAreas.map((x) => x.policeAreaId) };
    return authorize(actor, "plan.review", { scope }).ok || authorize(actor, "admin.manage", { scope }).ok;
  });
  if (mine.length === 0) return text("Det finns inga planer för året som du granskar.", 404);
  const data = await Promise.all(
    mine.map(async (p) => ({ districtName: p.district.name, status: STATUS_LABELS[p.status as PlanStatus], areas: await getPlanTree(p.id), summary: await getPlanSummary(p.id, { withConfidential: false }) })),
  );
  const body = await cityWorkbook(Number(year), data);
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="atgardsplaner-${year}.xlsx"`,
      "cache-control": "private, no-store",
    },
  });
}
