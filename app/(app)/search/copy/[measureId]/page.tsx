import type { Metadata } from "next";
import Link from "next/link";
import { authorize } from "@/lib/domain/permissions";
import type { PlanStatus } from "@/lib/domain/types";
import { listEditablePlansWithCauses } from "@/lib/db/plans";
import { MeasureSummary } from "@/components/search/measure-summary";
import { loadLibraryMeasure } from "../../_load";
import { CopyForm, type CauseGroup } from "./copy-form";

export const metadata: Metadata = { title: "Kopiera åtgärd till min plan" };

const short = (text: string, n = 90) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

/**
 * Copy a measure from another district's plan into one's own draft: choose the plan (when there are
 * several), then the cause it goes under. lib/actions/library.ts#copyMeasure does it, linked to
 * where it came from.
 */
export default async function CopyPage({ params, searchParams }: { params: Promise<{ measureId: string }>; searchParams: Promise<{ plan?: string }> }) {
  const { measureId } = await params;
  const { plan: planParam } = await searchParams;
  const { actor, measure, districts } = await loadLibraryMeasure(measureId);
  const plans = (await listEditablePlansWithCauses(districts.map((d) => d.districtId))).filter((p) => {
    const scope = districts.find((d) => d.districtId === p.district.id)!;
    return authorize(actor, "plan.edit", { scope, planStatus: p.status as PlanStatus }).ok;
  });
  const chosen = plans.length === 1 ? plans[0] : plans.find((p) => p.id === planParam);
  const groups: CauseGroup[] = (chosen?.areas ?? []).flatMap((a) =>
    a.problems
      .filter((p) => p.causes.length > 0)
      .map((p, i) => ({
        label: `${a.name} – problem ${i + 1}: ${short(p.description, 60)}`,
        causes: p.causes.map((c, j) => ({ id: c.id, label: `Orsak ${i + 1}.${j + 1}: ${short(c.description)}` })),
      })),
  );
  // A cause in the same central area as the copied measure is the likely home.
  const suggested = chosen?.areas.find((a) => a.centralArea !== null && a.centralArea === measure.centralArea)?.problems.flatMap((p) => p.causes)[0]?.id ?? null;

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/search/similar/${measure.id}`}>Liknande åtgärder</Link> · <Link href="/search">Sök i åtgärdsplanerna</Link>
      </p>
      <h1 className="mb-4 text-3xl font-bold">Kopiera åtgärd till min plan</h1>
      <MeasureSummary measure={measure} />
      <p className="my-4 max-w-3xl">
        Åtgärden kopieras med sin text, sina operativa mål och sitt kunskapsunderlag, och får en länk tillbaka hit. När, vem och om
        den görs med polisen fyller ni i själva: det är ert beslut.
      </p>
      {plans.length === 0 ? (
        <p data-testid="copy-no-plan">
          Du har ingen plan som går att ändra just nu. Åtgärder kan kopieras till en plan som är under arbete eller har skickats
          tillbaka. <Link href="/plans">Till åtgärdsplanerna</Link>
        </p>
      ) : (
        <>
          {plans.length > 1 ? (
            <form method="get" className="mb-6 flex max-w-3xl flex-wrap items-end gap-3">
              <div>
                <label htmlFor="copy-plan" className="block font-semibold">
                  Till vilken plan?
                </label>
                <select id="copy-plan" name="plan" defaultValue={chosen?.id ?? ""} className="border-2 border-gray-700 bg-white px-2 py-1">
                  <option value="">Välj plan</option>
                  {plans.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.district.name} {p.year}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="border-2 border-brand bg-white px-3 py-1 font-semibold text-brand">
                Välj plan
              </button>
            </form>
          ) : null}
          {chosen ? (
            <section aria-labelledby="copy-target">
              <h2 id="copy-target" className="mb-2 text-xl font-bold">
                Till åtgärdsplan {chosen.year} för {chosen.district.name}
              </h2>
              {groups.length === 0 ? (
                <p>Planen har inga orsaker ännu. Skriv först problem och orsaker i planen, sedan kan du kopiera åtgärder dit.</p>
              ) : (
                <CopyForm planRef={{ districtSlug: chosen.district.slug, year: chosen.year }} sourceId={measure.id} groups={groups} suggested={suggested} />
              )}
            </section>
          ) : null}
        </>
      )}
    </>
  );
}
