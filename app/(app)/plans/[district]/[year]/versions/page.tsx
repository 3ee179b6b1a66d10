import type { Metadata } from "next";
import Link from "next/link";
import { requirePlan } from "@/lib/auth/plan-access";
import { listPlanVersions } from "@/lib/db/versions";

export const metadata: Metadata = { title: "Versioner" };

export default async function VersionsPage({ params }: { params: Promise<{ district: string; year: string }> }) {
  const { district: slug, year } = await params;
  const { district, plan } = await requirePlan(slug, year);
  const base = `/plans/${district.slug}/${plan.year}`;
  const versions = await listPlanVersions(plan.id);
  const last = versions.at(-1);
  return (
    <>
      <h2 className="mb-2 text-2xl font-bold">Versioner</h2>
      <p className="mb-4 max-w-3xl">Varje beslut sparar planens innehåll som en version som aldrig ändras. Jämför två versioner, eller den senaste versionen med planen som den ser ut nu.</p>
      {versions.length === 0 ? (
        <p>Planen har inte beslutats än, så det finns inga versioner.</p>
      ) : (
        <>
          <ol className="mb-6 space-y-1" data-testid="versions">
            {versions.map((v) => (
              <li key={v.id}>
                <Link href={`${base}/versions/${v.number}`}>Version {v.number}</Link> – {v.reason}, {v.createdAt.toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" })} ({v.createdBy.name})
              </li>
            ))}
          </ol>
          <form method="get" action={`${base}/versions/compare`} className="flex flex-wrap items-end gap-4">
            <div>
              <label htmlFor="from" className="block font-semibold">Jämför från</label>
              <select id="from" name="from" defaultValue={String(versions.length > 1 ? versions.length - 1 : 1)} className="border-2 border-gray-700 px-2 py-1">
                {versions.map((v) => <option key={v.id} value={v.number}>Version {v.number}</option>)}
              </select>
            </div>
            <div>
              <label htmlFor="to" className="block font-semibold">till</label>
              <select id="to" name="to" defaultValue={versions.length > 1 ? String(last?.number) : "current"} className="border-2 border-gray-700 px-2 py-1">
                {versions.map((v) => <option key={v.id} value={v.number}>Version {v.number}</option>)}
                <option value="current">Planen nu</option>
              </select>
            </div>
            <button type="submit" className="border-2 border-brand bg-brand px-3 py-1.5 font-semibold text-white">Visa skillnader</button>
          </form>
        </>
      )}
    </>
  );
}
