import type { Metadata } from "next";
import { visibleAreas } from "@/lib/domain/confidential";
import Link from "next/link";
import { areaIsComplete, countCompleteAreas, findIncomplete } from "@/lib/domain/completeness";
import { unsignedPoliceMeasures } from "@/lib/domain/cosign";
import { availableEvents } from "@/lib/domain/workflow";
import { authorize } from "@/lib/domain/permissions";
import { requirePlan } from "@/lib/auth/plan-access";
import { asPlanTree, confidentialMeasureIds, getPlanTree } from "@/lib/db/plans";
import { getSignaturesByMeasure } from "@/lib/db/signatures";
import { listDecisions, listPlanComments } from "@/lib/db/versions";
import { WorkflowPanel } from "@/components/workflow/workflow-panel";
import { PlanTimeline } from "@/components/workflow/plan-timeline";
import { Tag } from "@/components/ui/tag";
import { AddAreaForm } from "./_components/add-area-form";
import { isFollowUpStatus, overdueMeasures } from "@/lib/domain/follow-up";
import { todayInSweden } from "@/lib/dates";
import { getPlanFollowUp, latestStatuses } from "@/lib/db/follow-up";

type Params = { params: Promise<{ district: string; year: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { year } = await params;
  return { title: `Översikt – åtgärdsplan ${year}` };
}

export default async function PlanOverviewPage({ params }: Params) {
  const { district: slug, year: yearParam } = await params;
  const { actor, district, plan, canEdit, canReadConfidential } = await requirePlan(slug, yearParam);
  const base = `/plans/${district.slug}/${plan.year}`;
  const tree = asPlanTree(plan.id, visibleAreas(await getPlanTree(plan.id), canReadConfidential));
  const issues = findIncomplete(tree);
  const { complete, total } = countCompleteAreas(tree);
  const unsigned = unsignedPoliceMeasures(tree, await getSignaturesByMeasure(plan.id));
  const [decisions, comments] = await Promise.all([listDecisions(plan.id), listPlanComments(plan.id, canReadConfidential ? undefined : await confidentialMeasureIds(plan.id))]);
  const events = availableEvents(actor, district, plan.status);
  const overdue = isFollowUpStatus(plan.status) ? overdueMeasures(tree.areas, latestStatuses(await getPlanFollowUp(plan.id)), todayInSweden()) : [];

  return (
    <>
      <h2 className="mb-2 text-2xl font-bold">Översikt</h2>
      <WorkflowPanel events={events} planRef={{ districtSlug: district.slug, year: plan.year }} planVersion={plan.version} base={base} />
      <p className="mb-4">
        {complete} av {total} områden klara.{" "}
        {unsigned.length > 0 ? <span data-testid="unsigned-count">{unsigned.length} åtgärder väntar på polisens underskrift.</span> : null}
      </p>

      {isFollowUpStatus(plan.status) ? (
        <p className="mb-4" data-testid="overview-follow-up">
          Planen är beslutad. {overdue.length > 0 ? <Tag tone="warn">{overdue.length} försenade åtgärder</Tag> : "Inga åtgärder är försenade."}{" "}
          <Link href={`${base}/follow-up`}>Till uppföljningen</Link>
        </p>
      ) : null}
      <ol className="mb-8 divide-y divide-gray-300 border-y border-gray-300">
        {tree.areas.map((area) => {
          const done = areaIsComplete(area);
          const measures = area.problems.reduce((n, p) => n + p.causes.reduce((m, c) => m + c.measures.length, 0), 0);
          return (
            <li key={area.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
              <div>
                <Link href={`${base}/areas/${area.id}`} className="font-semibold">
                  {area.name}
                </Link>
                <span className="block text-sm text-muted">
                  {area.problems.length} problem · {measures} åtgärder{area.centralArea ? "" : " · eget prioriterat område"}
                </span>
              </div>
              {done ? <Tag tone="ok">Klar</Tag> : <Tag tone="warn">Ej klar</Tag>}
            </li>
          );
        })}
      </ol>

      <section aria-labelledby="missing-heading" className="mb-8">
        <h2 id="missing-heading" className="mb-2 text-xl font-bold">
          Det här saknas innan planen kan skickas
        </h2>
        {issues.length === 0 ? (
          <p>Inget saknas: varje problem har en orsak, varje orsak en åtgärd och varje åtgärd mål, tidpunkt och ansvarig.</p>
        ) : (
          <div className="border-4 border-danger p-4" data-testid="completeness-list">
            <p className="mb-2 font-semibold">{issues.length} saker behöver fyllas i:</p>
            <ul className="list-disc space-y-1 pl-6">
              {issues.map((i) => (
                <li key={`${i.anchor}-${i.message}`}>
                  <Link href={`${base}/areas/${i.areaId}#${i.anchor}`}>
                    {i.areaName}: {i.message}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>

      <PlanTimeline base={base} planRef={{ districtSlug: district.slug, year: plan.year }} decisions={decisions} comments={comments} canComment={authorize(actor, "comment.create", { scope: district }).ok} />

      {canEdit ? <AddAreaForm districtSlug={district.slug} year={plan.year} /> : null}
    </>
  );
}
