import Link from "next/link";
import { GOAL_STATUS_LABELS, NO_STATUS_LABEL } from "@/lib/domain/follow-up";
import type { MeasureOrigin } from "@/lib/db/search";

/** One measure of the library with its chain and its goals' latest follow-up status. */
export function MeasureSummary({ measure }: { measure: MeasureOrigin }) {
  return (
    <div className="border-l-4 border-brand bg-gray-50 p-3" data-testid="library-measure">
      <p className="text-sm">
        {measure.districtName} {measure.year} · {measure.areaName}
      </p>
      <dl className="mt-1 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold">Problem</dt>
        <dd className="prose-cell">{measure.problem}</dd>
        <dt className="font-semibold">Orsak</dt>
        <dd className="prose-cell">{measure.cause}</dd>
        <dt className="font-semibold">Åtgärd</dt>
        <dd className="prose-cell">
          <Link href={`/plans/${measure.districtSlug}/${measure.year}/areas/${measure.areaId}#measure-${measure.id}`}>{measure.description}</Link>
        </dd>
        <dt className="font-semibold">Operativa mål</dt>
        <dd>
          {measure.goals.length === 0 ? (
            "Inga"
          ) : (
            <ol className="list-decimal pl-5">
              {measure.goals.map((g, i) => (
                <li key={i}>
                  {g.description} <span className="text-sm">({g.status ? GOAL_STATUS_LABELS[g.status] : NO_STATUS_LABEL})</span>
                </li>
              ))}
            </ol>
          )}
        </dd>
      </dl>
    </div>
  );
}
