import { authorize } from "@/lib/domain/permissions";
import { getActor } from "@/lib/auth/actor";
import { getDistrictBySlug } from "@/lib/db/districts";
import { getPlanFollowUp } from "@/lib/db/follow-up";
import { getPlanByDistrictYear, getPlanSummary, getPlanTree } from "@/lib/db/plans";
import { planWorkbook } from "@/lib/xlsx/export";

/**
 * GET /plans/{district}/{year}/export.xlsx: the plan in the city's Excel template, for everyone
 * who may read the plan (else 404, as for a plan that does not exist; 401 when signed out).
 */
export async function GET(_req: Request, { params }: { params: Promise<{ district: string; year: string }> }) {
  const actor = await getActor();
  if (!actor) return new Response("Logga in för att ladda ner planen.", { status: 401, headers: { "content-type": "text/plain; charset=utf-8" } });
  const { district: slug, year } = await params;
  const district = /^\d{4}$/.test(year) ? await getDistrictBySlug(slug) : null;
  const plan = district && authorize(actor, "plan.view", { scope: district }).ok ? await getPlanByDistrictYear(district.districtId, Number(year)) : null;
  if (!district || !plan) return new Response("Planen finns inte.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });

  const [areas, summary, followUp] = await Promise.all([getPlanTree(plan.id), getPlanSummary(plan.id, { withConfidential: false }), getPlanFollowUp(plan.id)]);
  const texts = followUp.measures.get("YEAR_END");
  const body = await planWorkbook({ districtName: district.name, year: plan.year, areas, summary, followUpOf: (id) => texts?.get(id)?.text ?? null });
  const filename = `Åtgärdsplan ${plan.year} ${district.name}.xlsx`;
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="atgardsplan-${plan.year}-${district.slug}.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "cache-control": "private, no-store",
    },
  });
}
