import type { Metadata } from "next";
import Link from "next/link";
import { goalStatusSummary } from "@/lib/domain/follow-up";
import { similarMeasures } from "@/lib/db/search";
import { MeasureSummary } from "@/components/search/measure-summary";
import { loadLibraryMeasure } from "../../_load";

export const metadata: Metadata = { title: "Liknande åtgärder" };

/**
 * "Liknande åtgärder": what other districts do about the same kind of problem, and how it went
 * (their goals' latest follow-up status). Matching by the words of the problem and cause
 * (lib/db/search.ts#similarMeasures); the same priority area first.
 */
export default async function SimilarPage({ params }: { params: Promise<{ measureId: string }> }) {
  const { measureId } = await params;
  const { actor, measure, reach } = await loadLibraryMeasure(measureId);
  const similar = await similarMeasures(measure.id, reach);
  const canCopy = actor.memberships.some((m) => m.role === "STRATEGIST" || m.role === "ADMIN");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/search">Sök i åtgärdsplanerna</Link>
      </p>
      <h1 className="mb-4 text-3xl font-bold">Liknande åtgärder</h1>
      <h2 className="mb-2 text-xl font-bold">Åtgärden du utgår från</h2>
      <MeasureSummary measure={measure} />
      <h2 className="mb-2 mt-6 text-2xl font-bold">I andra stadsdelsområden</h2>
      <p className="mb-4 max-w-3xl">
        Åtgärder mot samma slags problem, med samma prioriterade område först. Uppföljningen visar hur det gick med deras operativa
        mål.
      </p>
      {similar.length === 0 ? (
        <p data-testid="similar-empty">Inga andra stadsdelsområden har en åtgärd mot ett liknande problem ännu.</p>
      ) : (
        <ol className="space-y-4" data-testid="similar-list">
          {similar.map((s) => (
            <li key={s.id} className="border-l-4 border-gray-400 pl-3" data-testid="similar-measure">
              <p className="text-sm">
                {s.districtName} {s.year} · {s.areaName}
                {s.sameArea ? " · samma område" : ""}
              </p>
              <p className="prose-cell">
                <Link href={`/plans/${s.districtSlug}/${s.year}/areas/${s.areaId}#measure-${s.id}`}>{s.description}</Link>
              </p>
              <dl className="mt-1 grid gap-x-3 text-sm sm:grid-cols-[auto_1fr]">
                <dt className="font-semibold">Problem</dt>
                <dd className="line-clamp-2">{s.problem}</dd>
                <dt className="font-semibold">Uppföljning</dt>
                <dd data-testid="similar-status">{goalStatusSummary(s.goalStatuses)}</dd>
              </dl>
              {canCopy ? (
                <p className="mt-1 text-sm">
                  <Link href={`/search/copy/${s.id}`}>
                    Kopiera åtgärden till min plan<span className="sr-only"> ({s.districtName} {s.year})</span>
                  </Link>
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
