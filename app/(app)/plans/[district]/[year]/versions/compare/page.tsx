import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { diffPlans, type FieldChange, type LevelDiff, type DiffLevel } from "@/lib/domain/diff";
import { makeSnapshot, parseSnapshot, type PlanSnapshot } from "@/lib/domain/snapshot";
import { requirePlan } from "@/lib/auth/plan-access";
import { confidentialMeasureIds, getPlanTree } from "@/lib/db/plans";
import { visibleAreas } from "@/lib/domain/confidential";
import { getPlanVersion } from "@/lib/db/versions";

export const metadata: Metadata = { title: "Jämför versioner" };

const LEVEL_NAMES: Record<DiffLevel, string> = { problem: "Problem", cause: "Orsak", measure: "Åtgärd", goal: "Mål" };

function Words({ change }: { change: FieldChange }) {
  if (!change.words) {
    return (
      <span>
        <del className="bg-red-100 text-red-900">{change.before}</del> → <ins className="bg-green-100 text-green-900">{change.after}</ins>
      </span>
    );
  }
  return (
    <span className="prose-cell">
      {change.words.map((w, i) =>
        w.op === "same" ? <span key={i}>{w.text}</span> : w.op === "added" ? <ins key={i} className="bg-green-100 font-semibold text-green-900">{w.text}</ins> : <del key={i} className="bg-red-100 text-red-900">{w.text}</del>,
      )}
    </span>
  );
}

function LevelList<L extends DiffLevel>({ level, diff }: { level: L; diff: LevelDiff<L> }) {
  const name = LEVEL_NAMES[level];
  return (
    <>
      {diff.added.map((a) => <li key={`a-${a.id}`}><strong>Tillagd {name.toLowerCase()}:</strong> <ins className="bg-green-100 text-green-900">{a.label}</ins></li>)}
      {diff.removed.map((r) => <li key={`r-${r.id}`}><strong>Borttagen {name.toLowerCase()}:</strong> <del className="bg-red-100 text-red-900">{r.label}</del></li>)}
      {diff.changed.map((c) => (
        <li key={`c-${c.id}`}>
          <strong>Ändrad {name.toLowerCase()}:</strong> {c.label}
          <ul className="ml-6 list-disc">
            {c.fields.map((f) => <li key={f.field}>{f.label}: <Words change={f} /></li>)}
          </ul>
        </li>
      ))}
    </>
  );
}

/** What changed between two versions (or a version and the plan now), per area, with the changed words marked. */
export default async function ComparePage({ params, searchParams }: { params: Promise<{ district: string; year: string }>; searchParams: Promise<{ from?: string; to?: string }> }) {
  const { district: slug, year } = await params;
  const { from, to } = await searchParams;
  const { district, plan, canReadConfidential } = await requirePlan(slug, year);
  if (!from || !/^\d{1,6}$/.test(from) || !to || !(to === "current" || /^\d{1,6}$/.test(to))) notFound();
  const secret = canReadConfidential ? new Set<string>() : await confidentialMeasureIds(plan.id);
  const load = async (n: string): Promise<PlanSnapshot | null> => {
    if (n === "current") return makeSnapshot({ planId: plan.id, year: plan.year, districtName: district.name, areas: visibleAreas(await getPlanTree(plan.id), canReadConfidential) });
    const v = await getPlanVersion(plan.id, Number(n));
    if (!v) return null;
    const snapshot = parseSnapshot(v.snapshot);
    return { ...snapshot, areas: visibleAreas(snapshot.areas, canReadConfidential, secret) };
  };
  const [a, b] = await Promise.all([load(from), load(to)]);
  if (!a || !b) notFound();
  const diff = diffPlans(a, b);
  const toLabel = to === "current" ? "planen nu" : `version ${to}`;
  return (
    <>
      <p className="mb-2 text-sm"><Link href={`/plans/${district.slug}/${plan.year}/versions`}>Alla versioner</Link></p>
      <h2 className="mb-4 text-2xl font-bold">Skillnader från version {from} till {toLabel}</h2>
      <p className="mb-4 text-sm">Tillagd text är <ins className="bg-green-100 font-semibold text-green-900">understruken</ins> och borttagen text <del className="bg-red-100 text-red-900">överstruken</del>.</p>
      {!diff.hasChanges ? <p>Inga skillnader.</p> : null}
      <div className="space-y-6" data-testid="diff">
        {diff.areas.map((area) => (
          <section key={area.areaId} aria-labelledby={`diff-${area.areaId}`}>
            <h3 id={`diff-${area.areaId}`} className="mb-2 text-xl font-bold">
              {area.areaName}
              {area.change === "added" ? " (nytt område)" : area.change === "removed" ? " (borttaget område)" : ""}
            </h3>
            <ul className="list-disc space-y-2 pl-6">
              {area.fields.map((f) => <li key={f.field}>{f.label}: <Words change={f} /></li>)}
              <LevelList level="problem" diff={area.problems} />
              <LevelList level="cause" diff={area.causes} />
              <LevelList level="measure" diff={area.measures} />
              <LevelList level="goal" diff={area.goals} />
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}
