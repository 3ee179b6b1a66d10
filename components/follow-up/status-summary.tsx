import { GOAL_STATUSES, GOAL_STATUS_LABELS, NO_STATUS_LABEL, shareOf, type AreaFollowUpSummary, type GoalStatus, type StatusCounts } from "@/lib/domain/follow-up";

const KEYS = [...GOAL_STATUSES, "NONE"] as const;
const LABEL: Record<GoalStatus | "NONE", string> = { ...GOAL_STATUS_LABELS, NONE: NO_STATUS_LABEL };
/** Each status has its own pattern as well as its own shade, and its count is written in the bar: never colour alone. */
const FILL: Record<GoalStatus | "NONE", string> = {
  MET: "bg-[#1d6b3a]",
  PARTLY_MET: "bg-[repeating-linear-gradient(45deg,#9a6700_0_6px,#f5d68a_6px_12px)]",
  NOT_MET: "bg-[repeating-linear-gradient(90deg,#8a1c1c_0_3px,#f3c2c2_3px_8px)]",
  MOVED_TO_NEXT_YEAR: "bg-[radial-gradient(#1c3f8a_2px,#c9d8f5_2px)] bg-[length:8px_8px]",
  NONE: "bg-white",
};
const TEXT: Record<GoalStatus | "NONE", string> = { MET: "text-white", PARTLY_MET: "text-black", NOT_MET: "text-black", MOVED_TO_NEXT_YEAR: "text-black", NONE: "text-black" };

function Bar({ counts, total }: { counts: StatusCounts; total: number }) {
  if (total === 0) return <span className="text-sm">Inga mål</span>;
  return (
    <div className="flex h-7 w-full border-2 border-gray-700">
      {KEYS.filter((k) => counts[k] > 0).map((k) => (
        <div key={k} className={`${FILL[k]} flex items-center justify-center border-r-2 border-gray-700 last:border-r-0`} style={{ width: `${(100 * counts[k]) / total}%` }} title={`${LABEL[k]}: ${counts[k]}`}>
          <span className={`${TEXT[k]} bg-white/0 px-1 text-xs font-bold`}>{counts[k]}</span>
        </div>
      ))}
    </div>
  );
}

/**
 * Goals by status per area and for the plan: a stacked bar per area (patterns and numbers, so
 * it reads without colour) beside a table with counts and shares that carries the same data.
 */
export function FollowUpStatusSummary({ areas, total, caption }: { areas: AreaFollowUpSummary[]; total: { counts: StatusCounts; total: number }; caption: string }) {
  const num = "py-2 px-2 text-right tabular-nums";
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
      <figure aria-hidden="true" data-testid="follow-up-chart">
        <ul className="mb-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {KEYS.map((k) => (
            <li key={k} className="inline-flex items-center gap-1">
              <span className={`${FILL[k]} inline-block h-4 w-6 border-2 border-gray-700`} /> {LABEL[k]}
            </li>
          ))}
        </ul>
        <ul className="space-y-3">
          {[...areas, { areaId: "total", areaName: "Hela planen", ...total }].map((a) => (
            <li key={a.areaId}>
              <span className="block text-sm font-semibold">{a.areaName}</span>
              <Bar counts={a.counts} total={a.total} />
            </li>
          ))}
        </ul>
      </figure>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm" data-testid="follow-up-table">
          <caption className="mb-1 text-left font-semibold">{caption}</caption>
          <thead>
            <tr className="border-b-2 border-gray-700">
              <th scope="col" className="py-2 pr-2">Prioriterat område</th>
              {KEYS.map((k) => (
                <th key={k} scope="col" className={num}>{LABEL[k]}</th>
              ))}
              <th scope="col" className={num}>Antal mål</th>
            </tr>
          </thead>
          <tbody>
            {areas.map((a) => (
              <tr key={a.areaId} className="border-b border-gray-300">
                <th scope="row" className="py-2 pr-2 font-normal">{a.areaName}</th>
                {KEYS.map((k) => (
                  <td key={k} className={num}>
                    {a.counts[k]} <span className="text-muted">({shareOf(a.counts[k], a.total)} %)</span>
                  </td>
                ))}
                <td className={num}>{a.total}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t-2 border-gray-700 font-bold">
              <th scope="row" className="py-2 pr-2">Hela planen</th>
              {KEYS.map((k) => (
                <td key={k} className={num}>
                  {total.counts[k]} <span className="font-normal">({shareOf(total.counts[k], total.total)} %)</span>
                </td>
              ))}
              <td className={num}>{total.total}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
