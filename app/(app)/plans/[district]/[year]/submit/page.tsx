import type { Metadata } from "next";
import { visibleAreas } from "@/lib/domain/confidential";
import Link from "next/link";
import { findIncomplete } from "@/lib/domain/completeness";
import { unsignedPoliceMeasures } from "@/lib/domain/cosign";
import { EVENT_LABELS, availableEvents } from "@/lib/domain/workflow";
import { requirePlan } from "@/lib/auth/plan-access";
import { asPlanTree, getPlanTree } from "@/lib/db/plans";
import { getSignaturesByMeasure } from "@/lib/db/signatures";
import { PlanReadView } from "@/components/plan/plan-read-view";
import { SubmitForm } from "./submit-form";

type Params = { params: Promise<{ district: string; year: string }> };

export const metadata: Metadata = { title: "Granska och skicka" };

/** GOV.UK "check answers": the whole plan for checking, what is missing, then one button that says what happens. */
export default async function SubmitPage({ params }: Params) {
  const { district: slug, year } = await params;
  const { actor, district, plan, canReadConfidential } = await requirePlan(slug, year);
  const base = `/plans/${district.slug}/${plan.year}`;
  const tree = asPlanTree(plan.id, visibleAreas(await getPlanTree(plan.id), canReadConfidential));
  const signatures = await getSignaturesByMeasure(plan.id);
  const missing = [
    ...findIncomplete(tree).map((i) => ({ message: `${i.areaName}: ${i.message}`, href: `${base}/areas/${i.areaId}#${i.anchor}` })),
    ...unsignedPoliceMeasures(tree, signatures).map((u) => ({ message: u.message, href: `${base}/areas/${u.areaId}#${u.anchor}` })),
  ];
  const canSubmit = availableEvents(actor, district, plan.status).includes("SUBMIT");

  return (
    <>
      <h2 className="mb-2 text-2xl font-bold">Granska och skicka</h2>
      {!canSubmit ? (
        <p className="mb-4 border-l-4 border-brand bg-blue-50 p-3">Planen kan inte skickas av dig just nu. <Link href={base}>Till översikten</Link></p>
      ) : missing.length > 0 ? (
        <div className="mb-6 border-4 border-danger p-4" data-testid="submit-missing">
          <h3 className="mb-2 text-lg font-bold">Planen kan inte skickas än: {missing.length} saker saknas</h3>
          <ul className="list-disc space-y-1 pl-6">
            {missing.map((m) => (
              <li key={`${m.href}-${m.message}`}><Link href={m.href}>{m.message}</Link></li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="mb-4">Kontrollera planen nedan. När du skickar den kan du inte ändra den förrän styrgruppen har beslutat eller skickat tillbaka den.</p>
      )}
      <PlanReadView areas={tree.areas} signatures={signatures} />
      {canSubmit ? (
        <div className="mt-8">
          <SubmitForm planRef={{ districtSlug: district.slug, year: plan.year }} planVersion={plan.version} label={EVENT_LABELS.SUBMIT} />
        </div>
      ) : null}
    </>
  );
}
