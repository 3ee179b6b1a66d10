import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { GOAL_STATUS_LABELS, mayWriteMeasureFollowUp, ROUND_LABELS, ROUND_SLUGS, roundOfSlug } from "@/lib/domain/follow-up";
import { formatDeadline } from "@/lib/domain/deadline";
import { formatParty } from "@/lib/domain/responsible";
import { formatDate } from "@/lib/dates";
import { MeasureFollowUpForm } from "@/components/follow-up/measure-follow-up-form";
import { Tag } from "@/components/ui/tag";
import { loadRound } from "../../_load";

type Params = { params: Promise<{ district: string; year: string; round: string; areaId: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { year, round } = await params;
  const kind = roundOfSlug(round);
  return { title: `${kind ? ROUND_LABELS[kind] : "Uppföljning"}, ett område – åtgärdsplan ${year}` };
}

/**
 * The follow-up of one area in one round, measure by measure: the decided chain as context
 * (read-only), and a form for what the user may write — the strategist every measure and its
 * goals' statuses, the police the text of the police measures.
 */
export default async function RoundAreaPage({ params }: Params) {
  const { district: slug, year, round: roundSlug, areaId } = await params;
  const { round, areas, followUp, completed, canWrite, canAssess, isPolice, planRef, base } = await loadRound(slug, year, roundSlug);
  const area = areas.find((a) => a.id === areaId);
  if (!area) notFound();
  const texts = followUp.measures.get(round);
  const goalRows = followUp.goals.get(round);
  const writer = { assessesGoals: canAssess, isPolice };

  return (
    <>
      <p className="mb-1 text-sm">
        <Link href={base}>Uppföljning</Link> <span aria-hidden="true">›</span> <Link href={`${base}/${ROUND_SLUGS[round]}`}>{ROUND_LABELS[round]}</Link>{" "}
        <span aria-hidden="true">›</span> {area.name}
      </p>
      <h2 className="mb-2 text-2xl font-bold">
        {area.name}: {ROUND_LABELS[round].toLowerCase()}
      </h2>
      {completed ? (
        <p className="mb-4 border-l-4 border-brand bg-blue-50 p-3" data-testid="round-completed">
          Uppföljningen är markerad som klar och kan inte ändras. Strategen kan öppna den igen på <Link href={`${base}/${ROUND_SLUGS[round]}`}>omgångens sida</Link>.
        </p>
      ) : isPolice && !canAssess ? (
        <p className="mb-4 max-w-3xl">Du skriver uppföljningen av de åtgärder som genomförs med polisen. Strategen bedömer målen.</p>
      ) : null}
      {area.problems.length === 0 ? <p>Det finns inga åtgärder i det här området.</p> : null}
      <ol className="space-y-6">
        {area.problems.map((p, pi) => (
          <li key={p.id}>
            <section aria-labelledby={`fu-problem-${p.id}`} className="border-2 border-gray-700 p-4">
              <h3 id={`fu-problem-${p.id}`} className="text-lg font-bold">
                Problem {pi + 1}
                {p.collectiveName ? ` – ${p.collectiveName}` : ""}
              </h3>
              <p className="prose-cell mb-2">{p.description}</p>
              {p.causes.map((c, ci) => (
                <div key={c.id} className="mb-3 pl-4">
                  <h4 className="font-bold">
                    Orsak {pi + 1}.{ci + 1}
                  </h4>
                  <p className="prose-cell mb-2">{c.description}</p>
                  {c.measures.map((m, mi) => {
                    const label = `Åtgärd ${pi + 1}.${ci + 1}.${mi + 1}`;
                    const text = texts?.get(m.id);
                    const goals = m.goals.map((g, gi) => {
                      const row = goalRows?.get(g.id);
                      return { id: g.id, label: `Mål ${gi + 1}`, description: g.description, targetValue: g.targetValue, targetUnit: g.targetUnit, status: row?.status ?? null, outcomeValue: row?.outcomeValue ?? null, comment: row?.comment ?? null, version: row?.version ?? 0 };
                    });
                    const mayWrite = canWrite && !completed && mayWriteMeasureFollowUp(writer, m);
                    return (
                      <article key={m.id} id={`measure-${m.id}`} aria-labelledby={`fu-measure-${m.id}`} className="mb-4 bg-gray-50 p-3">
                        <h5 id={`fu-measure-${m.id}`} className="font-bold">
                          {label}
                        </h5>
                        <p className="prose-cell">{m.description}</p>
                        <p className="text-sm">
                          När: {formatDeadline(m.deadline)} · Vem: {m.responsibleParties.map(formatParty).join("; ") || "–"}
                          {m.withPolice ? " · med polisen" : ""}
                        </p>
                        {mayWrite ? (
                          <MeasureFollowUpForm planRef={planRef} round={round} measureId={m.id} measureLabel={label} text={text?.text ?? ""} textVersion={text?.version ?? 0} goals={goals} assessGoals={canAssess} />
                        ) : (
                          <div className="mt-2">
                            <h6 className="font-semibold">Uppföljning</h6>
                            <p className="prose-cell">{text?.text.trim() ? text.text : "Ingen uppföljning skriven ännu."}</p>
                            <ul className="mt-1 space-y-1">
                              {goals.map((g) => (
                                <li key={g.id} id={`goal-${g.id}`}>
                                  {g.label}: {g.description} – {g.status ? <Tag tone={g.status === "MET" ? "ok" : "warn"}>{GOAL_STATUS_LABELS[g.status]}</Tag> : <Tag>Ingen status ännu</Tag>}
                                  {g.outcomeValue !== null ? ` (utfall ${g.outcomeValue.toLocaleString("sv-SE")})` : ""}
                                </li>
                              ))}
                            </ul>
                          </div>
                        )}
                        {text?.updatedByName ? (
                          <p className="mt-1 text-sm text-muted">
                            Senast skriven av {text.updatedByName} {formatDate(text.updatedAt)}
                          </p>
                        ) : null}
                      </article>
                    );
                  })}
                </div>
              ))}
            </section>
          </li>
        ))}
      </ol>
    </>
  );
}
