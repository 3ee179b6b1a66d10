import type { Metadata } from "next";
import { visibleAreas } from "@/lib/domain/confidential";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { defaultCarrySelection } from "@/lib/domain/carry-over";
import { GOAL_STATUS_LABELS, isFollowUpStatus } from "@/lib/domain/follow-up";
import { formatDeadline } from "@/lib/domain/deadline";
import { requirePlan } from "@/lib/auth/plan-access";
import { getPlanFollowUp, latestStatuses } from "@/lib/db/follow-up";
import { getPlanByDistrictYear, getPlanTree } from "@/lib/db/plans";
import { StartNextYearForm } from "@/components/follow-up/round-forms";
import { Tag } from "@/components/ui/tag";

type Params = { params: Promise<{ district: string; year: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { year } = await params;
  return { title: `Starta ${Number(year) + 1} från ${year}` };
}

function Check({ id, label, checked, children }: { id: string; label: string; checked: boolean; children?: React.ReactNode }) {
  return (
    <div className="mt-2">
      <label className="flex items-start gap-2">
        <input type="checkbox" id={`carry-${id}`} name={`carry.${id}`} defaultChecked={checked} className="mt-1 h-5 w-5 shrink-0" />
        <span>{label}</span>
      </label>
      {children ? <div className="ml-7">{children}</div> : null}
    </div>
  );
}

const short = (s: string, n = 140) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * "Starta 2026 från 2025": next year's draft gets the priority areas and what the strategist
 * ticks here. Goals marked "flyttas till nästa år" are ticked from the start, with their chain.
 */
export default async function NextYearPage({ params }: Params) {
  const { district: slug, year } = await params;
  const { district, plan, canCreate, canReadConfidential } = await requirePlan(slug, year);
  if (!canCreate) forbidden();
  const next = plan.year + 1;
  const base = `/plans/${district.slug}/${plan.year}`;
  const existing = await getPlanByDistrictYear(district.districtId, next);
  if (existing || !isFollowUpStatus(plan.status)) {
    return (
      <>
        <h2 className="mb-2 text-2xl font-bold">Starta {next} från {plan.year}</h2>
        {existing ? (
          <p>
            Det finns redan en <Link href={`/plans/${district.slug}/${next}`}>åtgärdsplan för {next}</Link>.
          </p>
        ) : (
          <p>Nästa års plan startas från en beslutad plan. Åtgärdsplan {plan.year} är inte beslutad än.</p>
        )}
      </>
    );
  }
  const [areas, followUp] = await Promise.all([getPlanTree(plan.id).then((a) => visibleAreas(a, canReadConfidential)), getPlanFollowUp(plan.id)]);
  const statusOf = latestStatuses(followUp);
  const selected = defaultCarrySelection(areas, statusOf);
  const ownAreas = areas.filter((a) => !a.centralArea);

  return (
    <>
      <h2 className="mb-2 text-2xl font-bold">
        Starta {next} från {plan.year}
      </h2>
      <div className="mb-6 max-w-3xl space-y-2">
        <p>
          Åtgärdsplan {next} skapas som ett utkast med de fem prioriterade samverkansområdena
          {ownAreas.length ? ` och era egna områden (${ownAreas.map((a) => a.name).join(", ")})` : ""}. Bara det du kryssar i följer med; inget följer med utan att du valt det.
        </p>
        <p>
          Mål som har status <strong>{GOAL_STATUS_LABELS.MOVED_TO_NEXT_YEAR.toLowerCase()}</strong> är förvalda tillsammans med sin åtgärd, orsak och problem. Det som följer med får en länk till var det kom ifrån (”från {plan.year}”).
          Datum för <em>När</em> följer inte med: sätt nya datum för {next}. Linjearbete förblir linjearbete.
        </p>
        <p className="text-sm">
          <Link href={`${base}/follow-up`}>Tillbaka till uppföljningen</Link>
        </p>
      </div>
      <StartNextYearForm planRef={{ districtSlug: district.slug, year: plan.year }} label={`Skapa åtgärdsplan ${next}`}>
        {areas.map((a) => (
          <fieldset key={a.id} className="mb-6 border-2 border-gray-700 p-4">
            <legend className="px-1 text-lg font-bold">{a.name}</legend>
            {a.problems.length === 0 ? <p className="text-sm">Inget innehåll.</p> : null}
            {a.problems.map((p, pi) => (
              <Check key={p.id} id={p.id} label={`Problem ${pi + 1}: ${p.collectiveName ? `${p.collectiveName} – ` : ""}${short(p.description)}`} checked={selected.has(p.id)}>
                {p.causes.map((c, ci) => (
                  <Check key={c.id} id={c.id} label={`Orsak ${pi + 1}.${ci + 1}: ${short(c.description)}`} checked={selected.has(c.id)}>
                    {c.measures.map((m, mi) => (
                      <Check key={m.id} id={m.id} label={`Åtgärd ${pi + 1}.${ci + 1}.${mi + 1}: ${short(m.description)} (${formatDeadline(m.deadline)})`} checked={selected.has(m.id)}>
                        {m.goals.map((g, gi) => {
                          const status = statusOf(g.id);
                          return (
                            <Check key={g.id} id={g.id} label={`Mål ${gi + 1}: ${short(g.description)}${status ? ` – ${GOAL_STATUS_LABELS[status].toLowerCase()}` : ""}`} checked={selected.has(g.id)} />
                          );
                        })}
                      </Check>
                    ))}
                  </Check>
                ))}
              </Check>
            ))}
          </fieldset>
        ))}
        <p className="mb-4">
          <Tag tone="info">{selected.size} rader förvalda</Tag>
        </p>
      </StartNextYearForm>
    </>
  );
}
