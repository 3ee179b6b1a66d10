import type { Metadata } from "next";
import Link from "next/link";
import { REQUIRED_ROUNDS, ROUND_LABELS, ROUND_SLUGS, roundGaps, roundOfSlug, summarizeGoalStatuses } from "@/lib/domain/follow-up";
import { formatDate } from "@/lib/dates";
import { FollowUpStatusSummary } from "@/components/follow-up/status-summary";
import { CompleteRoundForm, ReopenRoundForm } from "@/components/follow-up/round-forms";
import { Tag } from "@/components/ui/tag";
import { loadRound } from "../_load";

type Params = { params: Promise<{ district: string; year: string; round: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { year, round } = await params;
  const kind = roundOfSlug(round);
  return { title: `${kind ? ROUND_LABELS[kind] : "Uppföljning"} – åtgärdsplan ${year}` };
}

/** One round: each area as a task (Klar when every goal has a status), the round's summary, and "Markera som klar". */
export default async function RoundPage({ params }: Params) {
  const { district: slug, year, round: roundSlug } = await params;
  const { district, plan, round, areas, followUp, goals, roundVersion, completed, canAssess, planRef, base } = await loadRound(slug, year, roundSlug);
  const texts = followUp.measures.get(round);
  const summary = summarizeGoalStatuses(areas.map((a) => ({ areaId: a.id, areaName: a.name, goals: goals.filter((g) => g.areaId === a.id) })));
  const gaps = roundGaps(goals);

  return (
    <>
      <p className="mb-1 text-sm">
        <Link href={base}>Uppföljning</Link> <span aria-hidden="true">›</span> {ROUND_LABELS[round]}
      </p>
      <h2 className="mb-2 text-2xl font-bold">{ROUND_LABELS[round]}</h2>
      <p className="mb-4 max-w-3xl">
        {REQUIRED_ROUNDS.includes(round) ? "Årsuppföljningen är obligatorisk och lämnas med verksamhetsberättelsen." : "Tertialuppföljningen är frivillig."}{" "}
        {completed ? (
          <>
            <Tag tone="ok">Klar</Tag> Markerad som klar {formatDate(completed.at)}
            {completed.by ? ` av ${completed.by}` : ""}.
          </>
        ) : (
          `${goals.length - gaps.length} av ${goals.length} mål har status.`
        )}
      </p>

      <ol className="mb-8 divide-y divide-gray-300 border-y border-gray-300" data-testid="round-areas">
        {areas.map((a) => {
          const areaGoals = goals.filter((g) => g.areaId === a.id);
          const measures = a.problems.flatMap((p) => p.causes.flatMap((c) => c.measures));
          const withText = measures.filter((m) => texts?.get(m.id)?.text.trim()).length;
          const done = areaGoals.every((g) => g.status !== null);
          return (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
              <div>
                <Link href={`${base}/${ROUND_SLUGS[round]}/${a.id}`} className="font-semibold">
                  {a.name}
                </Link>
                <span className="block text-sm text-muted">
                  {areaGoals.filter((g) => g.status).length} av {areaGoals.length} mål har status · {withText} av {measures.length} åtgärder har uppföljningstext
                </span>
              </div>
              {done ? <Tag tone="ok">Klar</Tag> : <Tag tone="warn">Ej klar</Tag>}
            </li>
          );
        })}
      </ol>

      <section aria-labelledby="round-summary-heading" className="mb-8">
        <h3 id="round-summary-heading" className="mb-2 text-xl font-bold">Målen i den här omgången</h3>
        <FollowUpStatusSummary areas={summary.areas} total={summary.total} caption={`Operativa mål per status, ${ROUND_LABELS[round].toLowerCase()}, ${district.name} ${plan.year}`} />
      </section>

      {canAssess ? (
        <section aria-labelledby="complete-heading" className="mb-8">
          <h3 id="complete-heading" className="mb-2 text-xl font-bold">{completed ? "Ändra en klar uppföljning" : "Markera uppföljningen som klar"}</h3>
          {completed ? (
            <ReopenRoundForm planRef={planRef} round={round} roundVersion={roundVersion} />
          ) : (
            <>
              <p className="mb-2 max-w-3xl">När uppföljningen är klar kan den inte ändras förrän den öppnas igen. Varje mål behöver en status.</p>
              <CompleteRoundForm planRef={planRef} round={round} roundVersion={roundVersion} label={`Markera ${ROUND_LABELS[round].toLowerCase()} som klar`} />
            </>
          )}
        </section>
      ) : null}
    </>
  );
}
