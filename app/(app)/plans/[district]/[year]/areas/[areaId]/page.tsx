import type { Metadata } from "next";
import { cache } from "react";
import { visibleAreas } from "@/lib/domain/confidential";
import { notFound } from "next/navigation";
import { findIncomplete } from "@/lib/domain/completeness";
import { authorize } from "@/lib/domain/permissions";
import { getSignaturesByMeasure } from "@/lib/db/signatures";
import { listPlanComments } from "@/lib/db/versions";
import type { CommentView } from "@/components/workflow/comments";
import { requirePlan } from "@/lib/auth/plan-access";
import { asPlanTree, getPlanTree } from "@/lib/db/plans";
import { HELP } from "@/components/plan/texts";
import { isFollowUpStatus, overdueMeasures } from "@/lib/domain/follow-up";
import { todayInSweden } from "@/lib/dates";
import { getCarriedOrigins, getPlanFollowUp, latestStatuses } from "@/lib/db/follow-up";
import { getCopiedOrigins } from "@/lib/db/search";
import { AreaEditor } from "./_components/area-editor";
import { OwnAreaSettings } from "./_components/own-area-settings";

type Params = { params: Promise<{ district: string; year: string; areaId: string }>; searchParams?: Promise<{ kopierad?: string }> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The area's tree, once per render (the metadata and the page share it). */
const areaTree = cache(async (planId: string, areaId: string) => getPlanTree(planId, areaId));

async function load({ params }: Params) {
  const { district: slug, year, areaId } = await params;
  const access = await requirePlan(slug, year);
  if (!UUID.test(areaId)) notFound();
  const [area] = visibleAreas(await areaTree(access.plan.id, areaId), access.canReadConfidential);
  if (!area) notFound();
  return { ...access, area };
}

export async function generateMetadata(props: Params): Promise<Metadata> {
  const { area, plan, district } = await load(props);
  return { title: `${area.name} – åtgärdsplan ${plan.year} ${district.name}` };
}

export default async function AreaPage(props: Params) {
  const { actor, district, plan, area, canEdit } = await load(props);
  const justCopied = (await props.searchParams)?.kopierad === "1";
  const signatures = Object.fromEntries(await getSignaturesByMeasure(plan.id));
  const comments: Record<string, CommentView[]> = {};
  for (const c of await listPlanComments(plan.id)) if (c.measureId) (comments[c.measureId] ??= []).push(c);
  const canComment = authorize(actor, "comment.create", { scope: district }).ok;
  const canCosign = authorize(actor, "measure.cosign", { scope: district, planStatus: plan.status }).ok && (plan.status === "DRAFT" || plan.status === "RETURNED");
  const planRef = { districtSlug: district.slug, year: plan.year };
  const gaps = findIncomplete(asPlanTree(plan.id, [area]));
  // Overdue measures are flagged once the plan is decided and being carried out.
  const overdue = isFollowUpStatus(plan.status) ? overdueMeasures([area], latestStatuses(await getPlanFollowUp(plan.id)), todayInSweden()) : [];
  const measures = area.problems.flatMap((p) => p.causes.flatMap((c) => c.measures));
  const causes = area.problems.flatMap((p) => p.causes);
  const carried = [...area.problems, ...causes, ...measures, ...measures.flatMap((m) => m.goals)].flatMap((x) => (x.carriedFromId ? [x.carriedFromId] : []));
  const origins = Object.fromEntries(await getCarriedOrigins(carried));
  const copied = Object.fromEntries(await getCopiedOrigins(measures.flatMap((m) => (m.copiedFromId ? [m.id] : []))));
  return (
    <>
      <h2 className="mb-1 text-2xl font-bold">{area.name}</h2>
      <p className="mb-4 text-sm text-muted">{area.centralArea ? "Prioriterat samverkansområde i den centrala samverkansöverenskommelsen." : "Eget prioriterat område för stadsdelsområdet och lokalpolisområdet."}</p>
      {canEdit ? <p className="mb-4 max-w-3xl border-l-4 border-gray-400 pl-3 text-sm">{HELP.personalData}</p> : null}
      {justCopied ? (
        <p role="status" className="mb-4 max-w-3xl border-l-4 border-green-800 bg-green-50 p-3" data-testid="copied-status">
          Åtgärden är kopierad till planen, med sina operativa mål. Fyll i när den ska göras, vem som är ansvarig och om den görs med polisen.
        </p>
      ) : null}
      {canEdit && !area.centralArea ? (
        <OwnAreaSettings planRef={planRef} area={{ id: area.id, name: area.name, version: area.version, empty: area.problems.length === 0 }} />
      ) : null}
      {gaps.length > 0 ? (
        <details className="mb-6 border-l-4 border-amber-800 bg-amber-50 p-3" data-testid="area-gaps">
          <summary className="cursor-pointer font-semibold">{gaps.length} saker saknas i det här området</summary>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {gaps.map((g) => (
              <li key={`${g.anchor}-${g.message}`}>
                <a href={`#${g.anchor}`}>{g.message}</a>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <AreaEditor area={area} planRef={planRef} canEdit={canEdit} signatures={signatures} canCosign={canCosign} comments={comments} canComment={canComment} overdue={overdue.map((o) => o.measureId)} origins={origins} copied={copied} />
    </>
  );
}
