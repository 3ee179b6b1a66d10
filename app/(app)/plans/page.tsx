import type { Metadata } from "next";
import Link from "next/link";
import { authorize } from "@/lib/domain/permissions";
import type { PlanStatus } from "@/lib/domain/types";
import { requireActor } from "@/lib/auth/actor";
import { listDistrictsWithPlans } from "@/lib/db/districts";
import { latestWorkflowSteps } from "@/lib/db/plans";
import { listRoundStates } from "@/lib/db/follow-up";
import { ROUND_LABELS } from "@/lib/domain/follow-up";
import { LastStepText } from "@/components/workflow/last-step";
import { PlanStatusTag } from "@/components/plan/status-tag";
import { CreatePlanForm } from "@/components/plan/create-plan-form";

export const metadata: Metadata = { title: "Åtgärdsplaner" };

export default async function PlansPage() {
  const actor = await requireActor();
  const municipalityIds = [...new Set(actor.memberships.map((m) => m.municipalityId))];
  const districts = (await listDistrictsWithPlans(municipalityIds))
    .map((d) => {
      const scope = { districtId: d.id, municipalityId: d.municipalityId, policeAreaIds: d.policeAreas.map((p) => p.policeAreaId) };
      return { ...d, canView: authorize(actor, "plan.view", { scope }).ok, canCreate: authorize(actor, "plan.create", { scope }).ok };
    })
    .filter((d) => d.canView)
    .sort((a, b) => Number(b.canCreate) - Number(a.canCreate));
  const planIds = districts.flatMap((d) => d.plans.map((p) => p.id));
  // The review group (and administrators) can download every district's plans of a year at once.
  const reviews = actor.memberships.some((m) => m.role === "REVIEW_GROUP" || m.role === "ADMIN");
  const reviewYears = reviews ? [...new Set(districts.flatMap((d) => d.plans.map((p) => p.year)))].sort((a, b) => b - a) : [];
  const [lastSteps, rounds] = await Promise.all([latestWorkflowSteps(planIds), listRoundStates(planIds)]);

  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">Åtgärdsplaner</h1>
      <p className="mb-6 max-w-3xl">
        En åtgärdsplan per stadsdelsområde och år, med problem, orsaker, åtgärder och operativa mål inom varje prioriterat
        samverkansområde.
      </p>
      {reviewYears.length > 0 ? (
        <p className="mb-4" data-testid="city-exports">
          Alla stadsdelsområdens planer i en Excel-fil:{" "}
          {reviewYears.map((y, i) => (
            <span key={y}>
              {i > 0 ? ", " : ""}
              <a href={`/review/${y}/export.xlsx`} download>
                {y}
              </a>
            </span>
          ))}
        </p>
      ) : null}
      {districts.length === 0 ? (
        <p>Du har ingen roll i något stadsdelsområde ännu. Kontakta din administratör.</p>
      ) : (
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">Stadsdelsområden och deras åtgärdsplaner</caption>
          <thead>
            <tr className="border-b-2 border-gray-700">
              <th scope="col" className="py-2 pr-4">Stadsdelsområde</th>
              <th scope="col" className="py-2 pr-4">Planer</th>
              <th scope="col" className="py-2">Ny plan</th>
            </tr>
          </thead>
          <tbody>
            {districts.map((d) => (
              <tr key={d.id} className="border-b border-gray-300 align-top">
                <th scope="row" className="py-3 pr-4 font-semibold">{d.name}</th>
                <td className="py-3 pr-4">
                  {d.plans.length === 0 ? (
                    <span className="text-muted">Ingen plan ännu</span>
                  ) : (
                    <ul className="space-y-1">
                      {d.plans.map((p) => (
                        <li key={p.year} className="flex flex-wrap items-center gap-2">
                          <Link href={`/plans/${d.slug}/${p.year}`}>Åtgärdsplan {p.year}<span className="sr-only"> för {d.name}</span></Link>
                          <PlanStatusTag status={p.status as PlanStatus} />
                          <span className="text-sm text-muted">
                            <LastStepText step={lastSteps.get(p.id)} />
                          </span>
                          {rounds.get(p.id)?.length ? (
                            <span className="text-sm" data-testid="round-states">
                              Uppföljning: {rounds.get(p.id)!.map((r) => `${ROUND_LABELS[r.kind].replace(/ \(.*\)$/, "")} ${r.done ? "klar" : "pågår"}`).join(" · ")}
                            </span>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className="py-3">
                  {d.canCreate ? (
                    <CreatePlanForm districtSlug={d.slug} districtName={d.name} suggestedYear={(d.plans[0]?.year ?? new Date().getFullYear() - 1) + 1} />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
