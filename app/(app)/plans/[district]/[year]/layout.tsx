import Link from "next/link";
import type { PlanStatus } from "@/lib/domain/types";
import { loadPlanAccess } from "@/lib/auth/plan-access";
import { latestWorkflowSteps, listAreasOfPlan } from "@/lib/db/plans";
import { LastStepText } from "@/components/workflow/last-step";
import { isFollowUpStatus } from "@/lib/domain/follow-up";
import { authorize } from "@/lib/domain/permissions";
import { PlanStatusTag } from "@/components/plan/status-tag";
import { CreatePlanForm } from "@/components/plan/create-plan-form";
import { PlanTabs } from "./_components/plan-tabs";
import { notFound } from "next/navigation";

export default async function PlanLayout({ children, params }: { children: React.ReactNode; params: Promise<{ district: string; year: string }> }) {
  const { district: slug, year: yearParam } = await params;
  const { actor, district, year, plan, canCreate, canEdit, readOnlyReason } = await loadPlanAccess(slug, yearParam);
  const base = `/plans/${district.slug}/${year}`;

  if (!plan) {
    if (!canCreate) notFound();
    return (
      <>
        <h1 className="mb-4 text-3xl font-bold">
          Åtgärdsplan {year} – {district.name}
        </h1>
        <p className="mb-4">Det finns ingen åtgärdsplan för {year} ännu. Skapa den för att börja fylla i den.</p>
        <CreatePlanForm districtSlug={district.slug} districtName={district.name} suggestedYear={year} />
      </>
    );
  }

  const [areas, lastSteps] = await Promise.all([listAreasOfPlan(plan.id), latestWorkflowSteps([plan.id])]);
  return (
    <>
      <p className="mb-1 text-sm">
        <Link href="/plans">Åtgärdsplaner</Link> <span aria-hidden="true">›</span> {district.name}
      </p>
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <h1 className="text-3xl font-bold">
          Åtgärdsplan {year} – {district.name}
        </h1>
        <PlanStatusTag status={plan.status as PlanStatus} />
      </div>
      <p className="-mt-3 mb-4 flex flex-wrap gap-x-4 text-sm">
        {lastSteps.has(plan.id) ? (
          <span>
            Senaste steget: <LastStepText step={lastSteps.get(plan.id)} />
          </span>
        ) : null}
        <a href={`${base}/export.xlsx`} download>
          Ladda ner planen som Excel (.xlsx)
        </a>
        {canEdit ? <Link href={`${base}/import`}>Läs in från Excel</Link> : null}
        {isFollowUpStatus(plan.status) ? (
          <>
            <a href={`${base}/decision.pdf`} download>
              Beslutsbilaga (PDF)
            </a>
            <Link href={`${base}/print`}>Utskriftsvy</Link>
          </>
        ) : null}
      </p>
      {!canEdit ? (
        <p className="mb-4 border-l-4 border-brand bg-blue-50 p-3" data-testid="read-only-notice">
          <strong>Du kan läsa men inte ändra den här planen.</strong>{" "}
          {isFollowUpStatus(plan.status) && readOnlyReason && authorize(actor, "followUp.write", { scope: district }).ok
            ? "Planen är beslutad och innehållet är låst. Uppföljningen skrivs under fliken Uppföljning."
            : (readOnlyReason ?? "Det är bara stadsdelsområdets trygghetsstrateger som ändrar planen.")}
        </p>
      ) : null}
      <PlanTabs
        items={[
          { href: base, label: "Översikt" },
          ...areas.map((a) => ({ href: `${base}/areas/${a.id}`, label: a.name })),
          { href: `${base}/summary`, label: "Sammanställning" },
          { href: `${base}/follow-up`, label: "Uppföljning" },
        ]}
      />
      <div className="mt-6">{children}</div>
    </>
  );
}
