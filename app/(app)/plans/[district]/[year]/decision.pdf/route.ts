import { authorize } from "@/lib/domain/permissions";
import { getActor } from "@/lib/auth/actor";
import { getDistrictBySlug } from "@/lib/db/districts";
import { getPlanByDistrictYear } from "@/lib/db/plans";
import { renderDecisionDocument } from "@/lib/pdf/decision-document";
import { loadDecisionDocument } from "@/lib/pdf/load";

const TEXT = { "content-type": "text/plain; charset=utf-8", "cache-control": "private, no-store" };

/**
 * GET /plans/{district}/{year}/decision.pdf: the decided plan as the appendix to the council's
 * decision (PDF), for everyone who may read the plan (else 404, as for a plan that does not
 * exist; 401 when signed out; 409 while the plan is not decided).
 */
export async function GET(_req: Request, { params }: { params: Promise<{ district: string; year: string }> }) {
  const actor = await getActor();
  if (!actor) return new Response("Logga in för att ladda ner beslutsbilagan.", { status: 401, headers: TEXT });
  const { district: slug, year } = await params;
  const district = /^\d{4}$/.test(year) ? await getDistrictBySlug(slug) : null;
  const plan = district && authorize(actor, "plan.view", { scope: district }).ok ? await getPlanByDistrictYear(district.districtId, Number(year)) : null;
  if (!district || !plan) return new Response("Planen finns inte.", { status: 404, headers: TEXT });

  const loaded = await loadDecisionDocument(plan, district.name);
  if (!loaded.ok) return new Response(loaded.message, { status: 409, headers: TEXT });
  const body = await renderDecisionDocument(loaded.document);
  const filename = `Beslutsbilaga åtgärdsplan ${plan.year} ${district.name}.pdf`;
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="beslutsbilaga-atgardsplan-${plan.year}-${district.slug}.pdf"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "content-length": String(body.length),
      "cache-control": "private, no-store",
    },
  });
}
