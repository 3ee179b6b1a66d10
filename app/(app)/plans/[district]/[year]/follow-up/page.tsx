import type { Metadata } from "next";
import { visibleAreas } from "@/lib/domain/confidential";
import Link from "next/link";
import {
  GOAL_STATUS_LABELS,
  goalsInContext,
  goalsNotMet,
  isFollowUpStatus,
  overdueMeasures,
  REQUIRED_ROUNDS,
  ROUND_KINDS,
  ROUND_LABELS,
  ROUND_SLUGS,
  summarizeGoalStatuses,
} from "@/lib/domain/follow-up";
import { authorize } from "@/lib/domain/permissions";
import { formatDate, todayInSweden } from "@/lib/dates";
import { requirePlan } from "@/lib/auth/plan-access";
import { getPlanFollowUp, latestStatuses } from "@/lib/db/follow-up";
import { getPlanByDistrictYear, getPlanTree } from "@/lib/db/plans";
import { FollowUpStatusSummary } from "@/components/follow-up/status-summary";
import { Tag } from "@/components/ui/tag";

type Params = { params: Promise<{ district: string; year: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { year } = await params;
  return { title: `Uppföljning – åtgärdsplan ${year}` };
}

/** The Uppföljning tab: the rounds as a task list, goals by status, goals not met, overdue measures, next year. */
export default async function FollowUpPage({ params }: Params) {
  const { district: slug, year } = await params;
  const { actor, district, plan, canCreate, canReadConfidential } = await requirePlan(slug, year);
  const base = `/plans/${district.slug}/${plan.year}`;
  if (!isFollowUpStatus(plan.status)) {
    return (
      <>
        <h2 className="mb-2 text-2xl font-bold">Uppföljning</h2>
        <p className="max-w-3xl">Uppföljning görs när planen är beslutad av den lokala styrgruppen. Då kan ni följa upp varje operativt mål i tertialrapporterna och i verksamhetsberättelsen.</p>
      </>
    );
  }

  const [areas, followUp, nextPlan] = await Promise.all([getPlanTree(plan.id).then((a) => visibleAreas(a, canReadConfidential)), getPlanFollowUp(plan.id), getPlanByDistrictYear(district.districtId, plan.year + 1)]);
  const statusOf = latestStatuses(followUp);
  const goals = goalsInContext(areas).map((g) => ({ ...g, status: statusOf(g.id) }));
  const summary = summarizeGoalStatuses(areas.map((a) => ({ areaId: a.id, areaName: a.name, goals: goals.filter((g) => g.areaId === a.id) })));
  const notMet = goalsNotMet(goals);
  const overdue = overdueMeasures(areas, statusOf, todayInSweden());
  const measureCount = areas.reduce((n, a) => n + a.problems.reduce((m, p) => m + p.causes.reduce((k, c) => k + c.measures.length, 0), 0), 0);
  const canWrite = authorize(actor, "followUp.write", { scope: district }).ok;

  return (
    <>
      <h2 className="mb-2 text-2xl font-bold">Uppföljning</h2>
      <p className="mb-4 max-w-3xl">
        Planens beslutade innehåll ändras inte av uppföljningen. Varje omgång har en status per operativt mål och en text per åtgärd. Årsuppföljningen (verksamhetsberättelsen) är obligatorisk, tertialerna är frivilliga.
      </p>

      <h3 className="mb-2 text-xl font-bold">Omgångar</h3>
      <ol className="mb-8 divide-y divide-gray-300 border-y border-gray-300" data-testid="rounds">
        {ROUND_KINDS.map((kind) => {
          const round = followUp.rounds.get(kind);
          const withStatus = goals.filter((g) => followUp.goals.get(kind)?.get(g.id)?.status).length;
          const withText = [...(followUp.measures.get(kind)?.values() ?? [])].filter((m) => m.text.trim()).length;
          return (
            <li key={kind} className="flex flex-wrap items-center justify-between gap-2 py-3">
              <div>
                <Link href={`${base}/follow-up/${ROUND_SLUGS[kind]}`} className="font-semibold">
                  {ROUND_LABELS[kind]}
                </Link>
                {REQUIRED_ROUNDS.includes(kind) ? <span className="text-sm"> (obligatorisk)</span> : <span className="text-sm"> (frivillig)</span>}
                <span className="block text-sm text-muted">
                  {withStatus} av {goals.length} mål har status · {withText} av {measureCount} åtgärder har uppföljningstext
                  {round?.completedAt ? ` · klar ${formatDate(round.completedAt)}${round.completedByName ? ` (${round.completedByName})` : ""}` : ""}
                </span>
              </div>
              {round?.completedAt ? <Tag tone="ok">Klar</Tag> : round ? <Tag tone="warn">Pågår</Tag> : <Tag>Ej påbörjad</Tag>}
            </li>
          );
        })}
      </ol>

      <section aria-labelledby="fu-summary-heading" className="mb-8">
        <h3 id="fu-summary-heading" className="mb-2 text-xl font-bold">Målen just nu</h3>
        <p className="mb-3 max-w-3xl text-sm">Varje måls senaste status: årsuppföljningen om den finns, annars den senaste tertialen.</p>
        <FollowUpStatusSummary areas={summary.areas} total={summary.total} caption={`Operativa mål per status i åtgärdsplan ${plan.year} för ${district.name}`} />
      </section>

      <section aria-labelledby="not-met-heading" className="mb-8">
        <h3 id="not-met-heading" className="mb-2 text-xl font-bold">Mål som inte är uppfyllda ({notMet.length})</h3>
        {notMet.length === 0 ? (
          <p>Inga mål har status ej uppfyllt eller delvis uppfyllt.</p>
        ) : (
          <ul className="space-y-2" data-testid="goals-not-met">
            {notMet.map((g) => (
              <li key={g.id}>
                <Tag tone="warn">{GOAL_STATUS_LABELS[g.status!]}</Tag> {g.areaName}, {g.label.toLowerCase()}: {g.description}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="overdue-heading" className="mb-8">
        <h3 id="overdue-heading" className="mb-2 text-xl font-bold">Försenade åtgärder ({overdue.length})</h3>
        <p className="mb-2 max-w-3xl text-sm">Åtgärder vars datum har passerat utan att alla mål är uppfyllda eller flyttade till nästa år.</p>
        {overdue.length === 0 ? (
          <p>Inga försenade åtgärder.</p>
        ) : (
          <ul className="list-disc space-y-1 pl-6" data-testid="overdue-measures">
            {overdue.map((m) => (
              <li key={m.measureId}>
                <Link href={`${base}/areas/${m.areaId}#measure-${m.measureId}`}>{m.description}</Link> – {m.areaName}, senast {m.date}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="next-year-heading" className="mb-8">
        <h3 id="next-year-heading" className="mb-2 text-xl font-bold">Nästa år</h3>
        {nextPlan ? (
          <p>
            <Link href={`/plans/${district.slug}/${plan.year + 1}`}>Åtgärdsplan {plan.year + 1} för {district.name}</Link> finns redan.
          </p>
        ) : canCreate ? (
          <p>
            <Link href={`${base}/next-year`} className="font-semibold">
              Starta {plan.year + 1} från {plan.year}
            </Link>{" "}
            – välj vilka problem, orsaker, åtgärder och mål som följer med.
          </p>
        ) : (
          <p>Stadsdelsområdets trygghetsstrateg startar nästa års plan.</p>
        )}
      </section>
      {!canWrite ? <p className="text-sm">Du kan läsa uppföljningen. Trygghetsstrategen och de ansvariga parterna skriver den.</p> : null}
    </>
  );
}
