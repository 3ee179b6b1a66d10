import type { Metadata } from "next";
import Link from "next/link";
import { unsignedPoliceMeasures } from "@/lib/domain/cosign";
import { requireActor } from "@/lib/auth/actor";
import { asPlanTree, getPlanTree } from "@/lib/db/plans";
import { getSignaturesByMeasure, listOpenPlansServedBy } from "@/lib/db/signatures";

export const metadata: Metadata = { title: "Att signera" };

/** The police's worklist: measures awaiting their co-signature in every district their police area serves. */
export default async function WorklistPage() {
  const actor = await requireActor();
  const policeAreaIds = actor.memberships.flatMap((m) => (m.role === "POLICE" ? [m.policeAreaId] : []));
  const plans = policeAreaIds.length ? await listOpenPlansServedBy(policeAreaIds) : [];
  const groups = await Promise.all(
    plans.map(async (plan) => {
      const tree = asPlanTree(plan.id, await getPlanTree(plan.id));
      return { plan, items: unsignedPoliceMeasures(tree, await getSignaturesByMeasure(plan.id)) };
    }),
  );
  const open = groups.filter((g) => g.items.length > 0);
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">Att signera</h1>
      <p className="mb-6 max-w-3xl">Åtgärder som genomförs med polisen eller där polisen är ansvarig ska signeras av lokalpolisområdet innan planen skickas till styrgruppen. Läs åtgärden och signera eller avböj den på planens sida.</p>
      {policeAreaIds.length === 0 ? <p>Du har ingen polisroll, så det finns inget för dig att signera.</p> : null}
      {policeAreaIds.length > 0 && open.length === 0 ? <p>Inga åtgärder väntar på din underskrift.</p> : null}
      {open.map(({ plan, items }) => (
        <section key={plan.id} aria-labelledby={`wl-${plan.id}`} className="mb-6">
          <h2 id={`wl-${plan.id}`} className="mb-2 text-xl font-bold">
            {plan.district.name} – åtgärdsplan {plan.year} ({items.length})
          </h2>
          <ul className="list-disc space-y-1 pl-6" data-testid="worklist">
            {items.map((item) => (
              <li key={item.measureId}>
                <Link href={`/plans/${plan.district.slug}/${plan.year}/areas/${item.areaId}#${item.anchor}`}>{item.message}</Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
