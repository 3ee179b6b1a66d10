import type { Metadata } from "next";
import { totalOf } from "@/lib/domain/summary";
import { requirePlan } from "@/lib/auth/plan-access";
import { getPlanSummary } from "@/lib/db/plans";

type Params = { params: Promise<{ district: string; year: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { year } = await params;
  return { title: `Sammanställning – åtgärdsplan ${year}` };
}

/** The workbook's "Sammanställning" tab, counted by the database from the live plan instead of typed by hand. */
export default async function SummaryPage({ params }: Params) {
  const { district: slug, year } = await params;
  const { plan, district, canReadConfidential } = await requirePlan(slug, year);
  const rows = await getPlanSummary(plan.id, { withConfidential: canReadConfidential });
  const total = totalOf(rows);
  const num = "py-2 px-3 text-right tabular-nums";
  return (
    <>
      <h2 className="mb-2 text-2xl font-bold">Sammanställning</h2>
      <p className="mb-4 max-w-3xl">Antal problem, identifierade orsaker, åtgärder och operativa mål per prioriterat område, räknat från planens innehåll just nu.</p>
      <table className="w-full border-collapse text-left" data-testid="summary-table">
        <caption className="sr-only">Sammanställning av åtgärdsplan {plan.year} för {district.name}</caption>
        <thead>
          <tr className="border-b-2 border-gray-700">
            <th scope="col" className="py-2 pr-3">Prioriterat område</th>
            <th scope="col" className={num}>Antal problem</th>
            <th scope="col" className={num}>Antal identifierade orsaker</th>
            <th scope="col" className={num}>Antal åtgärder</th>
            <th scope="col" className={num}>Antal operativa mål</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.areaId} className="border-b border-gray-300">
              <th scope="row" className="py-2 pr-3 font-normal">{r.areaName}</th>
              <td className={num}>{r.problems}</td>
              <td className={num}>{r.causes}</td>
              <td className={num}>{r.measures}</td>
              <td className={num}>{r.goals}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t-2 border-gray-700 font-bold">
            <th scope="row" className="py-2 pr-3">Totalt</th>
            <td className={num}>{total.problems}</td>
            <td className={num}>{total.causes}</td>
            <td className={num}>{total.measures}</td>
            <td className={num}>{total.goals}</td>
          </tr>
        </tfoot>
      </table>
    </>
  );
}
