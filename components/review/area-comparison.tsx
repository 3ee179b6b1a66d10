import { shareOf } from "@/lib/domain/follow-up";

export type AreaComparisonRow = { key: string; districtName: string; href: string; measures: number; policeMeasures: number; goals: number; smartGoals: number; overdueMeasures: number };

/**
 * One priority area, districts side by side: a bar per district for its measures, the share of
 * them with the police drawn as a hatched part, and both numbers written next to the bar (so it
 * reads without colour); beside it a table that carries the same data for screen readers (the
 * chart itself is hidden from them, as in components/follow-up/status-summary.tsx).
 */
export function AreaComparison({ caption, rows }: { caption: string; rows: AreaComparisonRow[] }) {
  const max = Math.max(1, ...rows.map((r) => r.measures));
  const num = "py-1 px-2 text-right tabular-nums";
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
      <figure aria-hidden="true" data-testid="area-chart">
        <ul className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <li className="inline-flex items-center gap-1">
            <span className="inline-block h-4 w-6 border-2 border-gray-700 bg-[repeating-linear-gradient(45deg,#1c3f8a_0_6px,#c9d8f5_6px_12px)]" /> Åtgärder med polisen
          </li>
          <li className="inline-flex items-center gap-1">
            <span className="inline-block h-4 w-6 border-2 border-gray-700 bg-white" /> Övriga åtgärder
          </li>
        </ul>
        <ul className="space-y-2">
          {rows.map((r) => (
            <li key={r.key}>
              <span className="block text-sm font-semibold">{r.districtName}</span>
              <div className="flex items-center gap-2">
                <div className="flex h-6 border-2 border-gray-700 bg-white" style={{ width: `${Math.max(2, (100 * r.measures) / max) * 0.7}%` }}>
                  {r.policeMeasures > 0 ? (
                    <div className="h-full bg-[repeating-linear-gradient(45deg,#1c3f8a_0_6px,#c9d8f5_6px_12px)]" style={{ width: `${(100 * r.policeMeasures) / Math.max(1, r.measures)}%` }} />
                  ) : null}
                </div>
                <span className="text-sm font-bold tabular-nums">
                  {r.measures} åtgärder, {r.policeMeasures} med polisen
                </span>
              </div>
            </li>
          ))}
        </ul>
      </figure>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="mb-1 text-left font-semibold">{caption}</caption>
          <thead>
            <tr className="border-b-2 border-gray-700">
              <th scope="col" className="py-1 pr-2">Stadsdelsområde</th>
              <th scope="col" className={num}>Åtgärder</th>
              <th scope="col" className={num}>Med polisen</th>
              <th scope="col" className={num}>Mål</th>
              <th scope="col" className={num}>SMART-mål</th>
              <th scope="col" className={num}>Försenade åtgärder</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} className="border-b border-gray-300">
                <th scope="row" className="py-1 pr-2 font-normal">
                  <a href={r.href}>{r.districtName}</a>
                </th>
                <td className={num}>{r.measures}</td>
                <td className={num}>
                  {r.policeMeasures} ({shareOf(r.policeMeasures, r.measures)} %)
                </td>
                <td className={num}>{r.goals}</td>
                <td className={num}>
                  {r.smartGoals} ({shareOf(r.smartGoals, r.goals)} %)
                </td>
                <td className={num}>{r.overdueMeasures}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
