import type { Metadata } from "next";
import Link from "next/link";
import { GOAL_STATUS_LABELS, isOverdue, mayWriteMeasureFollowUp, ROUND_SLUGS } from "@/lib/domain/follow-up";
import { formatDeadline } from "@/lib/domain/deadline";
import { todayInSweden } from "@/lib/dates";
import { requireActor } from "@/lib/auth/actor";
import { getPlanFollowUp, latestStatuses, listDecidedPlansFor } from "@/lib/db/follow-up";
import { getPlanTree } from "@/lib/db/plans";
import { Tag } from "@/components/ui/tag";

export const metadata: Metadata = { title: "Mina åtgärder" };

type SearchParams = { searchParams: Promise<{ forsenade?: string }> };

/**
 * The measures the user is responsible for following up in decided plans: the strategist every
 * measure of their district, the police the measures carried out with the police in the
 * districts their police area serves. Overdue ones first, flagged.
 */
export default async function MyMeasuresPage({ searchParams }: SearchParams) {
  const actor = await requireActor();
  const onlyOverdue = (await searchParams).forsenade === "1";
  const districtIds = actor.memberships.flatMap((m) => (m.role === "STRATEGIST" ? [m.districtId] : []));
  const policeAreaIds = actor.memberships.flatMap((m) => (m.role === "POLICE" ? [m.policeAreaId] : []));
  const plans = await listDecidedPlansFor(districtIds, policeAreaIds);
  const today = todayInSweden();

  const groups = await Promise.all(
    plans.map(async (plan) => {
      const [areas, followUp] = await Promise.all([getPlanTree(plan.id), getPlanFollowUp(plan.id)]);
      const statusOf = latestStatuses(followUp);
      const writer = { assessesGoals: districtIds.includes(plan.districtId), isPolice: plan.district.policeAreas.some((p) => policeAreaIds.includes(p.policeAreaId)) };
      const items = areas.flatMap((a) =>
        a.problems.flatMap((p) =>
          p.causes.flatMap((c) =>
            c.measures
              .filter((m) => mayWriteMeasureFollowUp(writer, m))
              .map((m) => {
                const statuses = m.goals.map((g) => statusOf(g.id));
                return { area: a, measure: m, statuses, overdue: isOverdue(m, statuses, today), hasText: !!followUp.measures.get("YEAR_END")?.get(m.id)?.text.trim() };
              }),
          ),
        ),
      );
      const shown = items.filter((i) => !onlyOverdue || i.overdue).sort((x, y) => Number(y.overdue) - Number(x.overdue));
      return { plan, items: shown, overdue: items.filter((i) => i.overdue).length };
    }),
  );
  const total = groups.reduce((n, g) => n + g.overdue, 0);

  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">Mina åtgärder</h1>
      <p className="mb-4 max-w-3xl">
        Åtgärder i beslutade planer som du är med och ansvarar för och följer upp. Försenade åtgärder – datumet har passerat utan att målen är uppfyllda – visas först.
      </p>
      {districtIds.length === 0 && policeAreaIds.length === 0 ? <p>Du har ingen roll som ansvarar för åtgärder (trygghetsstrateg eller polis).</p> : null}
      <p className="mb-6">
        {total > 0 ? <Tag tone="warn">{total} försenade</Tag> : <Tag tone="ok">Inga försenade</Tag>}{" "}
        {onlyOverdue ? <Link href="/my-measures">Visa alla mina åtgärder</Link> : <Link href="/my-measures?forsenade=1">Visa bara försenade</Link>}
      </p>
      {groups.map(({ plan, items }) => (
        <section key={plan.id} aria-labelledby={`mm-${plan.id}`} className="mb-8">
          <h2 id={`mm-${plan.id}`} className="mb-2 text-xl font-bold">
            {plan.district.name} – åtgärdsplan {plan.year} ({items.length})
          </h2>
          {items.length === 0 ? <p>Inga åtgärder att visa.</p> : null}
          <ul className="divide-y divide-gray-300 border-y border-gray-300" data-testid="my-measures">
            {items.map(({ area, measure, statuses, overdue, hasText }) => (
              <li key={measure.id} className="py-3">
                <div className="flex flex-wrap items-center gap-2">
                  {overdue ? <Tag tone="warn">Försenad</Tag> : null}
                  <Link href={`/plans/${plan.district.slug}/${plan.year}/follow-up/${ROUND_SLUGS.YEAR_END}/${area.id}#measure-${measure.id}`}>{measure.description.length > 160 ? `${measure.description.slice(0, 159)}…` : measure.description}</Link>
                </div>
                <p className="text-sm text-muted">
                  {area.name} · När: {formatDeadline(measure.deadline)} · Mål: {statuses.length === 0 ? "inga" : statuses.map((s) => (s ? GOAL_STATUS_LABELS[s].toLowerCase() : "ingen status")).join(", ")} · {hasText ? "årsuppföljning skriven" : "årsuppföljning saknas"}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
